import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { buildServer } from './server.ts';

describe('web app files', () => {
  let test: TestApp;
  let web: Awaited<ReturnType<typeof buildServer>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-web-'));

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>落实</title>');
    writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"落实"}');
    writeFileSync(path.join(dir, 'assets', 'CallPage-abc123.js'), 'export {};');
    test = await createTestApp({ seed: false });
    web = await buildServer({ ctx: test.ctx, webDir: dir });
    await web.ready();
  });

  afterAll(async () => {
    await web?.close();
    await test?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('C1: serves the service worker as JavaScript, checked at every visit', async () => {
    const response = await web.inject({ method: 'GET', url: '/sw.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('C1: serves the web manifest with its own type, and the hashed build files for a year', async () => {
    const manifest = await web.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const asset = await web.inject({ method: 'GET', url: '/assets/CallPage-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The CSP lets the page register its worker and read its manifest.
    expect(asset.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(asset.headers['content-security-policy']).toContain("manifest-src 'self'");
  });

  it('answers a page URL with index.html and leaves the API alone', async () => {
    const page = await web.inject({ method: 'GET', url: '/cases/new' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).not.toContain('immutable');
    const missing = await web.inject({ method: 'GET', url: '/assets/none.js' });
    expect(missing.headers['cache-control'] ?? '').not.toContain('immutable');
    const api = await web.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['cache-control'] ?? '').not.toContain('immutable');
  });
});
