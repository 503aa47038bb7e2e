import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readListSheet } from '../helpers/xlsx.ts';
import { browserAppForFile, signIn } from './fixture.ts';

const { open } = browserAppForFile();

const GRID = '370782001001001';

/** Calls raised by the grid worker through the API (a point inside the demo grid). */
async function raiseCalls(page: Page, calls: { category: string; address: string; party: string }[]) {
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
  const middle = (i: number) =>
    (Math.min(...ring.map((p) => p[i] as number)) + Math.max(...ring.map((p) => p[i] as number))) / 2;
  await signIn(page, 'gridworker');
  const numbers: string[] = [];
  for (const call of calls) {
    const raised = await page.request.post('/api/cases', {
      data: {
        ...call,
        occurredAt: new Date().toISOString(),
        lng: middle(0),
        lat: middle(1),
        situation: '外墙瓷砖脱落',
        demand: '尽快排查',
        proposedUnitText: '住建局',
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    numbers.push(((await raised.json()) as { number: string }).number);
  }
  return numbers;
}

/** The case numbers in the list's table, top to bottom. */
const shownNumbers = (page: Page) =>
  page.getByRole('table', { name: '案件列表' }).locator('tbody tr td:first-child a').allInnerTexts();

async function download(page: Page, sheet = '案件列表') {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /导出 (Excel|\.xlsx)/ }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), sheet: await readListSheet(await readFile(path), sheet) };
}

describe('lists export what they show', () => {
  it('我的工作 keeps its filters and sort in the address and downloads exactly the rows shown, numbers masked', async () => {
    const page = await open('/login');
    const [first, second, water] = await raiseCalls(page, [
      { category: 'safety.housing', address: '兴华社区 3 号楼', party: '住户张三 13812348000' },
      { category: 'safety.housing', address: '兴华社区 5 号楼', party: '5 号楼住户' },
      { category: 'utility.water', address: '兴华社区 7 号楼', party: '7 号楼住户' },
    ]);

    // The grid head's cases (all three wait for approval, C4): the 大类 safety takes its 小类, by number.
    await signIn(page, 'gridhead');
    await page.goto('/cases?tab=all&category=safety&sort=number');
    await expect.poll(() => shownNumbers(page)).toEqual([first, second]);
    expect(await page.getByRole('combobox', { name: '类别' }).isVisible()).toBe(true);
    const housing = await download(page);
    expect(housing.name).toMatch(/^案件列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(housing.sheet.headers.slice(0, 4)).toEqual(['案件编号', '事项大类', '事项类别', '状态']);
    expect(housing.sheet.records.map((r) => r.案件编号)).toEqual([first, second]);
    expect(housing.sheet.records[0]).toMatchObject({
      事项大类: '安全隐患',
      事项类别: '房屋安全',
      状态: '待网格长审核',
      当事人: '住户张三 138****8000',
    });
    expect(JSON.stringify(housing.sheet.rows)).not.toContain('13812348000');
    expect(housing.sheet.about).toMatchObject({ 排序: '编号', 导出人: '李网格长', 行数: 2 });

    // A search typed on the page goes into the address; a reload (a shared link) shows the same list.
    await page.getByLabel('搜索').fill('7 号楼');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('7 号楼');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('搜索').fill('7 号楼');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(() => shownNumbers(page)).toEqual([water]);
    await page.reload();
    await expect.poll(() => shownNumbers(page)).toEqual([water]);
    const searched = await download(page);
    expect(searched.sheet.records.map((r) => r.案件编号)).toEqual([water]);
    expect(searched.sheet.records[0]).toMatchObject({ 事项大类: '公用事业', 地址: '兴华社区 7 号楼' });

    // Each case number opens its stable page; Back returns to the same filtered list.
    await page.getByRole('link', { name: water as string }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/cases/'));
    await page.goBack();
    await expect.poll(() => shownNumbers(page)).toEqual([water]);
  });

  it('every other list page downloads its own list, filtered as the address says', async () => {
    const page = await open('/login');
    const lists: [string, string, string, string][] = [
      ['socialoffice', '/ledger?state=all&sort=title', '台账事项', '标题'],
      ['socialoffice', '/consultation?kind=monthly', '会商列表', '标题'],
      ['gridhead', '/org/people?sort=unit', '人员信息', '姓名'],
      ['gridhead', '/org', '组织机构', '编码'],
      ['sysadmin', '/admin/accounts?role=centre_dispatcher', '账号列表', '用户名'],
      ['sysadmin', '/routing/categories?retired=1', '事项类别', '层级'],
      ['supervisor', '/assessment/alerts?state=open', '预警问责', '类别'],
      ['establishment', '/routing/rules?category=safety', '权责清单', '事项大类'],
      ['auditor', '/audit?kind=auth.login_succeeded', '审计日志', '事件编号'],
    ];
    for (const [who, path, sheetName, firstHeader] of lists) {
      await signIn(page, who);
      await page.goto(path);
      const { name, sheet } = await download(page, sheetName);
      expect(name, path).toMatch(/\.xlsx$/);
      expect(sheet.headers[0], path).toBe(firstHeader);
      if (path.startsWith('/admin/accounts'))
        expect(sheet.records.map((r) => r.用户名).sort()).toEqual(['citydispatcher', 'dispatcher']);
      if (path.startsWith('/audit')) {
        expect(sheet.records.length).toBeGreaterThan(0);
        expect(sheet.records.every((r) => r.事件类型 === 'auth.login_succeeded')).toBe(true);
      }
      if (path.startsWith('/org/people'))
        // The grid head calls people (person.contact) but keeps no roster: ID numbers masked.
        expect(sheet.records.every((r) => /\*{8}/.test(String(r.身份证号码)))).toBe(true);
    }
  });
});
