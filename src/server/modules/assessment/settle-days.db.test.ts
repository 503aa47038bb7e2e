import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { computeIndicators } from './indicators.repository.ts';
import { previewRanking, publishRanking, readRanking } from './publish-ranking.ts';
import { settleDays, settlePendingDays } from './settle-days.ts';

/*
 * Settled days (assessment_daily) against the live computation, on cases driven through
 * the real case flow. Led by 住建局 (ZJJ) unless said otherwise:
 *   Mon 09-21 09:00 A dispatched, signed 09:30, finished 10:30, rated satisfied: closed.
 *                   B dispatched, never signed (C8 due 11:00, running past due).
 *                   C dispatched, signed, on site (C10 due 3 WD later, Thu 09-24).
 *                   D dispatched, signed (C10 due Thu 09-24).
 *   Tue 09-22 10:00 F dispatched, signed, finished: waits for its rating.
 * On Mon 09-28 10:00 the days 09-21 to 09-27 are settled, then changed late.
 */
let w: CaseWorld;
let zjj: string;
let zhzf: string;
let district: { id: string; path: string };
const cases: Record<
  string,
  { id: string; step: (who: string, action: string, payload?: object) => Promise<void> }
> = {};
const SEPTEMBER = { from: new Date('2026-09-01T00:00:00+08:00'), to: new Date('2026-10-01T00:00:00+08:00') };
const day = (d: string) => ({
  from: new Date(`${d}T00:00:00+08:00`),
  to: new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000),
});
const PERIODS = [SEPTEMBER, day('2026-09-21'), day('2026-09-22'), day('2026-09-24'), day('2026-09-28')];

async function dispatchedCase(name: string) {
  const raised = await w.raise(w.call());
  const id = raised.json().id as string;
  let version = 1;
  const step = async (who: string, action: string, payload: object = {}) => {
    const response = await w.act(who, id, action, version, payload);
    expect(response.statusCode, `${name} ${action}: ${response.body}`).toBe(200);
    version = response.json().version;
  };
  await step('gridhead', 'approve_as_grid_head');
  await step('dispatcher', 'dispatch', { leadUnitId: zjj, slaClass: 'general' });
  cases[name] = { id, step };
  return cases[name];
}

const relogin = async (...names: string[]) => {
  for (const name of names) w.cookies[name] = await w.t.login(name);
};

/** Every assessed unit of the district, own and rolled up, with or without settled days. */
const figures = (period: { from: Date; to: Date }, rollUp: boolean, settled: boolean) =>
  computeIndicators(w.t.ctx.db, {
    units: { under: district.path },
    ...period,
    now: w.t.clock.now(),
    rollUp,
    settled,
    breaches: true,
  });

/** The figures with the settled days are the live figures, for every unit and period asked. */
async function expectSameAsLive() {
  for (const period of PERIODS) {
    for (const rollUp of [false, true]) {
      expect(await figures(period, rollUp, true)).toEqual(await figures(period, rollUp, false));
    }
  }
}

const unitOf = async (unitId: string, settled = true, rollUp = false) =>
  (
    await computeIndicators(w.t.ctx.db, {
      units: { ids: [unitId] },
      ...SEPTEMBER,
      now: w.t.clock.now(),
      settled,
      rollUp,
      breaches: true,
    })
  )[0];

const dirtyDays = async () =>
  (
    await w.t.database.query<{ day: string }>(
      'SELECT day::text AS day FROM assessment_dirty_days ORDER BY day',
    )
  ).map((r) => r.day);

const resettle = async () => {
  const pass = await settlePendingDays({ db: w.t.ctx.db, clock: w.t.clock });
  expect(await dirtyDays()).toEqual([]);
  return pass;
};

