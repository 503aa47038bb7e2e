import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { casesZhCN } from '../../../web/i18n/cases.zh-CN.ts';
import { CHANNEL_LABELS, LEVEL_LABELS, STATE_LABELS } from './case-sheet.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'dispatcher', 'handler', 'auditor', 'leader']);
});
afterEach(async () => {
  await w.close();
});

const get = (who: string, url: string) =>
  w.t.app.inject({ method: 'GET', url, headers: { cookie: w.cookies[who] as string } });

async function exported(who: string, query = '') {
  const response = await get(who, `/api/cases.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '案件列表');
}

async function listed(who: string, query = '') {
  const response = await get(who, `/api/cases${query ? `${query}&` : '?'}limit=500`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { number: string }[]).map((c) => c.number);
}

/** Three calls: a housing one with a phone and an ID number in it, approved and dispatched; a water one at triage; a waiting one. */
async function threeCases() {
  const housing = (
    await w.raise(
      w.call({ party: '业主张三 13812348000', situation: '身份证 110105199001010123 的住户报告外墙脱落' }),
    )
  ).json();
  await w.act('gridhead', housing.id, 'approve_as_grid_head', 1);
  await w.act('dispatcher', housing.id, 'dispatch', 2, { leadUnitId: w.units['D370782-ZJJ'] });
  w.t.clock.advanceMinutes(60);
  const water = (await w.raise(w.call({ category: 'utility.water', address: '兴华社区 5 号楼' }))).json();
  await w.act('gridhead', water.id, 'approve_as_grid_head', 1);
  w.t.clock.advanceMinutes(60);
  const waiting = (await w.raise(w.call({ address: '兴华社区 7 号楼' }))).json();
  return { housing, water, waiting } as Record<
    'housing' | 'water' | 'waiting',
    { id: string; number: string }
  >;
}

describe('GET /api/cases.xlsx', () => {
  it('C6, C12: the export lays the list out in Chinese columns with the page’s words, links and Shanghai times', async () => {
    const { housing, water, waiting } = await threeCases();
    const sheet = await exported('dispatcher');
    expect(sheet.headers.slice(0, 9)).toEqual([
      '案件编号',
      '事项大类',
      '事项类别',
      '状态',
      '下一时限',
      '办理轮次',
      '来源渠道',
      '受理层级',
      '发生时间',
    ]);
    expect(sheet.headers).toContain('牵头承办单位');
    expect(sheet.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Newest first, as the page opens.
    expect(sheet.records.map((r) => r.案件编号)).toEqual([waiting.number, water.number, housing.number]);
    const row = sheet.records[2] as Record<string, unknown>;
    expect(row).toMatchObject({
      事项大类: '安全隐患',
      事项类别: '房屋安全',
      状态: '待签收',
      办理轮次: 1,
      来源渠道: '网格通',
      受理层级: '乡镇（街道）',
      所在网格: expect.any(String),
      牵头承办单位: expect.stringContaining('住房'),
      // exceljs gives the cell as the wall clock shown: 09:00 in Shanghai.
      发起时间: new Date(Date.UTC(2026, 8, 21, 9, 0)),
    });
    expect(sheet.links[2]?.案件编号).toBe(`http://localhost:80/cases/${housing.id}`);
    expect(sheet.about).toMatchObject({ 列表: '案件列表', 导出人: '陈调度', 行数: 3, 状态: '全部' });
  });

  it('personal numbers in a case’s text are masked in the file exactly as the list masks them', async () => {
    const { housing } = await threeCases();
    const list = (await get('dispatcher', '/api/cases?limit=500')).json().items as Record<string, string>[];
    const shown = list.find((c) => c.id === housing.id) as Record<string, string>;
    const sheet = await exported('dispatcher');
    const row = sheet.records.find((r) => r.案件编号 === housing.number) as Record<string, unknown>;
    expect(row.当事人).toBe('业主张三 138****8000');
    expect(row.当事人).toBe(shown.party);
    expect(row.具体情形).toBe(shown.situation);
    expect(String(row.具体情形)).toContain('110105********0123');
    const all = JSON.stringify(sheet.rows);
    expect(all).not.toContain('13812348000');
    expect(all).not.toContain('110105199001010123');
  });

  it('C7, C8: each caller’s file holds exactly the cases their list shows — scope, mine and filters', async () => {
    const { housing, water, waiting } = await threeCases();
    const callers = ['dispatcher', 'gridworker', 'handler', 'leader'];
    const queries = ['', '?mine=true', '?state=triage,dispatched', '?category=safety', '?q=5%20号楼'];
    for (const who of callers)
      for (const query of queries) {
        const sheet = await exported(who, query);
        expect(sheet.records.map((r) => r.案件编号).sort(), `${who} ${query}`).toEqual(
          (await listed(who, query)).sort(),
        );
      }
    // The department sees only what it leads (C8); the centre its township; the worker their grid.
    expect((await exported('handler')).records.map((r) => r.案件编号)).toEqual([housing.number]);
    expect((await exported('dispatcher', '?state=triage')).records.map((r) => r.案件编号)).toEqual([
      water.number,
    ]);
    expect((await exported('dispatcher', '?category=utility')).records.map((r) => r.案件编号)).toEqual([
      water.number,
    ]);
    expect((await exported('dispatcher', '?q=7%20号楼')).records.map((r) => r.案件编号)).toEqual([
      waiting.number,
    ]);
    expect((await exported('handler', '?mine=true')).records).toEqual([]);
    expect((await exported('dispatcher', '?from=2026-09-22')).records).toEqual([]);
    expect((await exported('dispatcher', '?from=2026-09-21&to=2026-09-21')).records).toHaveLength(3);
  });

  it('the sort of the page’s address orders the file (state in the flow’s order, number)', async () => {
    const { housing, water, waiting } = await threeCases();
    const byState = await exported('dispatcher', '?sort=state');
    expect(byState.records.map((r) => r.状态)).toEqual(['待网格长审核', '待研判分流', '待签收']);
    const byNumber = await exported('dispatcher', '?sort=number');
    expect(byNumber.records.map((r) => r.案件编号)).toEqual(
      [housing.number, water.number, waiting.number].sort(),
    );
    expect(byNumber.about.排序).toBe('编号');
  });

  it('C4, C7, C8, C9: sorted by the clock, the duty that falls due first leads the list and the file', async () => {
    const { housing, water, waiting } = await threeCases();
    // 11:00: the department signs the housing case (C8 met); its arrival (C9) is due at 13:00.
    const signed = await w.act('handler', housing.id, 'sign', 3);
    expect(signed.statusCode, signed.body).toBe(200);
    const response = await get('dispatcher', '/api/cases?sort=due&limit=500');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { number: string; nextDuty: Record<string, string> | null }[];
    // Triage of the water case (C7, 2 h from 10:00), then the arrival, then the waiting
    // call's approval (C4, 2 working hours from 11:00 with the lunch break).
    expect(items.map((c) => [c.number, c.nextDuty?.ruleId, c.nextDuty?.dueAt])).toEqual([
      [water.number, 'C7', '2026-09-21T12:00:00+08:00'],
      [housing.number, 'C9', '2026-09-21T13:00:00+08:00'],
      [waiting.number, 'C4', '2026-09-21T14:30:00+08:00'],
    ]);
    const file = await exported('dispatcher', '?sort=due');
    expect(file.records.map((r) => [r.案件编号, r.下一时限])).toEqual([
      [water.number, new Date(Date.UTC(2026, 8, 21, 12, 0))],
      [housing.number, new Date(Date.UTC(2026, 8, 21, 13, 0))],
      [waiting.number, new Date(Date.UTC(2026, 8, 21, 14, 30))],
    ]);
    expect(file.about.排序).toBe('时限（最紧急在前）');
    // Once closed at the grid, a case owes nothing and goes to the end.
    const solved = await w.act('gridhead', waiting.id, 'solve_at_grid', 1, { feedback: '已现场处理' });
    expect(solved.statusCode, solved.body).toBe(200);
    const after = (await get('dispatcher', '/api/cases?sort=due&limit=500')).json().items as {
      number: string;
      nextDuty: unknown;
    }[];
    expect(after.map((c) => [c.number, c.nextDuty === null])).toEqual([
      [water.number, false],
      [housing.number, false],
      [waiting.number, true],
    ]);
  });

  it('a bad query is refused with the field it names, before anything is read', async () => {
    for (const [query, field] of [
      ['?state=bogus', 'state'],
      ['?state=triage,nope', 'state'],
      ['?sort=price', 'sort'],
      ['?from=2026-02-30', 'from'],
      ['?from=2026-09-22&to=2026-09-21', 'to'],
      ['?category=DROP%20TABLE', 'category'],
      ['?limit=5', 'limit'],
    ] as const) {
      const response = await get('dispatcher', `/api/cases.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
  });

  it('only those who read cases may export them', async () => {
    expect((await get('auditor', '/api/cases.xlsx')).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/cases.xlsx' })).statusCode).toBe(401);
  });

  it('the sheet’s states, channels and levels are the page’s Chinese words', () => {
    const web = casesZhCN as Record<string, string>;
    for (const [state, label] of Object.entries(STATE_LABELS)) expect(web[`caseState.${state}`]).toBe(label);
    for (const [channel, label] of Object.entries(CHANNEL_LABELS))
      expect(web[`caseChannel.${channel}`]).toBe(label);
    for (const [level, label] of Object.entries(LEVEL_LABELS)) expect(web[`caseLevel.${level}`]).toBe(label);
  });
});
