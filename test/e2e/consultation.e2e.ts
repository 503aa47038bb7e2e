import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  defaultMeetingTime,
  nextMonth,
  shanghaiMonth,
} from '../../src/web/features/consultation/consultation-model.ts';
import { browserAppForFile, signIn, switchLanguage } from './fixture.ts';

const { open } = browserAppForFile();

/** Screenshots of each page, for people to look at (git-ignored). */
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

const ZJJ = '诸城市住房和城乡建设局';
const TOWNSHIP = '密州街道';

/** Opens a menu item and waits for its page's heading. */
async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

/** The open dropdown of a Select (closed ones stay in the page, hidden). */
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/**
 * Types into a Select that searches as one types, picks the option whose text starts with
 * `option` and checks that the Select now shows it (a missed pick fails here, not at the save).
 */
async function pick(combobox: Locator, typed: string, option: string): Promise<void> {
  const page = combobox.page();
  await combobox.click();
  await page.keyboard.type(typed);
  await dropdown(page)
    .getByText(new RegExp(`^${option.replace(/[()（）]/g, '.')}`))
    .first()
    .click();
  const select = combobox.locator(
    'xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]',
  );
  await expect.poll(() => select.innerText()).toContain(option);
}

/**
 * A street-order call in the demo grid that waits for the consultation: the grid worker
 * raises it, the grid head approves it, the township centre marks it unclear (R4's
 * "the platform reports what a township cannot coordinate").
 */
async function unclearCase(
  page: Page,
  situation: string,
): Promise<{ id: string; number: string; gridId: string }> {
  await signIn(page, 'gridworker');
  const raised = await page.request.post('/api/cases', {
    data: {
      category: 'city.street_order',
      occurredAt: '2026-09-21T08:30:00+08:00',
      address: '兴华路与和平街路口',
      party: '早市摊贩',
      situation,
      demand: '明确管理责任，清理占道',
      proposedUnitText: '诸城市综合行政执法局',
    },
  });
  expect(raised.status()).toBe(201);
  const made = (await raised.json()) as { id: string; number: string; gridId: string };
  await signIn(page, 'gridhead');
  const approved = await page.request.post(`/api/cases/${made.id}/actions/approve_as_grid_head`, {
    headers: { 'If-Match': '1' },
    data: {},
  });
  expect(approved.status()).toBe(200);
  await signIn(page, 'dispatcher');
  const unclear = await page.request.post(`/api/cases/${made.id}/actions/mark_unclear`, {
    headers: { 'If-Match': '2' },
    data: { reason: '城管、住建、市场监管和街道均认为不属本单位职责，提交会商' },
  });
  expect(unclear.status()).toBe(200);
  return made;
}

