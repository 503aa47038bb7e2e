import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAppForFile, signIn } from './fixture.ts';

const { open } = browserAppForFile();

/** Screenshots of each page, for people to look at (git-ignored). */
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

const ZJJ = '诸城市住房和城乡建设局';

async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** The open dropdown of a Select (closed ones stay in the page, hidden). */
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

async function choose(combobox: Locator, option: string | RegExp, typed?: string): Promise<void> {
  const page = combobox.page();
  await combobox.click();
  if (typed) await page.keyboard.type(typed);
  await dropdown(page)
    .getByText(option, { exact: typeof option === 'string' })
    .first()
    .click();
}

/** `2026-12-04T15:06` (Shanghai wall clock) of an instant, for a `datetime-local` field. */
const shanghaiInput = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);

/**
 * A case dispatched by the township centre to the housing bureau and signed by its
 * handler at once: one C8 duty met on time, so the bureau has a 100 % sign-in rate over
 * one case. Returns the duty's due time, which decides the ranking's period (A1).
 */
async function signedCase(page: Page): Promise<string> {
  // The district's supervision officer sees the city departments (the township centre's scope does not).
  await signIn(page, 'supervisor');
  const zjj = await unitId(page, 'D370782-ZJJ');
  await signIn(page, 'gridworker');
  const raised = await page.request.post('/api/cases', {
    data: {
      category: 'city.street_order',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      address: '兴华路与和平街路口',
      party: '沿街商户',
      situation: '人行道井盖缺失',
      demand: '尽快补装井盖',
      proposedUnitText: ZJJ,
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  const { id } = (await raised.json()) as { id: string };
  const step = async (who: string, action: string, version: number, data: object = {}) => {
    await signIn(page, who);
    const done = await page.request.post(`/api/cases/${id}/actions/${action}`, {
      headers: { 'If-Match': String(version) },
      data,
    });
    expect(done.status(), await done.text()).toBe(200);
  };
  await step('gridhead', 'approve_as_grid_head', 1);
  await step('dispatcher', 'dispatch', 2, { leadUnitId: zjj });
  await step('handler', 'sign', 3);
  const clocks = await page.request.get(`/api/obligations?subjectType=case&subjectId=${id}&status=all`);
  const c8 = (
    (await clocks.json()) as { items: { ruleId: string; state: string; dueAt: string }[] }
  ).items.find((o) => o.ruleId === 'C8');
  expect(c8?.state).toBe('met');
  return c8?.dueAt as string;
}

describe('web: assessment rankings, settings and alerts', () => {
  it('A1, A2, A3: the supervision office previews, publishes, downloads, corrects and derives the lists', async () => {
    const page = await open('/login');
    const due = await signedCase(page);
    const day = shanghaiInput(due).slice(0, 10);

    // A2: one case is enough to be ranked in this demo; the weights must sum to 100.
    await signIn(page, 'supervisor');
    await menu(page, '考核设置');
    await page.getByText('尚未设置，使用默认值', { exact: false }).waitFor();
    await page.getByLabel('及时签收率', { exact: true }).fill('30');
    await page.getByLabel('参与排名的最少案件数', { exact: true }).fill('1');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('alert').getByText('合计 105%，四项权重之和须为 100%').waitFor();
    // Nothing was sent: the settings in force are still the defaults.
    const district = await unitId(page, '370782');
    const before = await page.request.get(`/api/assessment/settings/${district}`);
    expect(((await before.json()) as { id: string | null }).id).toBeNull();
    await page.getByLabel('及时签收率', { exact: true }).fill('25');
    expect(await page.getByLabel('参与排名的最少案件数', { exact: true }).inputValue()).toBe('1');
    await page.getByTestId('weights-total').getByText('合计 100%').waitFor();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('考核设置已保存').waitFor();
    await page.getByText(/现行设置自 .* 起生效/).waitFor();

    // A2: the live preview of the district's department ranking; a district publishes monthly.
    await menu(page, '考核排名');
    await page.getByText('本级按月发布排名').waitFor();
    await page.getByLabel('日期', { exact: true }).fill(day);
    await choose(page.getByRole('combobox', { name: '考核对象' }), '部门和企业');
    await page.waitForURL(/subject=department/);
    const ranked = page.getByRole('table', { name: '参与排名的单位', exact: true });
    const zjjRow = ranked.getByRole('row').filter({ hasText: ZJJ });
    await zjjRow.waitFor();
    expect(await zjjRow.getByRole('cell').first().innerText()).toBe('1');
    expect(await zjjRow.innerText()).toContain('100.00%');
    // A1: the numerator and denominator behind a rate on hover.
    await zjjRow.locator('[data-rate="signIn"]').hover();
    await page.getByRole('tooltip').getByText('1 / 1').waitFor();
    // Units with no case are listed apart, with why.
    await page
      .getByRole('table', { name: '单列、不参与排名的单位' })
      .getByText('案件数 0，少于 1 件')
      .first()
      .waitFor();
    await shoot(page, 'assessment-preview');

    // A2: a week is not the district's cadence — the server refuses it on the period field.
    await choose(page.getByRole('combobox', { name: '统计周期' }), '周');
    await page.getByText('本级按月发布排名；当前周期只能预览，不能发布。').waitFor();
    await page.getByRole('button', { name: '发布排名' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /发布排名$/ })
      .click();
    await page.getByRole('alert').getByText('区县级按月发布排名').waitFor();
    const none = await page.request.get(`/api/assessment/rankings?area=${district}`);
    expect(await none.json()).toEqual([]);

    // A1: the month is published and frozen.
    await choose(page.getByRole('combobox', { name: '统计周期' }), '月');
    await page.getByText('本级按月发布排名；当前周期只能预览，不能发布。').waitFor({ state: 'detached' });
    await page.getByText(/至 \d{4}-\d{2}-\d{2}（月）/).waitFor();
    await zjjRow.waitFor();
    await page.getByRole('button', { name: '发布排名' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /发布排名$/ })
      .click();
    await page.waitForURL(/\/assessment\/rankings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /部门和企业考核排名 · .* · 第 1 版$/ }).waitFor();
    const firstUrl = page.url();
    const frozen = page.getByRole('table', { name: '参与排名的单位', exact: true });
    expect(await frozen.getByRole('row').filter({ hasText: ZJJ }).innerText()).toContain('100.00');

    // A3: the notice downloads as a .docx (a zip: PK…), the table as .xlsx.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载通报（.docx）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-department-v1\.docx$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xlsx = await page.request.get(
      (await page.getByRole('link', { name: '下载排名表（.xlsx）' }).getAttribute('href')) ?? '',
    );
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await shoot(page, 'assessment-ranking-v1');

    // A2: a manual −2 for the bureau, approved by the mayor (not the one entering it).
    await menu(page, '考核设置');
    await page.getByRole('button', { name: '录入加减分' }).click();
    await choose(page.getByRole('combobox', { name: '单位', exact: true }), new RegExp(`^${ZJJ}`), '住房');
    await page.getByLabel('发生时间', { exact: true }).fill(shanghaiInput(due));
    await page.getByLabel('分值', { exact: true }).fill('-2');
    await page.getByLabel('理由', { exact: true }).fill('推诿扯皮被市委市政府督查室通报');
    await choose(page.getByRole('combobox', { name: '审批人' }), /^周市长/);
    await page.getByRole('button', { name: '提交加减分' }).click();
    await page.getByText('加减分已记录').waitFor();
    const points = page.getByRole('table', { name: '人工加减分' });
    await points
      .getByRole('row')
      .filter({ hasText: '推诿扯皮被市委市政府督查室通报' })
      .getByText('-2', { exact: true })
      .waitFor();

    // A1: a correction is version 2 with its reason; both versions stay visible.
    await page.goto(firstUrl);
    await page.getByRole('button', { name: '发布更正版本' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /发布更正$/ }).click();
    await dialog.getByText('请填写更正理由').waitFor();
    await dialog.getByLabel('更正理由').fill('补录督查室通报的减分');
    await dialog.getByRole('button', { name: /发布更正$/ }).click();
    await page.getByRole('heading', { name: /第 2 版$/ }).waitFor();
    expect(page.url()).not.toBe(firstUrl);
    const corrected = page
      .getByRole('table', { name: '参与排名的单位', exact: true })
      .getByRole('row')
      .filter({ hasText: ZJJ });
    expect(await corrected.innerText()).toContain('98.00');
    const versions = page.getByRole('table', { name: '该排名的全部版本' });
    await versions.getByText('第 2 版（当前查看）').waitFor();
    await versions.getByRole('link', { name: '第 1 版' }).waitFor();
    await versions.getByText('补录督查室通报的减分').waitFor();
    await shoot(page, 'assessment-ranking-v2');

    // A3: the commendation and warning lists of the newest version, seen on 预警问责.
    await page.getByRole('button', { name: '生成表扬和预警名单' }).click();
    const lists = page.getByRole('table', { name: '表扬和预警名单（A3）' });
    await lists.getByRole('row').filter({ hasText: ZJJ }).getByText('通报表扬', { exact: true }).waitFor();
    await page.getByRole('link', { name: '在预警问责中查看' }).click();
    await page.getByRole('heading', { name: '预警问责', exact: true }).waitFor();
    const alerts = page.getByRole('table', { name: '预警和问责记录' });
    const commendation = alerts.getByRole('row').filter({ hasText: ZJJ });
    await commendation.getByText('排名第1位，予以通报表扬').waitFor();
    expect(await commendation.innerText()).toContain('通报表扬');
    // A3–A6: closed once, with a note.
    await commendation.getByRole('button', { name: /^办\s?结$/ }).click();
    await page.getByRole('dialog').getByLabel('办结说明').fill('已在全市大会通报表扬');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^办\s?结$/ })
      .click();
    await commendation.getByText('已在全市大会通报表扬').waitFor();
    await shoot(page, 'assessment-alerts');

    // The earlier version still reads as frozen; it is no longer a source of lists.
    await page.goto(firstUrl);
    await page.getByText('该排名已有第 2 版更正，本页为历史版本。').waitFor();
    expect(await page.getByRole('button', { name: '生成表扬和预警名单' }).isDisabled()).toBe(true);
  });

  it('A4, A6: on a case page the supervision office traces the case bottom-up and flags it a key case, once', async () => {
    const page = await open('/login');
    await signIn(page, 'gridworker');
    const raised = await page.request.post('/api/cases', {
      data: {
        category: 'city.street_order',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        address: '兴华路菜市场门口',
        party: '流动摊贩',
        situation: '占道经营被媒体曝光',
        demand: '清理占道',
        proposedUnitText: '综合行政执法局',
      },
    });
    expect(raised.status()).toBe(201);
    const { id, number } = (await raised.json()) as { id: string; number: string };

    await signIn(page, 'supervisor');
    await page.goto(`/cases/${id}`);
    await page.getByRole('heading', { name: `案件 ${number}` }).waitFor();
    await page.getByRole('button', { name: '逐级倒查' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('媒体曝光，逐级倒查责任');
    await dialog.getByRole('button', { name: /逐级倒查$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已记录倒查链条').first().waitFor();

    await page.getByRole('button', { name: '列为重点督办案件' }).click();
    await dialog.getByLabel('理由').fill('联合督查组选定');
    await dialog.getByRole('button', { name: /列为重点督办案件$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    // A6: a second flag is refused; the reason stays typed.
    await page.getByRole('button', { name: '列为重点督办案件' }).click();
    await dialog.getByLabel('理由').fill('再次列入');
    await dialog.getByRole('button', { name: /列为重点督办案件$/ }).click();
    await dialog.getByText('该案件已列为重点案件').waitFor();
    expect(await dialog.getByLabel('理由').inputValue()).toBe('再次列入');
    await dialog.getByRole('button', { name: /取\s?消/ }).click();

    // A4: the chain names the grid, community and township and who held each head post.
    await page.goto('/assessment/alerts?kind=trace');
    const alerts = page.getByRole('table', { name: '预警和问责记录' });
    const chain = alerts.getByRole('list', { name: '倒查链条' });
    await chain.getByText(/^网格：/).waitFor();
    expect(await chain.innerText()).toContain('社区（村）：');
    expect(await chain.innerText()).toContain('网格长');
    await alerts.getByText('媒体曝光，逐级倒查责任').waitFor();
    await choose(page.getByRole('combobox', { name: '类别' }), '重点督办');
    await alerts.getByText(number).waitFor();
    await alerts.getByText('联合督查组选定').waitFor();
    await shoot(page, 'assessment-key-cases');
  });

  it('A2: a township leader reads the rankings of the township but gets no publish button', async () => {
    const page = await open('/login');
    await signIn(page, 'township');
    await menu(page, '考核排名');
    // A2: a township publishes weekly; its communities are ranked by default.
    await page.getByText('本级按周发布排名').waitFor();
    await page.getByText('排名预览（实时）').waitFor();
    await page.getByRole('table', { name: '参与排名的单位', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '发布排名' }).count()).toBe(0);
    await menu(page, '考核设置');
    await page.getByLabel('参与排名的最少案件数', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '保存设置' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '录入加减分' }).count()).toBe(0);
    expect(await page.getByLabel('及时签收率', { exact: true }).isDisabled()).toBe(true);
  });
});

/** The id of a unit by its code, as the signed-in reader may see it. */
async function unitId(page: Page, code: string): Promise<string> {
  const found = await page.request.get(`/api/org/units?q=${code}`);
  const unit = ((await found.json()) as { items: { id: string; code: string }[] }).items.find(
    (u) => u.code === code,
  );
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}
