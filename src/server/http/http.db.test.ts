import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { snapshot } from '../../../test/helpers/db.ts';
import { MIGRATIONS_FOLDER } from '../db/migrate.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';

let t: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    env: { LOG_LEVEL: 'info', BODY_LIMIT_BYTES: '4096' },
    logStream: { write: (line) => void logLines.push(line) },
    extraRoutes: (app) => {
      app.get('/api/test/no-policy', async () => ({ leaked: true }));
      // biome-ignore lint/suspicious/noExplicitAny: deliberately an action the policy table does not know
      app.get('/api/test/unknown-action', { config: { action: 'cases.nuke' as any } }, async () => ({
        leaked: true,
      }));
    },
  });
});
afterAll(async () => {
  await t.close();
});

const ENVELOPE_KEYS = ['code', 'message', 'message_en'];
function expectEnvelope(body: string) {
  const parsed = JSON.parse(body) as { error: Record<string, unknown> };
  expect(Object.keys(parsed)).toEqual(['error']);
  for (const key of ENVELOPE_KEYS) expect(typeof parsed.error[key]).toBe('string');
  expect(String(parsed.error.code)).toMatch(/^[A-Z_]+$/);
  expect(String(parsed.error.message)).toMatch(/[\u4e00-\u9fff]/);
  return parsed.error;
}

describe('deny by default', () => {
  it('refuses a route that names no policy action, logged in or not', async () => {
    const cookie = await t.login('leader');
    for (const headers of [{}, { cookie }]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/test/no-policy', headers });
      expect(response.statusCode).toBe(403);
      expect(expectEnvelope(response.body).code).toBe('NO_POLICY');
    }
  });

  it('refuses a route whose action is not in the policy table', async () => {
    const cookie = await t.login('secadmin');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/test/unknown-action',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('leaked');
  });

  it('asks for a login on a protected route without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/accounts' });
    expect(response.statusCode).toBe(401);
    expect(expectEnvelope(response.body).code).toBe('UNAUTHENTICATED');
  });
});

describe('error envelope', () => {
  it('answers unknown API routes with 404 in the envelope', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no/such/thing' });
    expect(response.statusCode).toBe(404);
    expect(expectEnvelope(response.body)).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '接口不存在' });
  });

  it('names the field at fault', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 5 },
    });
    expect(response.statusCode).toBe(400);
    expect(expectEnvelope(response.body)).toMatchObject({ code: 'VALIDATION', field: 'password' });
  });
});

/** Every documented route with its methods, from the OpenAPI document. */
async function allRoutes(): Promise<
  {
    method: string;
    url: string;
    hasBody: boolean;
    hasQuery: boolean;
    bodySchema?: { properties?: Record<string, { type?: string }> };
  }[]
> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: object }> }; parameters?: { in: string }[] }
      >
    >;
  };
  const result = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      result.push({
        method: method.toUpperCase(),
        url,
        hasBody: !!op.requestBody,
        hasQuery: (op.parameters ?? []).some((p) => p.in === 'query'),
        bodySchema: op.requestBody?.content['application/json']?.schema as never,
      });
    }
  }
  return result;
}

/** Routes whose body is raw bytes (not JSON). */
const RAW_BODY_ROUTES = new Set(['POST /api/files']);

