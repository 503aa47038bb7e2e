import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startApp } from '../../src/server/main.ts';
import { launchBrowser } from './browser.ts';

/** The password of every demo account (DEMO_MODE). */
export const DEMO_PASSWORD = 'Luoshi@2026';

/**
 * One demo app (in-memory PGlite, demo city seeded) and one Chromium per test file.
 * Each `open` is a fresh browser profile (no cookie, no stored language) whose browser
 * asks for English: the app must still start in Chinese, its first language. An
 * uncaught exception in a page fails the test that caused it.
 */
export function browserAppForFile(defaultViewport = { width: 1280, height: 900 }) {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let context: BrowserContext | null = null;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({
      env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', DEMO_MODE: 'true', LOG_LEVEL: 'warn' },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    await context?.close();
    context = null;
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });

  return {
    open: async (path: string, viewport = defaultViewport): Promise<Page> => {
      context = await browser.newContext({ baseURL: app.url, locale: 'en-US', viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(path);
      return page;
    },
  };
}
