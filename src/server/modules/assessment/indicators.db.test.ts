import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { scanObligations, waiveObligation } from '../obligations/index.ts';
import { settlePendingDays } from './settle-days.ts';

/*
 * One month of a department's work, driven through the real case flow over HTTP. Every
 * case is led by 住建局 (D370782-ZJJ) unless said otherwise; the clock starts on Monday
 * 2026-09-21 09:00 (+08:00) and each step's time is written beside it. The period asked
 * is September: [2026-09-01, 2026-10-01).
 */
let w: CaseWorld;
let zjj: string;
let zhzf: string;
const SEPTEMBER = 'from=2026-09-01&to=2026-10-01';
const ACCOUNTS = ['gridworker', 'gridhead', 'dispatcher', 'handler', 'leader', 'depthead', 'township'];

/** A case raised, approved and dispatched now; `step` moves it on and keeps its version. */
async function dispatchedCase(leadUnitId = zjj) {
  const raised = await w.raise(w.call());
  const id = raised.json().id as string;
  let version = 1;
  const step = async (who: string, action: string, payload: object = {}) => {
    const response = await w.act(who, id, action, version, payload);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    version = response.json().version;
  };
  await step('gridhead', 'approve_as_grid_head');
  await step('dispatcher', 'dispatch', { leadUnitId, slaClass: 'general' });
  return { id, step };
}

const minutes = (n: number) => w.t.clock.advanceMinutes(n);
/** Sessions end after 7 days: log in again after a jump (few names: logins are rate-limited). */
const relogin = async (...names: string[]) => {
  for (const name of names) w.cookies[name] = await w.t.login(name);
};

async function indicators(query: string, who = 'leader') {
  return w.t.app.inject({
    method: 'GET',
    url: `/api/assessment/indicators?${query}`,
    headers: { cookie: w.cookies[who] as string },
  });
}