describe('bad input never reaches the database', () => {
  it('covers every route of the OpenAPI document', async () => {
    const routes = await allRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/auth/login');
  });

  it('answers malformed bodies to every route with a 4xx envelope and leaves the data unchanged', async () => {
    const cookie = await t.login('sysadmin');
    const before = await snapshot(t.database);
    const routes = (await allRoutes()).filter((r) => r.method !== 'GET');
    const checked: string[] = [];
    for (const route of routes) {
      const wrongTypes = Object.fromEntries(
        Object.entries(route.bodySchema?.properties ?? {}).map(([key, prop]) => [
          key,
          prop.type === 'string' ? 12345 : 'x',
        ]),
      );
      const attempts: { name: string; contentType: string; body: string; expect: number[] }[] = [
        { name: 'malformed JSON', contentType: 'application/json', body: '{"username": ', expect: [400] },
        { name: 'wrong content type', contentType: 'text/plain', body: 'username=x', expect: [415] },
        {
          name: 'form encoded',
          contentType: 'application/x-www-form-urlencoded',
          body: 'a=b',
          expect: [415],
        },
        {
          name: 'oversized',
          contentType: 'application/json',
          body: JSON.stringify({ x: 'y'.repeat(5000) }),
          expect: [413],
        },
        { name: 'array', contentType: 'application/json', body: '[1,2]', expect: [400] },
        { name: 'unknown field', contentType: 'application/json', body: '{"zzz_unknown": 1}', expect: [400] },
        {
          name: 'wrong types',
          contentType: 'application/json',
          body: JSON.stringify(wrongTypes),
          expect: [400],
        },
        {
          name: 'null fields',
          contentType: 'application/json',
          body: '{"username": null, "role": null}',
          expect: [400],
        },
      ];
      for (const attempt of attempts) {
        // The photo upload reads raw image bytes only: every one of these bodies is refused as 415.
        if (RAW_BODY_ROUTES.has(`${route.method} ${route.url}`)) attempt.expect = [415];
        if (attempt.name === 'wrong types' && Object.keys(wrongTypes).length === 0) continue;
        const response = await t.app.inject({
          method: route.method as 'POST',
          url: route.url,
          headers: { cookie, 'content-type': attempt.contentType },
          body: attempt.body,
        });
        const label = `${route.method} ${route.url} ${attempt.name}: ${response.statusCode} ${response.body}`;
        expect(attempt.expect, label).toContain(response.statusCode);
        expectEnvelope(response.body);
        checked.push(label);
      }
    }
    expect(checked.length).toBeGreaterThan(50);
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('refuses bad path parameters and query strings with 400', async () => {
    const cookie = await t.login('sysadmin');
    const badId = await t.app.inject({
      method: 'POST',
      url: '/api/accounts/not-a-uuid/unlock',
      headers: { cookie },
    });
    expect(badId.statusCode).toBe(400);
    expect(expectEnvelope(badId.body).field).toBe('id');
    const auditor = await t.login('auditor');
    for (const query of ['limit=abc', 'limit=100000', 'before=-1', 'unknown=1']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/audit/events?${query}`,
        headers: { cookie: auditor },
      });
      expect(response.statusCode, query).toBe(400);
      expectEnvelope(response.body);
    }
  });
});

describe('HTTP edge', () => {
  it('reports health without a login', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    expect(response.json()).toEqual({
      status: 'ok',
      db: t.database.kind,
      version: 'test',
      migrations: journal.entries.length,
    });
  });

  it('serves an OpenAPI 3.1 document with request and response schemas for every route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        expect(Object.keys(op.responses), `${method} ${path}`).not.toEqual([]);
      }
    }
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('serves the API reference page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('sets security headers and a request id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rate-limits logins per client address', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'Whatever#1' },
        });
        codes.push(response.statusCode);
        if (response.statusCode === 429) expect(expectEnvelope(response.body).code).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('keeps passwords, session ids and personal numbers out of the logs', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gridworker', password: DEMO_PASSWORD },
    });
    const sid = response.cookies.find((c) => c.name === 'luoshi_sid')?.value ?? 'missing';
    await t.app.inject({
      method: 'GET',
      url: '/api/people/13812348000?phone=13812348000',
      headers: { cookie: `luoshi_sid=${sid}` },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'Sup3r#Secret' },
    });
    const log = logLines.join('');
    expect(log).toContain('"reqId"');
    expect(log).toContain('138****8000');
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain('Sup3r#Secret');
    expect(log).not.toContain(sid);
    expect(log).not.toContain('13812348000');
  });
});
