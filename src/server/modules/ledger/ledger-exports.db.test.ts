import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { ledgerZhCN } from '../../../web/i18n/ledger.zh-CN.ts';
import { KIND_LABELS, STATE_LABELS } from './export-ledger-items.ts';
import { createLedgerWorld, type LedgerWorld } from './ledger-world.fixture.ts';

let w: LedgerWorld;
beforeEach(async () => {
  w = await createLedgerWorld(['socialoffice', 'supervisor', 'handler', 'township', 'gridworker']);
});
afterEach(async () => {
  await w.close();
});

async function exported(who: string, query = '') {
  const response = await w.get(who, `/api/ledger/items.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toContain('attachment');
  return readListSheet(response.rawPayload, '台账事项');
}

async function listed(who: string, query = '') {
  const response = await w.get(who, `/api/ledger/items${query ? `${query}&` : '?'}limit=500`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { title: string }[]).map((i) => i.title);
}

/**
 * Three items: the housing bureau's wall (reported on after the 15th), the enforcement
 * bureau's road (its report overdue) and the supervision office's item for the housing bureau.
 */
async function threeItems() {
  const wall = (await w.createItem({ dueAt: '2026-12-31T17:00:00+08:00' })).json();
  w.t.clock.advanceMinutes(10);
  await w.createItem({
    title: '人民路占道经营治理',
    leadUnitId: w.units['D370782-ZHZF'],
    cooperatingUnitIds: [],
  });
  w.t.clock.advanceMinutes(10);
  const supervised = await w.createItem(
    { kind: 'supervision', title: '老旧小区改造进度督查', reportRule: 'M+1@15' },
    'supervisor',
  );
  expect(supervised.statusCode, supervised.body).toBe(201);
  await w.moveTo('2026-10-16T09:00:00+08:00');
  await w.scan();
  const report = await w.report(wall.id, {
    period: '2026-09',
    done: false,
    progress: '已完成排查',
    explanation: '待住户配合',
  });
  expect(report.statusCode, report.body).toBe(201);
  return { wall };
}

describe('GET /api/ledger/items.xlsx', () => {
  it('R7, S8: the ledger as a sheet in Chinese columns with the page’s words, clocks and links', async () => {
    const { wall } = await threeItems();
    const sheet = await exported('socialoffice');
    expect(sheet.headers.slice(0, 8)).toEqual([
      '标题',
      '台账类别',
      '牵头单位',
      '配合单位',
      '状态',
      '办结期限',
      '下次报告截止',
      '逾期未报次数',
    ]);
    // The 社管办 reads the district's ledgers: newest first.
    expect(sheet.records.map((r) => r.标题)).toEqual([
      '老旧小区改造进度督查',
      '人民路占道经营治理',
      '兴华社区 3 号楼外墙维修责任',
    ]);
    expect(sheet.records[2]).toMatchObject({
      台账类别: '会商议定事项',
      配合单位: expect.stringContaining('密州'),
      状态: '落实中',
      办结期限: new Date(Date.UTC(2026, 11, 31, 17, 0)),
      逾期未报次数: 0,
      迟报次数: 1,
      事项逾期: '否',
      创建人: '高社管',
    });
    expect(sheet.records[1]).toMatchObject({ 逾期未报次数: 1 });
    expect(sheet.links[2]?.标题).toBe(`http://localhost:80/ledger/items/${wall.id}`);
    expect(sheet.about).toMatchObject({ 列表: '台账事项', 导出人: '高社管', 行数: 3, 台账类别: '全部' });
  });

  it('R8, S5: each reader’s file holds exactly what their list shows — scope, kind, overdue, search and sort', async () => {
    await threeItems();
    const queries = [
      '',
      '?kind=consultation',
      '?overdue=true',
      '?q=外墙',
      '?state=crossed_off',
      '?sort=title',
    ];
    for (const who of ['socialoffice', 'supervisor', 'handler', 'township'])
      for (const query of queries) {
        const sheet = await exported(who, query);
        expect(
          sheet.records.map((r) => r.标题),
          `${who} ${query}`,
        ).toEqual(await listed(who, query));
      }
    // The housing bureau reads what it leads; the township what it cooperates on.
    expect((await exported('handler')).records.map((r) => r.标题)).toEqual([
      '老旧小区改造进度督查',
      '兴华社区 3 号楼外墙维修责任',
    ]);
    expect((await exported('township')).records.map((r) => r.标题)).toEqual([
      '老旧小区改造进度督查',
      '兴华社区 3 号楼外墙维修责任',
    ]);
    // R8: the wall's report came in; the other two still owe theirs.
    expect((await exported('socialoffice', '?overdue=true')).records.map((r) => r.标题)).toEqual([
      '老旧小区改造进度督查',
      '人民路占道经营治理',
    ]);
    const byTitle = await exported('socialoffice', '?sort=title&kind=consultation');
    expect(byTitle.records.map((r) => r.标题)).toEqual(['人民路占道经营治理', '兴华社区 3 号楼外墙维修责任']);
    expect(byTitle.about).toMatchObject({ 台账类别: '会商议定事项', 排序: '标题' });
  });

  it('a bad query is refused with its field; a role without the ledger is refused', async () => {
    for (const [query, field] of [
      ['?kind=bogus', 'kind'],
      ['?overdue=yes', 'overdue'],
      ['?sort=random', 'sort'],
      ['?unitId=123', 'unitId'],
    ] as const) {
      const response = await w.get('socialoffice', `/api/ledger/items.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
    expect((await w.get('gridworker', '/api/ledger/items.xlsx')).statusCode).toBe(403);
  });

  it('the sheet’s kinds and states are the page’s Chinese words', () => {
    const web = ledgerZhCN as Record<string, string>;
    for (const [kind, label] of Object.entries(KIND_LABELS)) expect(web[`ledgerKind.${kind}`]).toBe(label);
    for (const [state, label] of Object.entries(STATE_LABELS))
      expect(web[`ledgerState.${state}`]).toBe(label);
  });
});