async function unitFigures(unitId: string, query = SEPTEMBER) {
  const response = await indicators(`unit=${unitId}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().units[0];
}

beforeAll(async () => {
  w = await createCaseWorld(ACCOUNTS);
  zjj = w.units['D370782-ZJJ'] as string;
  zhzf = w.units['D370782-ZHZF'] as string;

  // A — 09:00 dispatched, 09:30 signed (C8 0.5 h, on time), 10:30 finished (C10 1 h),
  // rated satisfied: closed in round 1.
  const a = await dispatchedCase();
  await minutes(30);
  await a.step('handler', 'sign');
  await a.step('handler', 'arrive', await w.onSite());
  await minutes(60);
  await a.step('handler', 'finish', { result: '已修复外墙' });
  await a.step('gridhead', 'rate_satisfied', { feedback: '外墙已修复' });

  // B — 10:30 dispatched (C8 due 12:30); 13:30 the scanner breaches it, then it is signed
  // (3 h, late); 14:30 finished (C10 1 h, on time).
  const b = await dispatchedCase();
  await minutes(180);
  await scanObligations({ db: w.t.ctx.db, clock: w.t.clock });
  await b.step('handler', 'sign');
  await b.step('handler', 'arrive', await w.onSite());
  await minutes(60);
  await b.step('handler', 'finish', { result: '已处理' });

  // C — 14:30 dispatched, 15:00 signed (0.5 h); the centre extends the finish to
  // 2026-09-30 17:30; finished on 09-28 10:00 (after the 3 WD due, before the extended one).
  const c = await dispatchedCase();
  await minutes(30);
  await c.step('handler', 'sign');
  await c.step('handler', 'arrive', await w.onSite());
  await c.step('handler', 'request_extension', { reason: '需协调产权单位' });
  await c.step('dispatcher', 'approve_extension', { dueAt: '2026-09-30T17:30:00+08:00' });

  // D — 15:00 dispatched, 15:30 signed (on time) and returned; 16:00 the centre agrees by
  // dispatching it to 综合执法局: D's C8 and C10 are out of 住建局's figures.
  const d = await dispatchedCase();
  await minutes(30);
  await d.step('handler', 'sign');
  await d.step('handler', 'return_case', { reason: '不属于本单位职责' });
  await minutes(30);
  await d.step('dispatcher', 'dispatch', { leadUnitId: zhzf, slaClass: 'general' });

  // E — 16:00 dispatched; 16:30 returned unsigned (C8 cancelled); 17:00 the centre refuses
  // the return (a new C8); 17:30 signed (0.5 h). The cancelled C8 counts as late; the C10
  // (due 3 WD after 17:30) is never met.
  const e = await dispatchedCase();
  await minutes(30);
  await e.step('handler', 'return_case', { reason: '不属于本单位职责' });
  await minutes(30);
  await e.step('dispatcher', 'refuse_return', { reason: '属于住建局职责' });
  await minutes(30);
  await e.step('handler', 'sign');

  // F — 17:30 dispatched, 18:00 signed, 18:30 finished; rated unsatisfied (round 2, new
  // C8 from 18:30); 19:00 signed, 19:30 finished; rated satisfied: closed in round 2.
  const f = await dispatchedCase();
  await minutes(30);
  await f.step('handler', 'sign');
  await f.step('handler', 'arrive', await w.onSite());
  await minutes(30);
  await f.step('handler', 'finish', { result: '已处理' });
  await f.step('gridhead', 'rate_unsatisfied', { reason: '仍有松动' });
  await minutes(30);
  await f.step('handler', 'sign');
  await f.step('handler', 'arrive', await w.onSite());
  await minutes(30);
  await f.step('handler', 'finish', { result: '已加固' });
  await f.step('gridhead', 'rate_satisfied', { feedback: '已加固' });

  // G — 19:30 dispatched; its C8 is waived: out of both numerator and denominator.
  const g = await dispatchedCase();
  const [c8] = await w.t.database.query<{ id: string }>(
    `SELECT id FROM obligations WHERE subject_id = $1 AND rule_id = 'C8'`,
    [g.id],
  );
  await waiveObligation({
    db: w.t.ctx.db,
    clock: w.t.clock,
    caller: 'system',
    obligationId: c8?.id as string,
    reason: '测试：豁免',
  });

  // H — 19:30 dispatched (C8 due 21:30) and never signed.
  await dispatchedCase();

  // C is finished on Monday 09-28 10:00.
  w.t.clock.set('2026-09-28T10:00:00+08:00');
  await relogin('handler');
  await c.step('handler', 'finish', { result: '已协调完成' });

  // Read on 2026-10-10 10:00 (sessions re-made after the jump).
  w.t.clock.set('2026-10-10T10:00:00+08:00');
  await relogin('leader', 'depthead', 'handler');
});
afterAll(async () => {
  await w.close();
});

describe('A1 indicators from the case flow', () => {
  it('A1: the extended finish duty keeps its moved due time', async () => {
    const rows = await w.t.database.query<{ due_at: Date; met_at: Date }>(
      `SELECT due_at, met_at FROM obligations WHERE rule_id = 'C10' AND extended_due_at IS NOT NULL`,
    );
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]?.due_at as Date).toISOString()).toBe('2026-09-30T09:30:00.000Z');
    expect(new Date(rows[0]?.met_at as Date).toISOString()).toBe('2026-09-28T02:00:00.000Z');
  });

  it('A1: timely sign-in, on-time completion, first-time completion and satisfaction of a department', async () => {
    const before = await unitFigures(zjj);
    // The same figures before and after the scanner records the breaches: a duty running
    // past due counts as due and not met in time either way.
    await scanObligations({ db: w.t.ctx.db, clock: w.t.clock });
    const u = await unitFigures(zjj);
    expect(u).toEqual(before);
    expect(u.unit).toMatchObject({ id: zjj, kind: 'department' });
    // C8 due in September: A on time, B late, C on time, D out (agreed return), E's first
    // cancelled by the refused return (late), E's second on time, F's two on time, G out
    // (waived), H never signed (late) → 8 due, 5 on time: 5 / 8 = 0.625.
    expect(u.rates.timelySignIn).toEqual({ numerator: 5, denominator: 8, rate: 0.625 });
    // C10 due in September: A, B on time; C on time against its extended due; D out; E
    // never met (late); F's two on time → 6 due, 5 on time: 5 / 6 = 0.8333.
    expect(u.rates.onTimeCompletion).toEqual({ numerator: 5, denominator: 6, rate: 0.8333 });
    // Closed in September: A (round 1) and F (round 2) → 1 / 2.
    expect(u.rates.firstTimeCompletion).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    // Ratings in September: A satisfied, F unsatisfied then satisfied → 2 / 3 = 0.6667.
    expect(u.rates.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
  });

  it('A1: the counts beside the rates', async () => {
    const u = await unitFigures(zjj);
    // Dispatches to 住建局: A B C D E F G H = 8 (E's refused return and F's second round
    // are not new receipts). It dispatches nothing itself.
    expect(u.counts.received).toBe(8);
    expect(u.counts.dispatched).toBe(0);
    // D returned and agreed, E returned and refused.
    expect(u.counts.returned).toEqual({ total: 2, agreed: 1, refused: 1, pending: 0 });
    // Overdue now (10-10): E's arrival (C9) and finish (C10), H's sign-in (C8) = 3.
    expect(u.counts.overdueNow).toBe(3);
    // C's one approved extension.
    expect(u.counts.extended).toBe(1);
    // Met C8 counted: A 0.5, B 3, C 0.5, E 0.5, F 0.5 + 0.5 = 5.5 h / 6 = 0.9167 → 0.92.
    expect(u.counts.avgSignHours).toBe(0.92);
    // Met C10 counted: A 1, B 1, C 163 (09-21 15:00 → 09-28 10:00), F 0.5 + 0.5 = 166 h / 5 = 33.2.
    expect(u.counts.avgFinishHours).toBe(33.2);
  });

  it('A1: the unit an agreed return went to carries that dispatch; zero denominators are null', async () => {
    const u = await unitFigures(zhzf);
    // D reached 综合执法局 at 16:00 and was never signed: 1 due, 0 on time → 0, not null.
    expect(u.rates.timelySignIn).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(u.rates.onTimeCompletion).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(u.rates.firstTimeCompletion.rate).toBeNull();
    expect(u.rates.satisfaction.rate).toBeNull();
    expect(u.counts).toMatchObject({ received: 1, overdueNow: 1, avgSignHours: null, avgFinishHours: null });
    // October: nothing of 住建局 is due, closed or rated → every rate null; overdue now stays.
    const october = await unitFigures(zjj, 'from=2026-10-01&to=2026-11-01');
    for (const rate of Object.values(october.rates))
      expect(rate).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(october.counts).toMatchObject({
      received: 0,
      returned: { total: 0, agreed: 0, refused: 0, pending: 0 },
    });
    expect(october.counts.overdueNow).toBe(3);
  });

  it('A1: children list a district’s departments and townships; rollUp sums the subtree', async () => {
    const district = w.units['370782'] as string;
    const response = await indicators(`unit=${district}&${SEPTEMBER}&children=true`);
    expect(response.statusCode).toBe(200);
    const list = response.json().units as {
      unit: { id: string; kind: string };
      rates: { timelySignIn: unknown };
    }[];
    expect(list[0]?.unit.id).toBe(district);
    const kinds = new Set(list.slice(1).map((u) => u.unit.kind));
    expect([...kinds].sort()).toEqual(['department', 'enterprise', 'township']);
    expect(list.find((u) => u.unit.id === zjj)?.rates.timelySignIn).toEqual({
      numerator: 5,
      denominator: 8,
      rate: 0.625,
    });
    // The district's own duties: none (null). Rolled up: 住建局's 5 / 8 plus 综合执法局's 0 / 1 = 5 / 9.
    expect(list[0]?.rates.timelySignIn).toEqual({ numerator: 0, denominator: 0, rate: null });
    const rolled = await indicators(`unit=${district}&${SEPTEMBER}&rollUp=true`);
    const whole = rolled.json().units[0];
    expect(whole.rates.timelySignIn).toEqual({ numerator: 5, denominator: 9, rate: 0.5556 });
    // Every dispatch was made by 密州街道's centre, inside the district: A–H and D's second = 9.
    expect(whole.counts).toMatchObject({ received: 9, dispatched: 9 });
    // The township's own figures: its centre dispatched all nine.
    const township = await unitFigures(w.units['370782001'] as string);
    expect(township.counts.dispatched).toBe(9);
  });
  it('A1: with September settled day by day, every figure is the one computed live', async () => {
    const district = w.units['370782'] as string;
    const asks = [`unit=${district}&${SEPTEMBER}&children=true`, `unit=${district}&${SEPTEMBER}&rollUp=true`];
    const live = await Promise.all(asks.map(async (q) => (await indicators(q)).json()));
    const pass = await settlePendingDays({ db: w.t.ctx.db, clock: w.t.clock });
    expect(pass.settled).toEqual(expect.arrayContaining(['2026-09-21', '2026-09-28', '2026-09-30']));
    for (const [i, q] of asks.entries()) expect((await indicators(q)).json()).toEqual(live[i]);
  });
});

describe('A1 indicators: access and bad input', () => {
  it('A1: a department head reads their own unit, not another (403 OUT_OF_SCOPE); a handler may not read', async () => {
    expect((await indicators(`unit=${zjj}&${SEPTEMBER}`, 'depthead')).statusCode).toBe(200);
    const other = await indicators(`unit=${zhzf}&${SEPTEMBER}`, 'depthead');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await indicators(`unit=${zjj}&${SEPTEMBER}`, 'handler')).statusCode).toBe(403);
  });

  it('A1: unknown unit 404; bad dates and periods 400 with the field', async () => {
    const unknown = await indicators(`unit=00000000-0000-4000-8000-000000000000&${SEPTEMBER}`);
    expect(unknown.statusCode).toBe(404);
    const cases: [string, string][] = [
      ['from=2026-10-01&to=2026-09-01', 'to'],
      ['from=2026-09-01&to=2026-09-01', 'to'],
      ['from=2025-01-01&to=2026-09-01', 'to'],
      ['from=2026-02-30&to=2026-09-01', 'from'],
    ];
    for (const [query, field] of cases) {
      const response = await indicators(`unit=${zjj}&${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.field, query).toBe(field);
    }
    const malformed = await indicators(`unit=${zjj}&from=2026-9-1&to=2026-10-01`);
    expect(malformed.statusCode).toBe(400);
  });
});
