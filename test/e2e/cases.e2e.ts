import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CASE_FLOW, CASE_STATES } from '../../src/server/modules/cases/case-flow.ts';
import {
  CASE_ACTIONS,
  WAITING_ON,
  CASE_STATES as WEB_CASE_STATES,
} from '../../src/web/features/cases/case-flow.ts';
import { browserAppForFile, signIn, switchLanguage } from './fixture.ts';

const { open } = browserAppForFile();

/** Screenshots of each page, for people to look at (git-ignored). */
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The grid of the demo grid worker and grid head. */
const GRID_CODE = '370782001001001';
const GRID_NAME = '兴华社区第一网格';
const ZJJ = '诸城市住房和城乡建设局';

/** A small real JPEG photo, drawn by the browser itself (so thumbnails show something). */
async function photo(page: Page, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate<string>(
    `(() => { const c = document.createElement('canvas'); c.width = 160; c.height = 120;
      const g = c.getContext('2d'); g.fillStyle = '${colour}'; g.fillRect(0, 0, 160, 120);
      g.fillStyle = '#fff'; g.fillRect(40, 30, 80, 60); return c.toDataURL('image/jpeg', 0.8); })()`,
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** The centre of a grid's bounding box (the demo grids are rectangles), read as a township reader. */
async function gridCentre(page: Page, code: string): Promise<{ latitude: number; longitude: number }> {
  const townships = await page.request.get(`/api/org/units?kind=township&q=${code.slice(0, 9)}`);
  const [township] = ((await townships.json()) as { items: { id: string }[] }).items;
  if (!township) throw new Error('no township in scope');
  const response = await page.request.get(`/api/org/units/${township.id}/grids.geojson`);
  const collection = (await response.json()) as {
    features: { properties: { code: string }; geometry: { coordinates: [number, number][][] } }[];
  };
  const ring = collection.features.find((f) => f.properties.code === code)?.geometry.coordinates[0];
  if (!ring) throw new Error(`no grid ${code}`);
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return {
    longitude: (Math.min(...lngs) + Math.max(...lngs)) / 2,
    latitude: (Math.min(...lats) + Math.max(...lats)) / 2,
  };
}

/** Opens a case from 我的工作 (the tab the page opens on for this reader). */
async function openFromList(page: Page, number: string, tab?: string): Promise<void> {
  await page.getByRole('menuitem', { name: '我的工作', exact: true }).click();
  await page.getByRole('heading', { name: '我的工作', exact: true }).waitFor();
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByRole('link', { name: number, exact: true }).click();
  await page.getByRole('heading', { name: `案件 ${number}` }).waitFor();
}

/** The case's state tag in the page head. */
async function expectState(page: Page, label: string): Promise<void> {
  await page.locator('[data-case-state]', { hasText: label }).waitFor();
}

/**
 * Takes one step on the case page: its button, the form (filled by `fill`), the form's own
 * button of the same name; waits for the form to close and the case to show `next`.
 */
async function step(
  page: Page,
  action: string,
  next: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: new RegExp(`${action}$`) }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expectState(page, next);
}

/** The status of each duty in the clocks list, as `rule:status` (C8:met, C9:running…). */
async function clocks(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: '案件的各项时限' }).getByRole('listitem');
  const found: string[] = [];
  for (const item of await items.all()) {
    found.push(`${await item.getAttribute('data-rule')}:${await item.getAttribute('data-status')}`);
  }
  return found.sort();
}

/** C9: a position (the browser's, granted) and a photo. */
async function arriveWithPhoto(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: '使用我的位置' }).click();
  await dialog.getByText(`位于${GRID_NAME}`).waitFor();
  await dialog.getByLabel('拍照或选择照片').setInputFiles({
    name: 'arrival.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo(dialog.page(), '#2e86c1'),
  });
  await dialog.getByText('已上传 1 张').waitFor();
}

