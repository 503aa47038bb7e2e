import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { caseRowWriter } from '../cases/case-rows.fixture.ts';
import { settlePendingDays } from './settle-days.ts';

/*
 * Two townships of the demo city in September 2026, written as rows (case-rows.fixture.ts):
 * A (密州街道): C8 — two signed on time, one breached; C10 — two on time; closed — one
 *   first-time, one second-handled; no ratings. B (龙都街道): C8 two on time; C10 one on
 *   time; closed one first-time. A manual −2 for A.
 */
let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
let leaderId: string;
let writer: ReturnType<typeof caseRowWriter>;
const DISTRICT = () => units['370782'] as string;
const ASK = () => ({ area: DISTRICT(), subject: 'township', period: 'month', date: '2026-09-15' });

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] as string }, ...(payload ? { payload } : {}) });
const query = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function closedCase(township: 'A' | 'B', rounds: number) {
  const id = await writer.insertCase({
    category: 'safety.housing',
    state: 'closed',
    createdAt: '2026-09-10T09:00:00+08:00',
    closedAt: '2026-09-12T09:00:00+08:00',
    township,
    rounds,
  });
  const lead = units[township === 'A' ? '370782001' : '370782002'];
  await t.database.query('UPDATE cases SET lead_unit_id = $1 WHERE id = $2', [lead, id]);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-09-25T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  cookies = {};
  for (const name of ['supervisor', 'leader', 'gridworker']) cookies[name] = await t.login(name);
  const [leader] = await t.database.query<{ id: string }>(
    "SELECT id FROM accounts WHERE username = 'leader'",
  );
  leaderId = leader?.id as string;
  writer = caseRowWriter(t.database, units);
  const due = '2026-09-22T10:00:00+08:00';
  const early = '2026-09-22T09:00:00+08:00';
  const a1 = await closedCase('A', 1);
  const a2 = await closedCase('A', 2);
  const a3 = await closedCase('A', 1);
  await t.database.query("UPDATE cases SET state = 'handling', feedback_at = NULL WHERE id = $1", [a3]);
  await writer.duty(a1, 'C8', '370782001', 'met', due, early);
  await writer.duty(a2, 'C8', '370782001', 'met', due, early);
  await writer.duty(a3, 'C8', '370782001', 'breached', due);
  await writer.duty(a1, 'C10', '370782001', 'met', due, early);
  await writer.duty(a2, 'C10', '370782001', 'met', due, early);
  const b1 = await closedCase('B', 1);
  const b2 = await closedCase('B', 1);
  await t.database.query("UPDATE cases SET state = 'handling', feedback_at = NULL WHERE id = $1", [b2]);
  await writer.duty(b1, 'C8', '370782002', 'met', due, early);
  await writer.duty(b2, 'C8', '370782002', 'met', due, early);
  await writer.duty(b1, 'C10', '370782002', 'met', due, early);
  const put = await call('supervisor', 'PUT', `/api/assessment/settings/${DISTRICT()}`, {
    weights: { signIn: 25, onTime: 25, firstTime: 25, satisfaction: 25 },
    minimumCases: 2,
  });
  expect(put.statusCode, put.body).toBe(200);
  const point = await call('supervisor', 'POST', '/api/assessment/points', {
    unitId: units['370782001'],
    occurredAt: '2026-09-20T10:00:00+08:00',
    points: -2,
    ruleId: 'A2',
    reason: '未按要求报送周报',
    approvedBy: leaderId,
  });
  expect(point.statusCode, point.body).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('A2 settings and points', () => {
  it('A2: weights must sum to exactly 100; the defaults apply where none are set', async () => {
    const bad = await call('supervisor', 'PUT', `/api/assessment/settings/${DISTRICT()}`, {
      weights: { signIn: 30, onTime: 25, firstTime: 25, satisfaction: 25 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'BAD_WEIGHTS', field: 'weights' });
    const current = (await call('leader', 'GET', `/api/assessment/settings/${DISTRICT()}`)).json();
    expect(current.minimumCases).toBe(2);
    const city = (await call('supervisor', 'GET', `/api/assessment/settings/${units['370782001']}`)).json();
    expect(city.minimumCases).toBe(2); // inherited from the district
    const denied = await call('gridworker', 'PUT', `/api/assessment/settings/${DISTRICT()}`, {
      weights: { signIn: 25, onTime: 25, firstTime: 25, satisfaction: 25 },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('A2: a manual entry needs a reason and an approver other than the caller; a correction names an entry', async () => {
    const entry = {
      unitId: units['370782002'],
      occurredAt: '2026-09-20T10:00:00+08:00',
      points: 1,
      ruleId: 'A2',
      reason: '表扬',
      approvedBy: leaderId,
    };
    const { reason: _r, ...noReason } = entry;
    expect((await call('supervisor', 'POST', '/api/assessment/points', noReason)).json().error.field).toBe(
      'reason',
    );
    const { approvedBy: _a, ...noApprover } = entry;
    expect((await call('supervisor', 'POST', '/api/assessment/points', noApprover)).json().error.field).toBe(
      'approvedBy',
    );
    const self = await call('leader', 'POST', '/api/assessment/points', entry);
    expect(self.json().error).toMatchObject({ code: 'BAD_APPROVER', field: 'approvedBy' });
    const [worker] = await t.database.query<{ id: string }>(
      "SELECT id FROM accounts WHERE username = 'gridworker'",
    );
    const notApprover = await call('supervisor', 'POST', '/api/assessment/points', {
      ...entry,
      approvedBy: worker?.id,
    });
    expect(notApprover.json().error).toMatchObject({ code: 'BAD_APPROVER' });
    const zero = await call('supervisor', 'POST', '/api/assessment/points', { ...entry, points: 0 });
    expect(zero.json().error.field).toBe('points');
    const missing = await call('supervisor', 'POST', '/api/assessment/points', {
      ...entry,
      corrects: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const [count] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM assessment_points');
    expect(count?.n).toBe(1);
  });
});

const findRow = (rows: { code: string }[], code: string) =>
  rows.find((r) => r.code === code) as Record<string, unknown>;

describe('A1 A2 rankings', () => {
  it('A2: a hand-checked composite score, points and ranks; units without cases listed apart', async () => {
    const preview = await call('leader', 'GET', `/api/assessment/rankings/preview?${query(ASK())}`);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.level).toBe('district');
    expect(body.period).toEqual({ kind: 'month', from: '2026-09-01', to: '2026-10-01' });
    // B: sign 2/2, on time 1/1, first-time 1/1, no ratings → 100; no points.
    expect(findRow(body.rows, '370782002')).toMatchObject({ rank: 1, cases: 2, score: 100 });
    // A: sign 2/3 = 66.67, on time 100, first-time 1/2 = 50, satisfaction dropped →
    // (66.67 + 100 + 50) / 3 = 72.22; one breach −1 and −2 by hand → 69.22.
    expect(findRow(body.rows, '370782001')).toMatchObject({
      rank: 2,
      cases: 3,
      rates: { signIn: 66.67, onTime: 100, firstTime: 50, satisfaction: null },
      breaches: 1,
      points: { automatic: -1, manual: -2, total: -3 },
      score: 69.22,
    });
    expect(body.rows).toHaveLength(2);
    for (const row of body.apart) expect(row.rank).toBeNull();
  });

  it('A1: publishing freezes the ranking; a late breach changes the preview, not the published one', async () => {
    const published = await call('supervisor', 'POST', '/api/assessment/rankings', ASK());
    expect(published.statusCode, published.body).toBe(201);
    const frozen = published.json();
    expect(frozen).toMatchObject({
      version: 1,
      reason: null,
      settings: { level: 'district', minimumCases: 2 },
    });
    expect((await call('supervisor', 'POST', '/api/assessment/rankings', ASK())).json().error.code).toBe(
      'ALREADY_PUBLISHED',
    );
    // A late breach of B, scanned after publishing.
    const late = await closedCase('B', 1);
    await writer.duty(late, 'C8', '370782002', 'breached', '2026-09-23T10:00:00+08:00');
    const preview = (await call('leader', 'GET', `/api/assessment/rankings/preview?${query(ASK())}`)).json();
    expect(findRow(preview.rows, '370782002')).toMatchObject({ breaches: 1, cases: 3 });
    const again = await call('leader', 'GET', `/api/assessment/rankings/${frozen.id}`);
    expect(again.json()).toEqual(frozen);
  });

  it('A1: a correction is version 2 with its reason; both versions remain visible', async () => {
    const [first] = (await call('leader', 'GET', `/api/assessment/rankings?${query(ASK())}`)).json();
    const unknown = await call(
      'supervisor',
      'POST',
      '/api/assessment/rankings/00000000-0000-4000-8000-000000000000/corrections',
      {
        reason: '数据更正',
      },
    );
    expect(unknown.statusCode).toBe(404);
    expect(
      (await call('supervisor', 'POST', `/api/assessment/rankings/${first.id}/corrections`, {})).statusCode,
    ).toBe(400);
    const corrected = await call('supervisor', 'POST', `/api/assessment/rankings/${first.id}/corrections`, {
      reason: '补录龙都街道超时签收一件',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({ version: 2, reason: '补录龙都街道超时签收一件' });
    const all = (await call('leader', 'GET', `/api/assessment/rankings?${query(ASK())}`)).json();
    expect(all.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect(findRow(all[0].rows, '370782002')).toMatchObject({ breaches: 0 });
    expect(findRow(all[1].rows, '370782002')).toMatchObject({ breaches: 1 });
  });

  it('A3: the .xlsx holds the rows and the .docx notice its title, commendation and warning', async () => {
    const [first] = (await call('leader', 'GET', `/api/assessment/rankings?${query(ASK())}`)).json();
    const xlsx = await call('leader', 'GET', `/api/assessment/rankings/${first.id}.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('考核排名');
    expect(sheet?.getRow(2).getCell(3).value).toBe('单位名称');
    expect(sheet?.getRow(3).getCell(2).value).toBe('370782002');
    expect(sheet?.getRow(3).getCell(13).value).toBe(100);
    const docx = await call('leader', 'GET', `/api/assessment/rankings/${first.id}.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('关于2026年9月镇街网格呼叫部门报到工作考核排名的通报');
    expect(xml).toContain('通报表扬');
    expect(xml).toContain('预警提醒');
  });

  it("A2: a ranking is published at its level's cadence — a district monthly, a township weekly", async () => {
    const count = async () =>
      (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM rankings'))[0]?.n;
    const before = await count();
    const weekly = { ...ASK(), period: 'week' };
    // Previews take any period; publishing a district's weekly ranking does not.
    expect(
      (await call('leader', 'GET', `/api/assessment/rankings/preview?${query(weekly)}`)).statusCode,
    ).toBe(200);
    const refused = await call('supervisor', 'POST', '/api/assessment/rankings', weekly);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'BAD_PERIOD_FOR_LEVEL', field: 'period' });
    const township = { area: units['370782001'] as string, subject: 'community', date: '2026-09-15' };
    const monthly = await call('supervisor', 'POST', '/api/assessment/rankings', {
      ...township,
      period: 'month',
    });
    expect(monthly.json().error).toMatchObject({ code: 'BAD_PERIOD_FOR_LEVEL', field: 'period' });
    const community = await t.database.query<{ id: string }>(
      "SELECT id FROM org_units WHERE kind = 'community' AND parent_id = $1 LIMIT 1",
      [units['370782001']],
    );
    const fromCommunity = await call('supervisor', 'POST', '/api/assessment/rankings', {
      ...township,
      area: community[0]?.id as string,
      subject: 'grid',
      period: 'week',
    });
    expect(fromCommunity.json().error).toMatchObject({ code: 'BAD_AREA_LEVEL', field: 'area' });
    expect(await count()).toBe(before);
    const week = await call('supervisor', 'POST', '/api/assessment/rankings', {
      ...township,
      period: 'week',
    });
    expect(week.statusCode, week.body).toBe(201);
    expect(week.json()).toMatchObject({ version: 1, settings: { level: 'township' } });
  });

  it('A2: a unit with fewer cases than the minimum is listed apart, unranked', async () => {
    t.clock.advanceMinutes(1); // new settings are valid from their time
    const put = await call('leader', 'PUT', `/api/assessment/settings/${DISTRICT()}`, {
      weights: { signIn: 40, onTime: 20, firstTime: 20, satisfaction: 20 },
      minimumCases: 4,
    });
    expect(put.statusCode).toBe(200);
    const preview = (await call('leader', 'GET', `/api/assessment/rankings/preview?${query(ASK())}`)).json();
    expect(preview.rows).toEqual([]);
    expect(findRow(preview.apart, '370782001')).toMatchObject({ rank: null, cases: 3 });
  });

  it('A1: with the days settled the preview is the same, and a late breach still shows', async () => {
    const ask = `/api/assessment/rankings/preview?${query(ASK())}`;
    const live = (await call('leader', 'GET', ask)).json();
    const pass = await settlePendingDays({ db: t.ctx.db, clock: t.clock });
    expect(pass.settled).toEqual(expect.arrayContaining(['2026-09-22', '2026-09-24']));
    expect((await call('leader', 'GET', ask)).json()).toEqual(live);
    // A breach of A due on a settled day, written after settling.
    const late = await closedCase('A', 1);
    await writer.duty(late, 'C8', '370782001', 'breached', '2026-09-22T11:00:00+08:00');
    const after = (await call('leader', 'GET', ask)).json();
    const before = findRow(live.apart, '370782001') as { breaches: number; cases: number };
    expect(findRow([...after.rows, ...after.apart], '370782001')).toMatchObject({
      breaches: before.breaches + 1,
      cases: before.cases + 1,
    });
  });
});
