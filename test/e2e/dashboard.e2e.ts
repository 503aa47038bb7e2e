import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAppForFile, signIn, switchLanguage } from './fixture.ts';

const { open } = browserAppForFile({ width: 1920, height: 1080 });

/** Screenshots for people to look at (git-ignored). */
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

const GRID = '370782001001001';

/** A point inside the demo grid (the demo grids are rectangles). */
async function inGrid(page: Page): Promise<{ lat: number; lng: number }> {
  const townships = await page.request.get(`/api/org/units?kind=township&q=${GRID.slice(0, 9)}`);
  const [township] = ((await townships.json()) as { items: { id: string }[] }).items;
  const response = await page.request.get(`/api/org/units/${township?.id}/grids.geojson`);
  const collection = (await response.json()) as {
    features: { properties: { code: string }; geometry: { coordinates: [number, number][][] } }[];
  };
  const ring = collection.features.find((f) => f.properties.code === GRID)?.geometry.coordinates[0] ?? [];
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return {
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
  };
}

/** Two calls raised today in the demo grid through the API, approved by the grid head (C1, C4). */
async function raiseTwoCalls(page: Page): Promise<void> {
  // The grid map is read by a reader of the org (the leader); the grid worker raises the calls.
  await signIn(page, 'leader');
  const point = await inGrid(page);
  const units = await page.request.get('/api/org/units?q=D370782-ZJJ');
  const zjj = ((await units.json()) as { items: { id: string; code: string }[] }).items.find(
    (u) => u.code === 'D370782-ZJJ',
  );
  await signIn(page, 'gridworker');
  const ids: string[] = [];
  for (const situation of ['外墙瓷砖脱落', '楼道堆放杂物']) {
    const raised = await page.request.post('/api/cases', {
      data: {
        category: 'safety.housing',
        occurredAt: new Date().toISOString(),
        ...point,
        address: '密州街道兴华社区 3 号楼',
        party: '3 号楼住户',
        situation,
        demand: '尽快处理',
        proposedUnitId: zjj?.id,
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    ids.push(((await raised.json()) as { id: string }).id);
  }
  await signIn(page, 'gridhead');
  for (const id of ids) {
    const approved = await page.request.post(`/api/cases/${id}/actions/approve_as_grid_head`, {
      headers: { 'if-match': '1' },
      data: {},
    });
    expect(approved.status()).toBe(200);
  }
}

describe("the leaders' dashboard in Chromium", () => {
  it('A1: the leader sees today, the four rates with their trend, rankings and the grid density map', async () => {
    const page = await open('/login');
    await raiseTwoCalls(page);
    await signIn(page, 'leader');
    await page.getByRole('menuitem', { name: '领导驾驶舱', exact: true }).click();
    await page.getByRole('heading', { name: '诸城市 · 网格治理驾驶舱' }).waitFor();
    const today = page.getByTestId('dashboard-today');
    await expect.poll(() => today.locator('.ant-statistic').first().innerText()).toContain('2');
    expect(await today.locator('.ant-statistic').first().innerText()).toContain('上报');
    // The four rates: nothing signed or finished yet is a dash, never 0 %.
    const rates = page.getByTestId('dashboard-rates');
    expect(await rates.innerText()).toContain('及时签收率');
    expect(await rates.innerText()).toContain('—');
    // The trend is an ECharts SVG chart with its legend.
    const trend = page.getByRole('img', { name: '近 30 日四率走势' });
    await trend.locator('svg').waitFor();
    expect(await trend.innerText()).toContain('群众满意率');
    // The rankings are live until published; townships and departments for a district.
    expect(await page.getByTestId('dashboard-ranking-township').innerText()).toContain('实时（未发布）');
    expect(await page.getByTestId('dashboard-ranking-department').innerText()).toContain('部门（企业）排名');
    // The map shades the grid with this month's two cases.
    const map = page.getByTestId('dashboard-map');
    const cell = map.locator(`path[data-grid="${GRID}"]`);
    expect(await cell.getAttribute('data-cases')).toBe('2');
    expect(await cell.getAttribute('fill')).not.toBe('#f5f5f5');
    expect(await map.locator('path').count()).toBeGreaterThan(1000);
    await shoot(page, 'dashboard-leader-1920');
  });

  it('fits a laptop and a phone, and switches to English', async () => {
    const page = await open('/login', { width: 1280, height: 800 });
    await signIn(page, 'leader');
    await page.goto('/dashboard');
    await page.getByTestId('dashboard').waitFor();
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'dashboard-leader-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByTestId('dashboard-map').locator('svg').waitFor();
    expect(
      Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')),
    ).toBeLessThanOrEqual(0);
    await shoot(page, 'dashboard-leader-360');
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: '诸城市 · Governance dashboard' }).waitFor();
    expect(await page.getByTestId('dashboard-rates').innerText()).toContain('Timely sign-in');
  });

  it('is not offered to a grid worker, and its address answers 403 for them', async () => {
    const page = await open('/login');
    await signIn(page, 'gridworker');
    expect(await page.getByRole('menuitem', { name: '领导驾驶舱', exact: true }).count()).toBe(0);
    expect((await page.request.get('/api/dashboard')).status()).toBe(403);
  });
});
