import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
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
  let lastPage: Page | null = null;
  let apiLog = new ApiLog();

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

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && lastPage) {
      const attempt = task.result.retryCount ? ` (retry ${task.result.retryCount})` : '';
      await reportFailure(lastPage, `${task.name}${attempt}`, apiLog);
    }
    await context?.close();
    context = null;
    lastPage = null;
    apiLog = new ApiLog();
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });

  return {
    open: async (path: string, viewport = defaultViewport): Promise<Page> => {
      // Reduced motion: antd's dialogs and dropdowns appear at once (the app honours the
      // setting), so no click lands on an option that is still sliding into place.
      context = await browser.newContext({
        baseURL: app.url,
        locale: 'en-US',
        viewport,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      lastPage = page;
      apiLog.watch(page);
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

/**
 * Switches a signed-in user's language from the header and waits until the server has
 * saved it (the page switches at once; the save follows): a later test that signs the
 * same user in must find the language this one left.
 */
export async function switchLanguage(page: Page, button: 'English' | '中文'): Promise<void> {
  const [saved] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'PUT' && new URL(response.url()).pathname === '/api/auth/me/settings',
    ),
    page.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  expect(saved.status()).toBe(200);
}

/** The page's API calls for a failure report: the last 30 answered or failed, and those still open. */
class ApiLog {
  readonly lines: string[] = [];
  readonly open = new Map<Request, number>();

  watch(page: Page): void {
    page.on('request', (request) => {
      if (request.url().includes('/api/')) this.open.set(request, Date.now());
    });
    page.on('requestfinished', (request) => {
      const start = this.open.get(request);
      if (start === undefined) return;
      this.open.delete(request);
      void request.response().then((response) => {
        this.keep(`${describe(request)} ${response?.status() ?? '?'} in ${Date.now() - start} ms`);
      });
    });
    page.on('requestfailed', (request) => {
      const start = this.open.get(request);
      if (start === undefined) return;
      this.open.delete(request);
      this.keep(
        `${describe(request)} failed (${request.failure()?.errorText}) after ${Date.now() - start} ms`,
      );
    });
  }

  report(): string[] {
    const now = Date.now();
    return [
      ...this.lines,
      ...[...this.open].map(([request, start]) => `${describe(request)} unanswered after ${now - start} ms`),
    ];
  }

  private keep(line: string): void {
    this.lines.push(line);
    if (this.lines.length > 30) this.lines.shift();
  }
}

const describe = (request: Request) => `${request.method()} ${new URL(request.url()).pathname}`;

/**
 * A failed browser test says what the page showed: its address, open dialogs, messages and
 * field errors, and its last API calls (with any still unanswered), on stderr where CI's
 * log keeps it; and a screenshot under test/e2e/screenshots/.
 */
async function reportFailure(page: Page, name: string, api: ApiLog): Promise<void> {
  const texts = (selector: string) =>
    page
      .locator(`${selector} >> visible=true`)
      .allInnerTexts()
      .then((all) => all.map((text) => text.replace(/\s+/g, ' ').slice(0, 400)))
      .catch((error: unknown) => [`unreadable: ${String(error)}`]);
  const shown = {
    dialogs: await texts('[role="dialog"]'),
    messages: await texts('.ant-message-notice, .ant-alert'),
    fieldErrors: await texts('.ant-form-item-explain-error'),
  };
  const file = `test/e2e/screenshots/FAILED-${name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 80)}.png`;
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.error(
    JSON.stringify(
      { failedTest: name, url: page.url(), shown, api: api.report(), screenshot: file },
      null,
      2,
    ),
  );
}
