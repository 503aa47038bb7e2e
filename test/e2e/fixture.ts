import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startApp } from '../../src/server/main.ts';
import { launchBrowser } from './browser.ts';

/** The password of every demo account (DEMO_MODE). */
export const DEMO_PASSWORD = 'Luoshi@2026';

/**
 * One demo app (in-memory PGlite, demo city seeded — without its month of history unless
 * asked) and one Chromium per test file.
 * Each `open` is a fresh browser profile (no cookie, no stored language) whose browser
 * asks for English: the app must still start in Chinese, its first language. An
 * uncaught exception in a page fails the test that caused it.
 */
export function browserAppForFile(
  defaultViewport = { width: 1280, height: 900 },
  /** `history`: also replay the demo month of cases (DEMO_HISTORY; about 40 s more). */
  options: { history?: boolean } = {},
) {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let context: BrowserContext | null = null;
  let pageErrors: string[] = [];

  beforeAll(
    async () => {
      app = await startApp({
        env: {
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: 'memory://',
          DEMO_MODE: 'true',
          DEMO_HISTORY: options.history ? 'true' : 'false',
          LOG_LEVEL: 'warn',
          // Tests sign in as many roles in a row; the login limit has its own test (http.db.test.ts).
          LOGIN_RATE_PER_MINUTE: '1000',
        },
      });
      browser = await launchBrowser();
      // The history replays a month of cases: minutes on a busy machine.
    },
    options.history ? 600_000 : undefined,
  );

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

/** Signs out whoever is signed in (the session cookie goes) and signs `username` in, landing on the home page. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}