describe('web: cases', () => {
  it('keeps the web copy of the state table in step with the server', () => {
    expect(WEB_CASE_STATES).toEqual(CASE_STATES);
    const server = Object.fromEntries(
      Object.entries(CASE_FLOW).map(([action, rule]) => [
        action,
        {
          from: [...rule.from],
          roles: [...rule.roles],
          reason: 'reason' in rule,
          feedback: 'feedback' in rule,
          result: 'result' in rule,
          photoAndPosition: 'photoAndPosition' in rule,
        },
      ]),
    );
    const web = Object.fromEntries(
      Object.entries(CASE_ACTIONS).map(([action, rule]) => [
        action,
        {
          from: [...rule.from],
          roles: [...rule.roles],
          reason: 'reason' in rule,
          feedback: 'feedback' in rule,
          result: 'result' in rule,
          photoAndPosition: 'photoAndPosition' in rule,
        },
      ]),
    );
    expect(web).toEqual(server);
    // Every open state waits on someone who has a step in it.
    for (const [state, type] of Object.entries(CASE_STATES)) {
      if (type !== 'closed') expect(WAITING_ON[state as keyof typeof WAITING_ON], state).toBeDefined();
    }
  });

  it('follows a call from the grid to closure across five roles, with the clocks', async () => {
    const page = await open('/login');
    // A township reader finds the grid's centre; the browser will report that position.
    await signIn(page, 'dispatcher');
    const centre = await gridCentre(page, GRID_CODE);
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation(centre);

    // The 编办 puts housing safety in 诸城市 on the housing bureau (R1).
    await signIn(page, 'establishment');
    const unitByCode = async (code: string) => {
      const found = await page.request.get(`/api/org/units?q=${code}`);
      const unit = ((await found.json()) as { items: { id: string; code: string }[] }).items.find(
        (u) => u.code === code,
      );
      if (!unit) throw new Error(`no unit ${code}`);
      return unit.id;
    };
    const rule = await page.request.post('/api/routing/rules', {
      data: {
        categoryCode: 'safety.housing',
        areaUnitId: await unitByCode('370782'),
        leadUnitId: await unitByCode('D370782-ZJJ'),
        principle: 'statutory',
        basis: '城市危险房屋管理规定',
      },
    });
    expect(rule.status()).toBe(201);

    // The grid worker raises the call on 发起呼叫.
    await signIn(page, 'gridworker');
    await page.getByRole('menuitem', { name: '发起呼叫', exact: true }).click();
    await page.getByRole('heading', { name: '发起呼叫', exact: true }).waitFor();
    // Sent empty, each missing element is named under its field.
    await page.getByRole('button', { name: '提交呼叫' }).click();
    await page.getByText('请选择事项类别').waitFor();
    await page.getByText('请使用我的位置，或填写地址').waitFor();
    await page.getByText('请填写当事人').waitFor();

    await page.getByRole('combobox', { name: '事项类别' }).click();
    await page.keyboard.type('危房');
    await page.locator('.ant-select-dropdown').getByTitle('房屋安全', { exact: true }).click();
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByText(`位于${GRID_NAME}`).waitFor();
    await page.getByLabel('地址', { exact: true }).fill('兴华社区 3 号楼东侧');
    await page.getByLabel('当事人', { exact: true }).fill('3 号楼住户');
    await page.getByLabel('具体情形', { exact: true }).fill('外墙瓷砖脱落，砸坏一辆电动车');
    await page.getByLabel('需求诉求', { exact: true }).fill('尽快排查并修复外墙');
    await page.getByLabel('建议承办单位', { exact: true }).fill(ZJJ);
    await page
      .getByLabel('拍照或选择照片')
      .setInputFiles({ name: 'wall.jpg', mimeType: 'image/jpeg', buffer: await photo(page, '#c0392b') });
    await page.getByText('已上传 1 张').waitFor();
    await shoot(page, 'call-form');

    // The first answer is lost on the way back (the call did arrive): the page keeps the
    // call on the phone and sends it again at once with the same key (C1), which returns
    // the same case.
    const keys: string[] = [];
    await page.route('**/api/cases', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.getByRole('button', { name: '提交呼叫' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.unroute('**/api/cases');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const heading = await page.getByRole('heading', { name: /^案件 \d{6}-\d{8}-\d{4}$/ }).textContent();
    const number = (heading ?? '').replace('案件 ', '');
    const mine = await page.request.get('/api/cases?mine=true');
    expect(((await mine.json()) as { items: unknown[] }).items).toHaveLength(1);
    await expectState(page, '待网格长审核');
    await page.getByText(GRID_NAME).first().waitFor();
    expect(await clocks(page)).toEqual(['C4:running']);
    await page.getByRole('img', { name: '照片 1' }).waitFor();
    await page.getByText('您目前没有可执行的操作。').waitFor();

    // The grid head approves it from their queue.
    await signIn(page, 'gridhead');
    await openFromList(page, number);
    await shoot(page, 'case-gating');
    await step(page, '审核通过', '待研判分流');
    expect(await clocks(page)).toEqual(['C4:met', 'C7:running']);

    // The centre dispatches it to the housing bureau, as the responsibility catalogue says.
    await signIn(page, 'dispatcher');
    await openFromList(page, number);
    await step(page, '派遣', '待签收', async (dialog) => {
      await dialog.getByText(`建议由${ZJJ}牵头`).waitFor();
      await dialog.getByRole('button', { name: '采用建议' }).click();
      await dialog.getByTitle(`${ZJJ}（D370782-ZJJ）`).waitFor();
    });
    await page.getByText(ZJJ).first().waitFor();

    // The handler signs, arrives (position and photo, C9) and finishes with a result.
    await signIn(page, 'handler');
    await openFromList(page, number);
    await step(page, '签收', '已签收待到场');
    expect((await clocks(page)).filter((c) => c.endsWith('running'))).toEqual(['C10:running', 'C9:running']);
    await page
      .getByText(/进行中，剩余 /)
      .first()
      .waitFor();
    await step(page, '到场', '已到场办理中', arriveWithPhoto);
    await shoot(page, 'case-on-site');
    await step(page, '办结', '已办结待核查', async (dialog) => {
      await dialog.getByLabel('办理结果').fill('已清理脱落瓷砖并拉警戒线');
    });

    // The grid head is not satisfied: the same unit handles it again (二次办理).
    await signIn(page, 'gridhead');
    await openFromList(page, number);
    await step(page, '不满意，重办', '待签收', async (dialog) => {
      await dialog.getByLabel('理由').fill('外墙其余部分仍有松动');
    });
    await page.getByText('二次办理').first().waitFor();

    await signIn(page, 'handler');
    await openFromList(page, number);
    await step(page, '签收', '已签收待到场');
    await step(page, '到场', '已到场办理中', arriveWithPhoto);
    await step(page, '办结', '已办结待核查', async (dialog) => {
      await dialog.getByLabel('办理结果').fill('外墙已全面加固');
    });

    // Satisfied: closed with feedback to the raiser (C12).
    await signIn(page, 'gridhead');
    await openFromList(page, number);
    await step(page, '满意，结案', '已结案', async (dialog) => {
      await dialog.getByLabel('给呼叫人的反馈').fill('外墙已全面加固，感谢反映');
    });

    // The grid worker sees it closed, with the answer, on 我发起的.
    await signIn(page, 'gridworker');
    await page.getByRole('menuitem', { name: '我的工作', exact: true }).click();
    await page.getByRole('tab', { name: '我发起的', selected: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.getByText('已结案').waitFor();
    await shoot(page, 'my-work');
    await row.getByRole('link', { name: number }).click();
    await expectState(page, '已结案');
    await page.getByText('外墙已全面加固，感谢反映').first().waitFor();
    // Every clock was met: C4, C7, then C8–C11 twice.
    const all = await clocks(page);
    expect(all).toHaveLength(10);
    expect(all.every((c) => c.endsWith(':met'))).toBe(true);
    await page.getByText('按时完成').first().waitFor();
    const timeline = page.getByRole('list', { name: '办理过程' });
    await timeline.getByText('核查不满意，重新办理').waitFor();
    await timeline.getByText('外墙其余部分仍有松动').waitFor();
    await shoot(page, 'case-closed');

    // In English the same page speaks English.
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: `Case ${number}` }).waitFor();
    await page.getByText('Closed', { exact: true }).first().waitFor();
    await page
      .getByRole('list', { name: 'Timeline' })
      .getByText('Verified: unsatisfied, to handle again')
      .waitFor();
    await page.getByText('Met on time').first().waitFor();
    await shoot(page, 'case-closed-en');
    // The choice is saved for the user: back to Chinese for the tests that follow.
    await switchLanguage(page, '中文');
    await page.getByRole('heading', { name: `案件 ${number}` }).waitFor();
  }, 240_000);

  it('keeps what was typed when someone else moved the case first (412), then takes the step', async () => {
    const page = await open('/login');
    await signIn(page, 'gridworker');
    const raised = await page.request.post('/api/cases', {
      data: {
        category: 'environment.sanitation',
        occurredAt: '2026-09-21T08:30:00+08:00',
        address: '兴华社区 5 号楼',
        party: '5 号楼住户',
        situation: '垃圾桶满溢',
        demand: '清运垃圾',
        proposedUnitText: '诸城市园林环卫服务中心',
      },
    });
    expect(raised.status()).toBe(201);
    const { id, number } = (await raised.json()) as { id: string; number: string };

    await signIn(page, 'gridhead');
    await page.goto(`/cases/${id}`);
    await page.getByRole('heading', { name: `案件 ${number}` }).waitFor();
    await page.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('已由物业当场清运');
    await dialog.getByLabel('给呼叫人的反馈').fill('物业已清运，无需派单');
    // Meanwhile the case moves on (forwarded to the secretary, as if from another device).
    const forwarded = await page.request.post(`/api/cases/${id}/actions/forward_to_secretary`, {
      headers: { 'If-Match': '1' },
      data: {},
    });
    expect(forwarded.status()).toBe(200);
    await dialog.getByRole('button', { name: /退回$/ }).click();
    await dialog.getByText('案件刚被他人更新，已重新载入').waitFor();
    expect(await dialog.getByLabel('理由').inputValue()).toBe('已由物业当场清运');
    await expectState(page, '待社区书记审核');
    // A grid head may still send it back from there; the second try carries the new version.
    await dialog.getByRole('button', { name: /退回$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectState(page, '网格内办结');
  });

  it('C14: the centre records a joint consultation and a referral to mediation', async () => {
    const page = await open('/login');
    await signIn(page, 'gridworker');
    const raised = await page.request.post('/api/cases', {
      data: {
        category: 'dispute.neighbour',
        occurredAt: '2026-09-21T08:30:00+08:00',
        address: '兴华社区 7 号楼',
        party: '7 号楼两户邻居',
        situation: '楼上漏水引发纠纷',
        demand: '协调维修与赔偿',
        proposedUnitText: '密州司法所',
      },
    });
    const { id, number } = (await raised.json()) as { id: string; number: string };
    await signIn(page, 'gridhead');
    const approved = await page.request.post(`/api/cases/${id}/actions/approve_as_grid_head`, {
      headers: { 'If-Match': '1' },
      data: {},
    });
    expect(approved.status()).toBe(200);

    await signIn(page, 'dispatcher');
    await page.goto(`/cases/${id}`);
    await page.getByRole('heading', { name: `案件 ${number}` }).waitFor();
    await page.getByRole('button', { name: '组织联合会商', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // One unit is not a consultation: the form says so before sending.
    const units = dialog.getByRole('combobox', { name: '参加会商的单位（至少两个）' });
    await units.click();
    await page.keyboard.type('司法所');
    await page.locator('.ant-select-dropdown').getByText('密州司法所').click();
    await dialog.getByLabel('会商决定').fill('由司法所牵头调解，物业配合维修');
    await dialog.getByLabel('会商纪要').fill('两户同意先维修后协商赔偿');
    await dialog.getByRole('button', { name: /组织联合会商$/ }).click();
    await dialog.getByText('请至少选择两个单位').waitFor();
    await units.click();
    await page.keyboard.type('综治中心');
    await page.locator('.ant-select-dropdown').getByText('密州街道综治中心').click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /组织联合会商$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const records = page.locator('.ant-card').filter({ hasText: '会商与调解' });
    await records.getByText('由司法所牵头调解，物业配合维修').waitFor();
    await records.getByText('密州司法所、密州街道综治中心').waitFor();
    await page.getByRole('list', { name: '办理过程' }).getByText('联合会商', { exact: true }).waitFor();

    await page.getByRole('button', { name: '转交调解', exact: true }).click();
    await dialog.getByRole('combobox', { name: '调解组织' }).click();
    await page.keyboard.type('司法所');
    await page.locator('.ant-select-dropdown').getByText('密州司法所').click();
    await dialog.getByRole('button', { name: /转交调解$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await records.getByText('转交调解').waitFor();
    await shoot(page, 'case-records');
  });

  it('fits the call form and the list on a 360 px phone', async () => {
    const page = await open('/login', { width: 360, height: 740 });
    await signIn(page, 'gridworker');
    await page.goto('/cases/new');
    await page.getByRole('heading', { name: '发起呼叫', exact: true }).waitFor();
    await page.getByRole('combobox', { name: '事项类别' }).waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(page, 'call-form-phone');

    await page.goto('/cases');
    await page.getByRole('heading', { name: '我的工作', exact: true }).waitFor();
    await page.getByRole('tab', { name: '我发起的', selected: true }).waitFor();
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await shoot(page, 'my-work-phone');
  });

  it('tells a grid worker who refused the position to type the address', async () => {
    const page = await open('/login');
    await signIn(page, 'gridworker');
    await page.goto('/cases/new');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByRole('alert').filter({ hasText: '未获准使用位置' }).waitFor();
  });
});
