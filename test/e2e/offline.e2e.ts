import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/server/main.ts';
import { launchBrowser } from './browser.ts';
import { DEMO_PASSWORD } from './fixture.ts';

/** Screenshots for people to look at (git-ignored). */
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

// Its own app and browser (not fixture.ts): the test needs the browser context itself
// (offline switch, pages closed and opened in one profile) and the server's answers.
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', DEMO_MODE: 'true', LOG_LEVEL: 'warn' },
  });
  browser = await launchBrowser();
  // The demo city's seed takes long on a busy 2-core machine.
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The server's view, over Node's own network (the browser's switch does not touch it). */
async function serverCasesWith(situation: string): Promise<{ id: string; number: string }[]> {
  const login = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'gridworker', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const mine = await fetch(`${app.url}/api/cases?mine=true&limit=500`, { headers: { cookie } });
  const { items } = (await mine.json()) as { items: { id: string; number: string; situation: string }[] };
  return items.filter((item) => item.situation === situation);
}

async function casePhotos(id: string): Promise<number> {
  const login = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'gridworker', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const detail = await fetch(`${app.url}/api/cases/${id}`, { headers: { cookie } });
  const body = (await detail.json()) as { files?: unknown[] };
  return body.files?.length ?? -1;
}

/** A small real JPEG drawn by the browser (works offline). */
async function photo(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate<string>(
    `(() => { const c = document.createElement('canvas'); c.width = 160; c.height = 120;
      const g = c.getContext('2d'); g.fillStyle = '#8e44ad'; g.fillRect(0, 0, 160, 120);
      return c.toDataURL('image/jpeg', 0.8); })()`,
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

function watchErrors(page: Page, errors: string[]): Page {
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/**
 * Polls an expression in the page until it is true. (waitForFunction compiles its text in
 * the page, which the app's CSP forbids; evaluate goes through the debugger.)
 */
async function until(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(250);
  }
}

/** The worker controls the page and holds the shell, who is signed in and the categories. */
async function offlineReady(page: Page): Promise<void> {
  await until(page, 'navigator.serviceWorker.controller !== null');
  await until(
    page,
    `(async () => {
      const api = await caches.open('luoshi-api');
      const shell = (await caches.keys()).find((name) => name.startsWith('luoshi-shell-'));
      return Boolean(shell && (await caches.open(shell).then((c) => c.match('/index.html'))) &&
        (await api.match('/api/auth/me')) && (await api.match('/api/categories')));
    })()`,
  );
}

const waitingList = (page: Page) => page.getByRole('list', { name: /^待发送/ });

describe('web: the call page offline', () => {
  it('C1: a call sent without network waits on the phone with its photo and goes once when the network returns', async () => {
    const errors: string[] = [];
    const context: BrowserContext = await browser.newContext({
      baseURL: app.url,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    try {
      const situation = `离线呼叫：井盖缺失 ${Date.now()}`;
      const page = watchErrors(await context.newPage(), errors);

      // One online visit: sign in, the worker installs and keeps what the call page needs.
      await page.goto('/login');
      await page.getByLabel('用户名', { exact: true }).fill('gridworker');
      await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await offlineReady(page);
      await page.goto('/cases/new');
      await page.getByRole('heading', { name: '发起呼叫', exact: true }).waitFor();

      // The network goes; the page opens again from the worker.
      await context.setOffline(true);
      expect(await page.evaluate('navigator.onLine')).toBe(false);
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { name: '发起呼叫', exact: true }).waitFor();

      // The call is written and sent without network: saved with its photo, not lost.
      await page.getByRole('combobox', { name: '事项类别' }).click();
      await page.keyboard.type('井盖');
      await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
      await page.getByLabel('地址', { exact: true }).fill('兴华社区 5 号楼北侧');
      await page.getByLabel('当事人', { exact: true }).fill('过往行人');
      await page.getByLabel('具体情形', { exact: true }).fill(situation);
      await page.getByLabel('需求诉求', { exact: true }).fill('尽快补装井盖');
      await page.getByLabel('建议承办单位', { exact: true }).fill('密州街道综合行政执法中队');
      await page
        .getByLabel('拍照或选择照片')
        .setInputFiles({ name: 'manhole.jpg', mimeType: 'image/jpeg', buffer: await photo(page) });
      await page.getByText('1 张保存在本机').waitFor();
      await page.getByRole('button', { name: '提交呼叫' }).click();
      await page.getByText('没有网络：呼叫已保存在本机，联网后自动发送。').waitFor();
      const item = waitingList(page).getByRole('listitem');
      await item.filter({ hasText: situation }).waitFor();
      expect(await item.count()).toBe(1);
      await item.getByText('1 张照片').waitFor();
      await item.getByText('等待发送').waitFor();
      // The form is empty again for the next call; the menu counts the waiting one.
      expect(await page.getByLabel('具体情形', { exact: true }).inputValue()).toBe('');
      await shoot(page, 'offline-call-waiting');
      expect(await serverCasesWith(situation)).toEqual([]);

      // The page is closed; a new one opens in the same phone, still offline: the call is there.
      await page.close();
      const again = watchErrors(await context.newPage(), errors);
      const opened = await again.goto('/cases/new');
      expect(opened?.fromServiceWorker()).toBe(true);
      await waitingList(again).getByRole('listitem').filter({ hasText: situation }).waitFor();
      expect(await serverCasesWith(situation)).toEqual([]);

      // The network returns: the call goes, once, with its photo; the list empties.
      await context.setOffline(false);
      await again.getByText(/^保存的呼叫已发送：\d{6}-\d{8}-\d{4}$/).waitFor();
      await waitingList(again).waitFor({ state: 'detached' });
      await shoot(again, 'offline-call-sent');
      const recorded = await serverCasesWith(situation);
      expect(recorded).toHaveLength(1);
      expect(await casePhotos(recorded[0]?.id ?? '')).toBe(1);

      // Opening the app again sends nothing more.
      await again.reload();
      await again.getByRole('heading', { name: '发起呼叫', exact: true }).waitFor();
      await again.waitForTimeout(500);
      expect(await serverCasesWith(situation)).toHaveLength(1);
      expect(await again.evaluate('indexedDB.databases().then((dbs) => dbs.map((d) => d.name))')).toContain(
        'luoshi-offline',
      );
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it('C6: a saved call the server refuses stays with the reason, is fixed in the form and sent with its key', async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ baseURL: app.url, locale: 'zh-CN', reducedMotion: 'reduce' });
    try {
      const situation = `离线呼叫：路灯不亮 ${Date.now()}`;
      const page = watchErrors(await context.newPage(), errors);
      await page.goto('/login');
      await page.getByLabel('用户名', { exact: true }).fill('gridworker');
      await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await offlineReady(page);
      await page.goto('/cases/new');
      await page.getByRole('heading', { name: '发起呼叫', exact: true }).waitFor();

      await context.setOffline(true);
      await page.getByRole('combobox', { name: '事项类别' }).click();
      await page.keyboard.type('井盖');
      await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
      await page.getByLabel('地址', { exact: true }).fill('兴华社区 2 号楼');
      await page.getByLabel('当事人', { exact: true }).fill('某某');
      await page.getByLabel('具体情形', { exact: true }).fill(situation);
      await page.getByLabel('需求诉求', { exact: true }).fill('尽快修复');
      await page.getByLabel('建议承办单位', { exact: true }).fill('密州街道综合行政执法中队');
      await page.getByRole('button', { name: '提交呼叫' }).click();
      await waitingList(page).getByRole('listitem').filter({ hasText: situation }).waitFor();

      // Back online, the server refuses the first send (as for an element it finds wanting).
      // On the context: the service worker may send it (Background Sync), past the page's routes.
      const keys: string[] = [];
      await context.route('**/api/cases', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (keys.length === 1) {
          await route.fulfill({
            status: 400,
            json: {
              error: {
                code: 'MISSING_ELEMENTS',
                message: '当事人不明确，请写明姓名或住址',
                message_en: 'The party is unclear',
                field: 'party',
              },
            },
          });
        } else {
          await route.continue();
        }
      });
      await context.setOffline(false);
      const refused = waitingList(page).getByRole('listitem').filter({ hasText: situation });
      await refused.getByText('未被受理').waitFor();
      await refused.getByText('当事人不明确，请写明姓名或住址').waitFor();
      await page.getByText('有 1 条保存的呼叫未被受理').waitFor();
      // Refused is not retried by itself.
      await page.waitForTimeout(500);
      expect(keys).toHaveLength(1);
      expect(await serverCasesWith(situation)).toEqual([]);
      await shoot(page, 'offline-call-refused');

      // 修改: the call is back in the form, the field named; fixed, it goes with the same key.
      await refused.getByRole('button', { name: '修改' }).click();
      await page.getByText('正在修改一条保存的呼叫，提交后替换它。').waitFor();
      expect(await page.getByLabel('具体情形', { exact: true }).inputValue()).toBe(situation);
      await page.locator('#raiseCall_party_help').getByText('当事人不明确，请写明姓名或住址').waitFor();
      await page.getByLabel('当事人', { exact: true }).fill('2 号楼住户张某');
      await page.getByRole('button', { name: '提交呼叫' }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      const recorded = await serverCasesWith(situation);
      expect(recorded).toHaveLength(1);
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
