import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAppForFile, signIn as signInAs } from './fixture.ts';

const { open } = browserAppForFile();

/** Screenshots of every role's workbench, for people to look at (git-ignored). */
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

const GRID = '370782001001001';

/** Signs in and waits for the workbench's to-do list. */
async function signIn(page: Page, username: string): Promise<void> {
  await signInAs(page, username);
  await page.getByTestId('todo').waitFor();
}

/** The label of the role's first (primary) button on the workbench. */
const primary = (page: Page) => page.getByTestId('quick-actions').locator('.ant-btn-primary').innerText();

/** A call raised by the grid worker through the API, waiting for the grid head (C4). */
async function raiseCalls(page: Page, situations: string[]): Promise<void> {
  await signIn(page, 'leader');
  const townships = await page.request.get(`/api/org/units?kind=township&q=${GRID.slice(0, 9)}`);
  const [township] = ((await townships.json()) as { items: { id: string }[] }).items;
  const geo = await page.request.get(`/api/org/units/${township?.id}/grids.geojson`);
  const ring =
    (
      (await geo.json()) as {
        features: { properties: { code: string }; geometry: { coordinates: number[][][] } }[];
      }
    ).features.find((f) => f.properties.code === GRID)?.geometry.coordinates[0] ?? [];
  const units = await page.request.get('/api/org/units?q=D370782-ZJJ');
  const zjj = ((await units.json()) as { items: { id: string; code: string }[] }).items.find(
    (u) => u.code === 'D370782-ZJJ',
  );
  await signIn(page, 'gridworker');
  for (const situation of situations) {
    const raised = await page.request.post('/api/cases', {
      data: {
        category: 'safety.housing',
        occurredAt: new Date().toISOString(),
        lng:
          (Math.min(...ring.map((p) => p[0] as number)) + Math.max(...ring.map((p) => p[0] as number))) / 2,
        lat:
          (Math.min(...ring.map((p) => p[1] as number)) + Math.max(...ring.map((p) => p[1] as number))) / 2,
        address: '密州街道兴华社区 3 号楼',
        party: '3 号楼住户',
        situation,
        demand: '尽快排查',
        proposedUnitId: zjj?.id,
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
  }
}

describe('a workbench for every role', () => {
  it('C4: the grid head finds the new calls on the workbench and in the bell, approves one in a tap and opens the other', async () => {
    const page = await open('/login');
    await raiseCalls(page, ['外墙瓷砖脱落', '楼顶广告牌松动']);
    await signIn(page, 'gridhead');
    expect(await primary(page)).toBe('上报事件');
    const todo = page.getByTestId('todo');
    await expect.poll(() => todo.getByText('C4 审核').count()).toBe(2);
    // One tap approves the first call (If-Match with the case's version); its duty leaves the list.
    await todo.getByRole('button', { name: '审核通过' }).first().click();
    await expect.poll(() => todo.getByText('C4 审核').count()).toBe(1);
    expect(await todo.innerText()).toContain('办理中');
    // The bell counts the unread notification of the call.
    const bell = page.getByTestId('notification-bell');
    await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '').not.toContain('0 条未读');
    await shoot(page, 'workbench-gridhead');
    await todo.getByRole('link', { name: '去处理' }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/cases/'));
    await page
      .getByText(/外墙瓷砖脱落|楼顶广告牌松动/)
      .first()
      .waitFor();
  });

  it('C1: each role lands on its own workbench, its main task first (screenshots of every one)', async () => {
    const page = await open('/login');
    const expected: Record<string, string> = {
      gridworker: '上报事件',
      volunteer: '上报事件',
      secretary: '上报事件',
      township: '待我处理',
      dispatcher: '待我处理',
      handler: '待我处理',
      agencyhead: '待我处理',
      socialoffice: '会商研判',
      supervisor: '领导驾驶舱',
      leader: '领导驾驶舱',
      sysadmin: '账号管理',
      secadmin: '账号管理',
      auditor: '审计日志',
    };
    for (const [username, label] of Object.entries(expected)) {
      await signIn(page, username);
      expect(`${username}: ${await primary(page)}`).toBe(`${username}: ${label}`);
      await shoot(page, `workbench-${username}`);
    }
  });

  it('keeps the audit administrator out of business pages', async () => {
    const page = await open('/login');
    await signIn(page, 'auditor');
    expect(await page.getByRole('menuitem', { name: '我的工作', exact: true }).count()).toBe(0);
    for (const address of ['/cases', '/cases/new', '/dashboard', '/assessment/rankings', '/consultation']) {
      await page.goto(address);
      await page.getByText('无权访问', { exact: true }).waitFor();
    }
    expect((await page.request.get('/api/cases')).status()).toBe(403);
  });

  it('C1: the grid worker’s workbench fits a 360 px phone', async () => {
    const page = await open('/login', { width: 360, height: 780 });
    await signIn(page, 'gridworker');
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'workbench-gridworker-360');
    await page.getByRole('button', { name: '上报事件' }).click();
    await page.waitForURL((url) => url.pathname === '/cases/new');
  });
});
