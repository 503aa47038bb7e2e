import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAppForFile, DEMO_PASSWORD } from './fixture.ts';

const { open } = browserAppForFile();

/** Logs in and opens 工作日历 from the menu (behind the menu button on a phone). */
async function openCalendar(page: Page, username: string, phone = false): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  if (phone) await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  await page.waitForURL('**/admin/calendar');
  await page.getByRole('heading', { name: '工作日历', exact: true }).waitFor();
}

/** Picks a year in the year selector (the page opens on the current year in Shanghai). */
async function chooseYear(page: Page, year: number): Promise<void> {
  await page.getByRole('combobox', { name: '年份' }).click();
  await yearOption(page, `${year} 年`).click();
  await page.getByRole('region', { name: `${year} 年日历` }).waitFor();
  // The year's days have arrived when the grid is no longer busy.
  await page.locator('[aria-busy="false"]').first().waitFor();
}

/** An option of the open year selector (antd's visible item, titled by its label). */
function yearOption(page: Page, label: string) {
  return page.locator('.ant-select-dropdown').getByTitle(label, { exact: true });
}

/** A day of the grid as a button (calendar.manage), found by its spoken description. */
function dayButton(page: Page, description: RegExp) {
  return page.getByRole('button', { name: description });
}

const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Luoshi e2e//CN',
  'BEGIN:VEVENT',
  'UID:2027-new-year@luoshi.test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270102',
  'SUMMARY:元旦(休)',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('web: work calendar', () => {
  it('shows the system administrator the 2026 holidays and make-up days', async () => {
    const page = await open('/login');
    await openCalendar(page, 'sysadmin');
    await chooseYear(page, 2026);
    // Holidays carry their name, make-up days say so: in the spoken name and on screen.
    const nationalDay = dayButton(page, /^2026年10月1日 星期四，国庆节，法定节假日$/);
    await nationalDay.waitFor();
    expect(await nationalDay.textContent()).toContain('国庆节');
    const makeup = dayButton(page, /^2026年10月10日 星期六，国庆节，调休补班$/);
    await makeup.waitFor();
    expect(await makeup.textContent()).toContain('补班');
    // The legend explains the colours; the loaded arrangements are listed.
    const legend = page.getByRole('list', { name: '图例' });
    for (const kind of ['工作日', '休息日', '法定节假日', '调休补班']) {
      await legend.getByText(kind, { exact: true }).waitFor();
    }
    await page.getByRole('list', { name: '已载入的年度安排' }).getByText('2026 年').waitFor();
  });

  it('marks 2026-11-20 as a rest day with a reason (a reason is required)', async () => {
    const page = await open('/login');
    await openCalendar(page, 'sysadmin');
    await chooseYear(page, 2026);
    await dayButton(page, /^2026年11月20日 星期五，工作日$/).click();
    const dialog = page.getByRole('dialog', { name: '修改 2026年11月20日 星期五' });
    await dialog.waitFor();
    await dialog.getByLabel('休息日', { exact: true }).check();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.getByText('请填写修改原因').waitFor();
    // Nothing chosen is lost when the form refuses.
    expect(await dialog.getByLabel('休息日', { exact: true }).isChecked()).toBe(true);

    await dialog.getByLabel('修改原因').fill('台风停工');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存，\d+ 项进行中事项的期限已重新计算/).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await dayButton(page, /^2026年11月20日 星期五，休息日，临时调整$/).waitFor();
  });

  it('lets the keyboard move through the days and open one', async () => {
    const page = await open('/login');
    await openCalendar(page, 'sysadmin');
    await chooseYear(page, 2026);
    await dayButton(page, /^2026年10月8日 /).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    // 8 Oct → 9 Oct → 16 Oct.
    const focused = await page.evaluate('document.activeElement.getAttribute("data-date")');
    expect(focused).toBe('2026-10-16');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: '修改 2026年10月16日 星期五' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('imports an iCalendar file and shows 2027', async () => {
    const page = await open('/login');
    await openCalendar(page, 'sysadmin');
    // Before: 2027 is offered, marked as not loaded.
    await page.getByRole('combobox', { name: '年份' }).click();
    await yearOption(page, '2027 年（未载入安排）').waitFor();
    await page.keyboard.press('Escape');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '导入日历文件（.ics / .json）' }).click(),
    ]);
    await chooser.setFiles({ name: '2027.ics', mimeType: 'text/calendar', buffer: Buffer.from(ICS_2027) });
    const done = page.getByRole('alert').filter({ hasText: '已导入“2027.ics”' });
    await done.waitFor();
    expect(await done.textContent()).toContain('载入年份：2027');
    await page.getByRole('list', { name: '已载入的年度安排' }).getByText('2027 年').waitFor();
    // The page goes to the imported year.
    await page.getByRole('region', { name: '2027 年日历' }).waitFor();
    await dayButton(page, /^2027年1月1日 星期五，元旦，法定节假日$/).waitFor();
    await page.getByRole('combobox', { name: '年份' }).click();
    await yearOption(page, '2027 年').waitFor();
    await page.keyboard.press('Escape');

    // A file of another kind is refused before anything is sent.
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '导入日历文件（.ics / .json）' }).click(),
    ]);
    await again.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await page.getByRole('alert').filter({ hasText: '“notes.txt”导入失败' }).waitFor();
  });

  it('computes a deadline and shows a bad rule under the rule field', async () => {
    const page = await open('/login');
    await openCalendar(page, 'sysadmin');
    const start = page.getByLabel('开始时间（北京时间）');
    await start.click();
    await start.fill('2026-09-30 10:00');
    await start.press('Enter');
    const rule = page.getByLabel('期限规则');
    await rule.fill('3wd');
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '到期时间：' }).getByText('2026-10-10 17:30').waitFor();

    await rule.fill('3x');
    await page.getByRole('button', { name: '计算', exact: true }).click();
    const ruleError = page.getByRole('alert').filter({ hasText: '期限规则“3x”无效' });
    await ruleError.waitFor();
    expect(await rule.inputValue()).toBe('3x');
    expect(await start.inputValue()).toBe('2026-09-30 10:00');

    // BAD_START goes under the start field (the picker cannot produce one: the answer is faked).
    await page.route('**/api/calendar/due?**', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'BAD_START', message: '开始时间无效', message_en: 'Bad start', field: 'start' },
        }),
      }),
    );
    await rule.fill('3wd');
    await page.getByRole('button', { name: '计算', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '开始时间无效' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '期限规则' }).count()).toBe(0);
  });

  it('adds and deletes office hours', async () => {
    const page = await open('/login');
    await openCalendar(page, 'sysadmin');
    await page.getByRole('button', { name: '添加办公时间' }).click();
    const dialog = page.getByRole('dialog', { name: '添加办公时间' });
    await dialog.getByLabel('名称').fill('夏季作息');
    // The default periods are filled in.
    expect(await dialog.getByLabel('时段 1 开始时间').inputValue()).toBe('09:00');
    expect(await dialog.getByLabel('时段 2 结束时间').inputValue()).toBe('17:30');
    // The start date is required; Enter submits the form from the keyboard.
    await dialog.getByRole('button', { name: '确定', exact: true }).click();
    await dialog.getByText('请选择开始日期').waitFor();
    expect(await dialog.getByLabel('名称').inputValue()).toBe('夏季作息');
    const from = dialog.getByLabel('开始日期');
    await from.click();
    await from.fill('2026-06-01');
    await from.press('Enter');
    await page.getByText(/办公时间已添加/).waitFor();
    const row = page.getByRole('row').filter({ hasText: '夏季作息' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2026-06-01 至 长期');

    await row.getByRole('button', { name: '删除“夏季作息”' }).click();
    await page
      .getByRole('dialog', { name: '删除办公时间“夏季作息”？' })
      .getByRole('button', { name: '删除' })
      .click();
    await page.getByText(/办公时间已删除/).waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('shows a grid worker the calendar read-only, one month per row on a phone', async () => {
    const page = await open('/login', { width: 360, height: 740 });
    await openCalendar(page, 'gridworker', true);
    await chooseYear(page, 2026);
    await page.getByText('工作日历由系统管理员维护，此处仅供查看。').waitFor();
    await page.getByRole('cell', { name: /^2026年10月1日 星期四，国庆节，法定节假日$/ }).waitFor();
    // No edit controls: the days are not buttons, nothing to import or add.
    expect(await dayButton(page, /^2026年10月1日/).count()).toBe(0);
    expect(await page.getByRole('button', { name: /导入日历文件/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /录入 \d+ 年安排/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '添加办公时间' }).count()).toBe(0);
    // The deadline calculator is for everyone.
    await page.getByRole('button', { name: '计算', exact: true }).waitFor();
    // Months stack: January's table sits above February's, and nothing sticks out sideways.
    const jan = await page.getByRole('table', { name: '2026年1月' }).boundingBox();
    const feb = await page.getByRole('table', { name: '2026年2月' }).boundingBox();
    expect(jan && feb && feb.y > jan.y + jan.height - 1).toBe(true);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