beforeAll(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'dispatcher', 'handler', 'leader']);
  zjj = w.units['D370782-ZJJ'] as string;
  zhzf = w.units['D370782-ZHZF'] as string;
  const [unit] = await w.t.database.query<{ id: string; path: string }>(
    "SELECT id, path FROM org_units WHERE code = '370782'",
  );
  district = unit as { id: string; path: string };

  const a = await dispatchedCase('A');
  w.t.clock.advanceMinutes(30);
  await a.step('handler', 'sign');
  await a.step('handler', 'arrive', await w.onSite());
  w.t.clock.advanceMinutes(60);
  await a.step('handler', 'finish', { result: '已修复外墙' });
  await a.step('gridhead', 'rate_satisfied', { feedback: '外墙已修复' });
  await dispatchedCase('B');
  const c = await dispatchedCase('C');
  await c.step('handler', 'sign');
  await c.step('handler', 'arrive', await w.onSite());
  const d = await dispatchedCase('D');
  await d.step('handler', 'sign');

  w.t.clock.set('2026-09-22T10:00:00+08:00');
  await relogin('gridworker', 'gridhead', 'dispatcher', 'handler');
  const f = await dispatchedCase('F');
  await f.step('handler', 'sign');
  await f.step('handler', 'arrive', await w.onSite());
  await f.step('handler', 'finish', { result: '已处理' });

  w.t.clock.set('2026-09-28T10:00:00+08:00');
  await relogin('gridhead', 'dispatcher', 'handler', 'leader');
});
afterAll(async () => {
  await w.close();
});

describe('A1 settled days', () => {
  it('A1: only days before today are settled; today is refused', async () => {
    const done = await settleDays({ db: w.t.ctx.db, clock: w.t.clock, days: ['2026-09-28', '2026-09-29'] });
    expect(done).toEqual({ settled: [], skipped: ['2026-09-28', '2026-09-29'] });
    const pass = await settlePendingDays({ db: w.t.ctx.db, clock: w.t.clock, limit: 7 });
    expect(pass.settled).toEqual([
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-24',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
    ]);
    const [rows] = await w.t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM assessment_daily WHERE day >= '2026-09-28'",
    );
    expect(rows?.n).toBe(0);
  });

  it('A1: a day’s settled rows hold the live figures of that day, per unit', async () => {
    const [row] = await w.t.database.query<{ sign_due: number; sign_on_time: number; finish_due: number }>(
      "SELECT sign_due, sign_on_time, finish_due FROM assessment_daily WHERE unit_id = $1 AND day = '2026-09-21'",
      [zjj],
    );
    const live = (
      await computeIndicators(w.t.ctx.db, {
        units: { ids: [zjj] },
        ...day('2026-09-21'),
        now: w.t.clock.now(),
        settled: false,
      })
    )[0];
    // 09-21: the C8 of A, B (running past due), C, D → 4 due, 3 on time; no C10 (3 WD) yet.
    expect(row).toEqual({ sign_due: 4, sign_on_time: 3, finish_due: 0 });
    expect(live).toMatchObject({ signDue: 4, signOnTime: 3, finishDue: 0 });
    await expectSameAsLive();
  });

  it('A1: a period reads its clean settled days, not the live rows', async () => {
    // Proves the settled path is taken: a figure altered in the table shows, until resettled.
    await w.t.database.query(
      "UPDATE assessment_daily SET sign_due = sign_due + 100 WHERE unit_id = $1 AND day = '2026-09-21'",
      [zjj],
    );
    const live = (await unitOf(zjj, false))?.signDue ?? 0;
    expect((await unitOf(zjj))?.signDue).toBe(live + 100);
    await settleDays({ db: w.t.ctx.db, clock: w.t.clock, days: ['2026-09-21'] });
    expect((await unitOf(zjj))?.signDue).toBe((await unitOf(zjj, false))?.signDue);
  });
});