describe('web: consultation, ledger and the responsibility catalogue', () => {
  it('runs a monthly consultation from the waiting cases to the dispatch, the ledger report and the catalogue', async () => {
    const page = await open('/login');
    const first = await unclearCase(page, '路口早市占道经营，多部门互相推诿');
    const second = await unclearCase(page, '早市散场后垃圾和摊位长期占用人行道');

    // R2: the monthly session of this month if a meeting can still be held in its last ten
    // days, else next month's.
    const now = Date.now() + 15 * 60_000;
    const thisMonth = shanghaiMonth(now);
    const month = defaultMeetingTime(thisMonth, now) ? thisMonth : nextMonth(thisMonth);
    const title = `诸城市${Number(month.slice(0, 4))}年${Number(month.slice(5))}月职责不清问题会商研判会议`;

    await signIn(page, 'socialoffice');
    await menu(page, '会商研判');
    await page
      .getByRole('table', { name: '待会商的案件' })
      .getByRole('link', { name: first.number })
      .waitFor();
    await shoot(page, 'consultation-queue');
    await page.getByRole('button', { name: '新建月度会商' }).click();
    let dialog = page.getByRole('dialog');
    if (month !== thisMonth) {
      await dialog.getByRole('combobox', { name: '会商月份' }).click();
      await dropdown(page).getByText(month, { exact: true }).click();
    }
    await dialog.getByRole('button', { name: /建立$/ }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('[data-session-state="collecting"]').waitFor();
    // Its clocks: collection by the 18th (R4), agenda by the 21st (R5), the meeting (R2).
    const clocks = page.getByRole('list', { name: '会商会议的各项时限' });
    await clocks.getByText('R4 征集问题').waitFor();
    await clocks.getByText('当月最后一个工作日下班前').waitFor();
    await shoot(page, 'consultation-session-new');

    // R4: the two waiting cases become one matter.
    await page.getByRole('link', { name: '返回会商研判' }).click();
    await page.getByRole('button', { name: '新增议题' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: new RegExp(first.number) }).check();
    await dialog.getByRole('checkbox', { name: new RegExp(second.number) }).check();
    await dialog.getByLabel('问题名称').fill('兴华路口早市占道经营管理职责');
    await dialog
      .getByLabel('问题描述')
      .fill('路口早市占道经营，城管、住建、市场监管和街道均认为不属本单位职责。');
    // The first case gave the category.
    await dialog.getByText('街面秩序', { exact: true }).waitFor();
    const involved = dialog.getByRole('combobox', { name: '涉及单位' });
    await pick(involved, '住房', ZJJ);
    await page.keyboard.press('Escape');
    await pick(involved, TOWNSHIP, TOWNSHIP);
    await page.keyboard.press('Escape');
    await shoot(page, 'consultation-new-item');
    await dialog.getByRole('button', { name: /新增议题$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('table', { name: '已征集的问题' })
      .getByText('兴华路口早市占道经营管理职责')
      .waitFor();
    await page.getByRole('table', { name: '待会商的案件' }).getByText('暂无待会商的案件').waitFor();

    // R5: the agenda, the time (in the last ten days of the month) and the place.
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    const agenda = page.locator('form#agenda');
    expect(await agenda.getByLabel('会议时间').inputValue()).toMatch(new RegExp(`^${month}-(2\\d|3[01])T`));
    await agenda.getByLabel('会议地点').fill('市政府第一会议室');
    await agenda.getByRole('checkbox', { name: /兴华路口早市占道经营管理职责/ }).check();
    await agenda.getByRole('button', { name: '确定议程' }).click();
    await page.locator('[data-session-state="agenda_fixed"]').waitFor();
    // R5 is met (late, when the 21st had passed before the session was opened).
    await clocks.locator('[data-rule="R5"][data-status^="met"]').waitFor();

    // R6: the meeting record — the involved units attend, the matter is designated to the township.
    const meeting = page.locator('form#meeting');
    await meeting.getByLabel('参会人员 1').fill('分管副局长');
    await meeting.getByLabel('参会人员 2').fill('分管副主任');
    const matter = meeting.getByRole('region', { name: /^议题 1：/ });
    await matter.getByRole('radio', { name: '指定' }).check();
    await pick(matter.getByRole('combobox', { name: '牵头单位' }), TOWNSHIP, TOWNSHIP);
    await matter.getByLabel('依据').fill('属地管理原则');
    await matter.getByLabel('研判理由').fill('占道经营发生在街道辖区，由街道牵头整治。');
    await meeting.getByLabel('会议要求').fill('各单位要讲政治、顾大局，不得推诿扯皮。');
    await shoot(page, 'consultation-meeting-form');
    // R3: without an involved unit the server refuses; its message sits under the attendance and nothing typed goes.
    await meeting.getByRole('button', { name: '删除第 2 个参会单位' }).click();
    await meeting.getByRole('button', { name: '保存会议记录' }).click();
    await meeting.getByRole('alert').getByText('议题涉及单位须参会').waitFor();
    expect(await matter.getByLabel('依据').inputValue()).toBe('属地管理原则');
    await meeting.getByRole('button', { name: '添加参会单位' }).click();
    await pick(meeting.getByRole('combobox', { name: '参会单位 2' }), TOWNSHIP, TOWNSHIP);
    await meeting.getByLabel('参会人员 2').fill('分管副主任');
    await meeting.getByRole('button', { name: '保存会议记录' }).click();
    await page.locator('[data-session-state="held"]').waitFor();
    await page.locator('[data-item-state="decided"]').getByText(TOWNSHIP, { exact: true }).waitFor();

    // R7: the minutes go out, and download as .docx.
    await page.getByRole('button', { name: '印发纪要', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /印发纪要$/ })
      .click();
    await page.locator('[data-session-state="minutes_issued"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载会议纪要（.docx）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/纪要\.docx$/);
    await shoot(page, 'consultation-session-issued');
    const sessionUrl = page.url();

    // C7: the township centre dispatches the waiting cases to the decided lead in one click.
    await signIn(page, 'dispatcher');
    await menu(page, '会商研判');
    await page.getByText('您辖区内仍在等待会商的案件：2 件').waitFor();
    await page.getByRole('button', { name: /^一键派发待办案件：.*第1项：属地管理原则$/ }).click();
    await page.getByText('已派发 2 件，跳过 0 件').waitFor();
    await page.getByText('您辖区内仍在等待会商的案件：0 件').waitFor();
    await shoot(page, 'consultation-dispatch');
    for (const { id } of [first, second]) {
      const c = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
        case: { state: string; leadUnitId: string };
      };
      expect(c.case.state).toBe('dispatched');
    }
    // The catalogue now routes such a case by the meeting, and says so.
    const suggestion = (await (
      await page.request.get(`/api/routing/suggest?category=city.street_order&grid=${first.gridId}`)
    ).json()) as { status: string; rule: { basis: string; lead: { name: string } }; message: string };
    expect(suggestion.status).toBe('rule');
    expect(suggestion.rule.lead.name).toBe(TOWNSHIP);
    expect(suggestion.rule.basis).toBe(`${title}第1项：属地管理原则`);
    expect(suggestion.message).toContain(title);

    // R8: the township reports on the ledger item; not done needs an explanation.
    await signIn(page, 'township');
    await menu(page, '台账');
    await page.getByRole('link', { name: '兴华路口早市占道经营管理职责' }).click();
    await page.getByRole('heading', { name: '兴华路口早市占道经营管理职责' }).waitFor();
    await page.getByRole('list', { name: '台账事项的各项时限' }).getByText('R8 书面报告').waitFor();
    await page.getByRole('button', { name: '提交报告', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('落实进展').fill('已制定整治方案，划定早市临时疏导区。');
    await dialog.getByRole('button', { name: /提交报告$/ }).click();
    await dialog.getByText('未完成的事项须书面说明原因', { exact: true }).waitFor();
    await dialog.getByLabel('未完成原因').fill('疏导区硬化工程尚未完工，预计下月完成。');
    await dialog.getByRole('button', { name: /提交报告$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('待审核', { exact: true }).waitFor();
    await shoot(page, 'ledger-item-reported');

    // The 社管办 accepts the report and sees the unit in the overdue summary.
    await signIn(page, 'socialoffice');
    await menu(page, '台账');
    await page.getByRole('table', { name: '各单位逾期情况' }).getByText(TOWNSHIP).waitFor();
    await shoot(page, 'ledger-list');
    await page.getByRole('link', { name: '兴华路口早市占道经营管理职责' }).click();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /审核报告$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已通过', { exact: true }).waitFor();
    await page.getByRole('list', { name: '办理过程' }).getByText('审核报告').waitFor();
    await shoot(page, 'ledger-item-reviewed');

    // The session page in English.
    await page.goto(sessionUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    await switchLanguage(page, 'English');
    await page.getByText('Minutes issued').first().waitFor();
    await page.getByRole('link', { name: 'Download the minutes (.docx)' }).waitFor();
    await shoot(page, 'consultation-session-en');
    await switchLanguage(page, '中文');
    await page.getByRole('heading', { name: title }).waitFor();
  }, 240_000);

  it('R1: the 编办 adds a rule, replaces it when it overlaps, exports the catalogue and tries the suggestion', async () => {
    const page = await open('/login');
    await signIn(page, 'establishment');
    await menu(page, '权责清单');

    const addRule = async (basis: string) => {
      await page.getByRole('button', { name: '新增规则' }).click();
      const dialog = page.getByRole('dialog');
      await pick(dialog.getByRole('combobox', { name: '事项类别' }), '危房', '房屋安全');
      await pick(
        dialog.getByRole('combobox', { name: '适用范围' }),
        '370782',
        '诸城市（县（市、区） 370782）',
      );
      await pick(dialog.getByRole('combobox', { name: '牵头单位' }), '住房', ZJJ);
      await dialog.getByLabel('依据').fill(basis);
      await dialog.getByRole('button', { name: /保存$/ }).click();
      return dialog;
    };

    const dialog = await addRule('《城市危险房屋管理规定》第五条');
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: '权责规则' });
    const row = table.getByRole('row').filter({ hasText: '《城市危险房屋管理规定》第五条' });
    await row.getByText(ZJJ).waitFor();
    await row.getByText('法定').waitFor();
    await row.getByText('尚无派发').waitFor();
    await shoot(page, 'routing-rules');

    // The same category and area again: refused in words, with the rule in the way to replace.
    const again = await addRule('市政府关于房屋安全管理职责分工的通知');
    await again.getByText('同一类别和范围已有有效规则，请改为替代该规则').waitFor();
    await shoot(page, 'routing-rule-overlap');
    await again.getByRole('button', { name: '替代该规则' }).click();
    await again.waitFor({ state: 'hidden' });
    await table.getByText('市政府关于房屋安全管理职责分工的通知').waitFor();
    await table.getByText('《城市危险房屋管理规定》第五条').waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: '显示已失效的规则' }).check();
    await table
      .getByRole('row')
      .filter({ hasText: '《城市危险房屋管理规定》第五条' })
      .getByText('已失效')
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    // A file that is not a catalogue is refused with its problems listed.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'rules.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('not a workbook'),
    });
    await page.getByText('“rules.xlsx”未导入').waitFor();

    const suggest = page.locator('.ant-card').filter({ hasText: '试算建议' });
    await pick(suggest.getByRole('combobox', { name: '事项类别' }), '危房', '房屋安全');
    await pick(suggest.getByRole('combobox', { name: '地点' }), '370782001001001', '兴华社区第一网格');
    await suggest.getByRole('button', { name: '试算' }).click();
    await suggest.getByText('有对应规则').waitFor();
    await suggest.getByText(`建议由${ZJJ}牵头`, { exact: false }).waitFor();
    await shoot(page, 'routing-suggest');
  });

  it('C2: the system administrator keeps the category catalogue; a category in use is not deleted', async () => {
    const page = await open('/login');
    await signIn(page, 'sysadmin');
    await menu(page, '事项类别');
    await page.getByRole('heading', { name: '城市管理（数字城管）' }).waitFor();
    await shoot(page, 'routing-categories');

    await page.getByRole('button', { name: '删除“城市管理（数字城管）”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /删除$/ }).click();
    await page.getByText('“城市管理（数字城管）”的操作未完成').waitFor();
    await page.getByText('可改为停用该类别。', { exact: false }).waitFor();

    await page.getByRole('button', { name: '新增大类' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('编码').fill('pets');
    await dialog.getByLabel('中文名称').fill('宠物管理');
    await dialog.getByLabel('英文名称').fill('Pets');
    await dialog.getByRole('button', { name: /保存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '宠物管理' }).waitFor();

    await page.getByRole('button', { name: '在“宠物管理”下新增小类' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('编码').fill('stray_dogs');
    await dialog.getByLabel('中文名称').fill('流浪犬');
    await dialog.getByLabel('英文名称').fill('Stray dogs');
    await dialog.getByLabel('关键词').fill('狗 犬 流浪');
    await dialog.getByRole('button', { name: /保存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const leaves = page.getByRole('table', { name: '“宠物管理”的小类' });
    await leaves.getByText('pets.stray_dogs').waitFor();

    await page.getByRole('button', { name: '停用“流浪犬”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /停用$/ }).click();
    await leaves.getByText('暂无小类').waitFor();
    await page.getByRole('checkbox', { name: '显示已停用的类别' }).check();
    await leaves.getByText('已停用').waitFor();
    await page.getByRole('button', { name: '删除“流浪犬”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /删除$/ }).click();
    await leaves.getByText('暂无小类').waitFor();
  });

  it('R9: an involved department sends its written material from 会商材料', async () => {
    const page = await open('/login');
    await signIn(page, 'socialoffice');
    const unit = async (q: string, kind: string) => {
      const answer = await page.request.get(`/api/org/units?q=${encodeURIComponent(q)}&kind=${kind}`);
      const items = (await answer.json()).items as { id: string; code: string }[];
      return items[0]?.id as string;
    };
    const district = await unit('诸城市', 'district');
    const zjj = await unit('住房和城乡建设局', 'department');
    const session = await (
      await page.request.post('/api/consultation/sessions', { data: { areaUnitId: district, kind: 'extra' } })
    ).json();
    const item = await (
      await page.request.post('/api/consultation/items', {
        data: {
          areaUnitId: district,
          source: 'leader',
          title: '小区电动车充电设施管理职责',
          description: '领导交办。',
          involvedUnitIds: [zjj],
        },
      })
    ).json();
    const meetingAt = new Date(Date.now() + 3 * 86_400_000).toISOString().replace('Z', '+00:00');
    const agenda = await page.request.post(`/api/consultation/sessions/${session.id}/agenda`, {
      data: { meetingAt, location: '社管办会议室', itemIds: [item.id] },
    });
    expect(agenda.status()).toBe(200);

    await signIn(page, 'handler');
    await menu(page, '会商材料');
    await page.getByText('小区电动车充电设施管理职责').waitFor();
    await page
      .getByLabel(`${ZJJ}的书面材料`)
      .fill('住建局书面意见：充电设施的消防安全由消防部门监管，本局负责新建小区配建。');
    await page.getByRole('button', { name: '报送材料' }).click();
    await page.getByText(new RegExp(`${ZJJ}已于 .* 报送书面材料`)).waitFor();
    await shoot(page, 'consultation-my-items');
  });
});
