import { describe, expect, it } from 'vitest';
import { browserAppForFile, DEMO_PASSWORD, signIn } from './fixture.ts';

const { open } = browserAppForFile();

/**
 * The form fields on the page that have no accessible name: no aria-label, no
 * aria-labelledby pointing at text, no <label for>, not inside a <label>. Hidden fields
 * (type=hidden, aria-hidden such as antd's text-measuring copy, not rendered) are skipped. Returns a short description of each.
 */
const UNLABELLED = `(() => {
  const named = (el) => {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    const by = el.getAttribute('aria-labelledby');
    if (by && by.split(/\\s+/).some((id) => (document.getElementById(id)?.textContent || '').trim())) return true;
    if (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')?.textContent.trim()) return true;
    if (el.closest('label')?.textContent.trim()) return true;
    if ((el.getAttribute('title') || '').trim()) return true;
    return false;
  };
  const fields = [...document.querySelectorAll('input, select, textarea, [role="combobox"]')];
  return fields
    .filter((el) => el.type !== 'hidden' && el.getAttribute('aria-hidden') !== 'true')
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => !named(el))
    .map((el) => el.outerHTML.slice(0, 160));
})()`;

/** Pages of each role's daily work, with a text that shows the page is there. */
const PAGES: [user: string, path: string, ready: string][] = [
  ['gridworker', '/', '今日待办'],
  ['gridworker', '/cases/new', '提交呼叫'],
  ['gridworker', '/cases', '我的工作'],
  ['dispatcher', '/cases', '我的工作'],
  ['handler', '/', '今日待办'],
  ['socialoffice', '/consultation', '会商研判'],
  ['supervisor', '/assessment/rankings', '考核排名'],
  ['supervisor', '/assessment/settings', '考核设置'],
  ['leader', '/dashboard', '网格治理驾驶舱'],
  ['sysadmin', '/org/people', '人员信息'],
  ['sysadmin', '/admin/calendar', '工作日历'],
];

describe('quality bars of the web pages', () => {
  // One walk over every role's daily pages checks both bars (each sign-in costs seconds).
  it('walks every daily page: talks only to its own server (no CDN, font or map tile from outside) and labels every form field', async () => {
    const page = await open('/login');
    const origin = new URL(page.url()).origin;
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    await page.getByLabel('用户名', { exact: true }).waitFor();
    // Screen readers and voice input name a field by its label.
    const unlabelled: string[] = (await page.evaluate(UNLABELLED)) as string[];
    for (const [user, path, ready] of PAGES) {
      await signIn(page, user);
      await page.goto(path);
      await page.getByText(ready).first().waitFor();
      for (const field of (await page.evaluate(UNLABELLED)) as string[])
        unlabelled.push(`${path} (${user}): ${field}`);
    }
    expect(outside).toEqual([]);
    expect(unlabelled).toEqual([]);
  });

  it('signs in with the keyboard alone', async () => {
    const page = await open('/login');
    await page.getByLabel('用户名', { exact: true }).focus();
    await page.keyboard.type('gridworker');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('今日待办').waitFor();
  });
});