describe('A1 settled days follow late changes', () => {
  it('A1: a duty met late marks its due day dirty; the figures follow', async () => {
    const before = await unitOf(zjj);
    await cases.B?.step('handler', 'sign'); // B's C8, due 09-21 11:00, met on 09-28
    expect(await dirtyDays()).toEqual(['2026-09-21']);
    const after = await unitOf(zjj);
    expect(after?.avgSignHours).not.toBe(before?.avgSignHours);
    expect(after).toMatchObject({ signDue: before?.signDue, signOnTime: before?.signOnTime });
    await expectSameAsLive();
    await resettle();
    await expectSameAsLive();
  });

  it('C10: an approved extension moves a duty off a settled day; the figures follow', async () => {
    const before = await unitOf(zjj);
    await cases.C?.step('handler', 'request_extension', { reason: '需协调产权单位' });
    await cases.C?.step('dispatcher', 'approve_extension', { dueAt: '2026-10-09T17:30:00+08:00' });
    // C's C10 was due on Thursday 09-24 (running past due, late); now in October.
    expect(await dirtyDays()).toEqual(['2026-09-24']);
    expect((await unitOf(zjj))?.finishDue).toBe((before?.finishDue ?? 0) - 1);
    await expectSameAsLive();
    await resettle();
    await expectSameAsLive();
  });

  it('C7: an agreed return takes the dispatch’s settled duties out; the lead changes', async () => {
    const before = await unitOf(zjj);
    await cases.D?.step('handler', 'return_case', { reason: '不属于本单位职责' });
    await cases.D?.step('dispatcher', 'dispatch', { leadUnitId: zhzf, slaClass: 'general' });
    // D's C8 (due 09-21) and C10 (due 09-24) no longer count against 住建局.
    expect(await dirtyDays()).toEqual(['2026-09-21', '2026-09-24']);
    const after = await unitOf(zjj);
    expect(after?.signDue).toBe((before?.signDue ?? 0) - 1);
    expect(after?.finishDue).toBe((before?.finishDue ?? 0) - 1);
    await expectSameAsLive();
    await resettle();
    await expectSameAsLive();
  });

  it('A1: a rating today counts live beside the settled days', async () => {
    const before = await unitOf(zjj);
    const districtBefore = await unitOf(district.id, true, true);
    await cases.F?.step('gridhead', 'rate_unsatisfied', { reason: '仍有松动' });
    // The rating is today's; it meets F's C11 duty (the grid's, due 09-24) late, which
    // records a breach: A2's points of the settled 09-24 change.
    expect(await dirtyDays()).toEqual(['2026-09-24']);
    expect((await unitOf(zjj))?.unsatisfied).toBe((before?.unsatisfied ?? 0) + 1);
    expect((await unitOf(district.id, true, true))?.breaches).toBe((districtBefore?.breaches ?? 0) + 1);
    await expectSameAsLive();
    await resettle();
    await expectSameAsLive();
  });

  it('A1: a lead change moves a settled closed case and its rating; a published ranking stays frozen', async () => {
    const ask = {
      db: w.t.ctx.db,
      clock: w.t.clock,
      caller: 'system' as const,
      areaUnitId: district.id,
      subject: 'department' as const,
      period: 'month' as const,
      date: '2026-09-15',
    };
    const published = await publishRanking(ask);
    type Row = { unitId: string; rates: { firstTime: number | null } };
    const zjjRow = (rows: Row[]) => rows.find((u) => u.unitId === zjj);
    const preview = async () => {
      const r = await previewRanking(ask);
      return zjjRow([...r.rows, ...r.apart]);
    };
    expect(zjjRow(published.rows as unknown as Row[])?.rates.firstTime).toBe(100);
    expect((await preview())?.rates.firstTime).toBe(100);
    const before = await unitOf(zjj);
    // A, closed and rated on 09-21, led by 住建局, handed to 综合执法局 (as a correction would).
    await w.t.database.query('UPDATE cases SET lead_unit_id = $1 WHERE id = $2', [zhzf, cases.A?.id]);
    expect(await dirtyDays()).toEqual(['2026-09-21']);
    expect(await unitOf(zjj)).toMatchObject({
      closed: (before?.closed ?? 0) - 1,
      satisfied: (before?.satisfied ?? 0) - 1,
    });
    expect(await unitOf(zhzf)).toMatchObject({ closed: 1, firstTime: 1, satisfied: 1 });
    await expectSameAsLive();
    await resettle();
    await expectSameAsLive();
    expect((await preview())?.rates.firstTime).toBeNull();
    expect(await readRanking({ db: w.t.ctx.db, caller: 'system', id: published.id })).toEqual(published);
  });
});
