import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { type CaseRowSpec, caseRowWriter } from './case-rows.fixture.ts';

let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
let rows: ReturnType<typeof caseRowWriter>;

beforeEach(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  // Wednesday 2026-09-23 10:00: the week runs Monday 09-21 to Sunday 09-27.
  t.clock.set('2026-09-23T10:00:00+08:00');
  const unitRows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(unitRows.map((r) => [r.code, r.id]));
  cookies = {};
  for (const name of [
    'gridworker',
    'gridhead',
    'dispatcher',
    'handler',
    'supervisor',
    'township',
    'depthead',
  ]) {
    cookies[name] = await t.login(name);
  }
  rows = caseRowWriter(t.database, units);
});
afterEach(async () => {
  await t.close();
});

type Duty = [rule: string, unitCode: string, state: string, due: string, metAt?: string];

/** The scenario every summary test reads; the numbers in the tests are counted by hand from it. */
const SCENARIO: (CaseRowSpec & { duties?: Duty[] })[] = [
  // This week in 密州街道. 07:00 on Monday is still Sunday in UTC: the week is Shanghai's.
  {
    category: 'safety.housing',
    state: 'closed',
    createdAt: '2026-09-21T07:00:00+08:00',
    closedAt: '2026-09-22T15:00:00+08:00',
    rating: 'satisfied',
    lead: true,
    slaClass: 'general',
  },
  {
    category: 'safety.housing',
    state: 'closed',
    createdAt: '2026-09-22T10:00:00+08:00',
    closedAt: '2026-09-23T09:00:00+08:00',
    rating: 'satisfied',
    rounds: 2,
    lead: true,
  },
  {
    category: 'environment.sanitation',
    state: 'dispatched',
    createdAt: '2026-09-22T11:00:00+08:00',
    rating: 'unsatisfied',
    rounds: 2,
    lead: true,
    duties: [['C8', 'D370782-ZJJ', 'running', '2026-09-23T09:30:00+08:00']],
  },
  {
    category: 'environment.sanitation',
    state: 'awaiting_grid_head',
    createdAt: '2026-09-23T08:00:00+08:00',
    duties: [['C4', '370782001001001', 'breached', '2026-09-23T09:00:00+08:00']],
  },
  // Sunday night before the week, closed in it.
  {
    category: 'safety.work',
    state: 'closed_at_grid',
    createdAt: '2026-09-20T23:30:00+08:00',
    closedAt: '2026-09-21T10:00:00+08:00',
    slaClass: 'complex',
  },
  // August in 密州街道; the second one was closed on 1 September; the third's breach was met late.
  {
    category: 'dispute.neighbour',
    state: 'closed',
    createdAt: '2026-08-15T10:00:00+08:00',
    closedAt: '2026-08-20T10:00:00+08:00',
    rating: 'satisfied',
    lead: true,
  },
  {
    category: 'safety.housing',
    state: 'closed',
    createdAt: '2026-08-20T10:00:00+08:00',
    closedAt: '2026-09-01T10:00:00+08:00',
    rating: 'satisfied',
    rounds: 2,
    lead: true,
  },
  {
    category: 'safety.housing',
    state: 'extension_requested',
    createdAt: '2026-08-28T10:00:00+08:00',
    lead: true,
    duties: [
      ['C8', 'D370782-ZJJ', 'breached', '2026-08-28T12:00:00+08:00', '2026-08-28T13:00:00+08:00'],
      ['C10', 'D370782-ZJJ', 'paused', '2026-09-02T17:30:00+08:00'],
    ],
  },
  // 龙都街道: outside 密州街道, inside the county.
  { township: 'B', category: 'safety.housing', state: 'triage', createdAt: '2026-09-22T10:00:00+08:00' },
  {
    township: 'B',
    category: 'utility.water',
    state: 'signed',
    createdAt: '2026-09-22T12:00:00+08:00',
    lead: true,
  },
  { township: 'B', category: 'transport.bus', state: 'triage', createdAt: '2026-09-10T12:00:00+08:00' },
  {
    township: 'B',
    category: 'dispute.labour',
    state: 'refused',
    createdAt: '2026-09-11T12:00:00+08:00',
    closedAt: '2026-09-11T15:00:00+08:00',
  },
];

async function scenario(): Promise<void> {
  for (const { duties, ...spec } of SCENARIO) {
    const id = await rows.insertCase(spec);
    for (const [rule, unitCode, state, due, metAt] of duties ?? [])
      await rows.duty(id, rule, unitCode, state, due, metAt);
  }
}

const summary = (who: string, query: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/cases/summary?${query}`,
    headers: { cookie: cookies[who] as string },
  });

describe('C13 weekly summary and monthly analysis', () => {
  it('C13: the weekly summary of a township counts raised, states, closures, ratings, first-time completion, overdue and lead units', async () => {
    await scenario();
    const response = await summary('dispatcher', `unit=${units['370782001']}&period=week&date=2026-09-25`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.period).toEqual({ kind: 'week', from: '2026-09-21', to: '2026-09-27' });
    expect(body.asOf).toBe('2026-09-23T10:00:00+08:00');
    expect(body.raised).toBe(4);
    expect(body.byCategory).toEqual([
      { code: 'environment.sanitation', nameZh: '环卫保洁', nameEn: 'Sanitation', count: 2 },
      { code: 'safety.housing', nameZh: '房屋安全', nameEn: 'Housing safety', count: 2 },
    ]);
    expect(body.byState).toEqual([
      { state: 'awaiting_grid_head', stateType: 'gating', count: 1 },
      { state: 'closed', stateType: 'closed', count: 2 },
      { state: 'dispatched', stateType: 'open', count: 1 },
    ]);
    expect(body.byStateType).toEqual({ gating: 1, open: 1, paused: 0, closed: 2 });
    // Two closed after handling plus the grid's own closure of Sunday's call.
    expect(body.closed).toBe(3);
    expect(body.ratings).toEqual({ satisfied: 2, unsatisfied: 1, satisfactionRate: 0.6667 });
    expect(body.firstTime).toEqual({ verified: 2, firstTime: 1, rate: 0.5 });
    // The unsigned dispatch past its 09:30 due and the breached approval; the August
    // case's breach was met late and its finish clock is paused.
    expect(body.overdueNow).toBe(2);
    expect(body.leadUnits).toEqual([
      { unitId: units['D370782-ZJJ'], name: expect.any(String), received: 3, finished: 2, overdue: 1 },
    ]);
    expect(body.analysis).toBeUndefined();
  });

  it('C13: the monthly analysis compares with the previous month and names the top categories', async () => {
    await scenario();
    const response = await summary('dispatcher', `unit=${units['370782001']}&period=month&date=2026-09-01`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.period).toEqual({ kind: 'month', from: '2026-09-01', to: '2026-09-30' });
    expect(body.raised).toBe(5);
    expect(body.closed).toBe(4);
    expect(body.firstTime).toEqual({ verified: 3, firstTime: 1, rate: 0.3333 });
    expect(body.analysis.previous).toMatchObject({
      period: { from: '2026-08-01', to: '2026-08-31' },
      raised: 3,
      closed: 1,
      ratings: { satisfied: 2, unsatisfied: 0, satisfactionRate: 1 },
      firstTime: { verified: 1, firstTime: 1, rate: 1 },
    });
    expect(body.analysis.deltas).toEqual({
      raised: 2,
      closed: 3,
      satisfied: 0,
      unsatisfied: 1,
      satisfactionRate: -0.3333,
      firstTimeRate: -0.6667,
    });
    expect(
      body.analysis.topCategories.map((c: { code: string; previous: number; delta: number }) => [
        c.code,
        c.previous,
        c.delta,
      ]),
    ).toEqual([
      ['environment.sanitation', 0, 2],
      ['safety.housing', 2, 0],
      ['safety.work', 0, 1],
    ]);
  });

  it('C13: the county sees both townships and only the top 5 categories; a department sees the cases it leads', async () => {
    await scenario();
    const county = (
      await summary('supervisor', `unit=${units['370782']}&period=month&date=2026-09-30`)
    ).json();
    expect(county.raised).toBe(9);
    expect(county.analysis.topCategories.map((c: { code: string }) => c.code)).toEqual([
      'safety.housing',
      'environment.sanitation',
      'dispute.labour',
      'safety.work',
      'transport.bus',
    ]);
    const dept = await summary('depthead', `unit=${units['D370782-ZJJ']}&period=week&date=2026-09-21`);
    expect(dept.statusCode).toBe(200);
    expect(dept.json()).toMatchObject({ raised: 4, closed: 2, overdueNow: 1 });
  });

  it('C13: a case raised and dispatched through the API is counted in its state and under its lead unit', async () => {
    const raised = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: cookies.gridworker as string },
      payload: {
        category: 'safety.housing',
        occurredAt: '2026-09-23T08:30:00+08:00',
        address: '密州街道兴华社区 3 号楼',
        party: '3 号楼住户',
        situation: '外墙瓷砖脱落',
        demand: '尽快修复外墙',
        proposedUnitId: units['D370782-ZJJ'],
      },
    });
    expect(raised.statusCode).toBe(201);
    const id = raised.json().id;
    const act = (who: string, action: string, version: number, payload: object = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/actions/${action}`,
        headers: { cookie: cookies[who] as string, 'if-match': String(version) },
        payload,
      });
    expect((await act('gridhead', 'approve_as_grid_head', 1)).statusCode).toBe(200);
    expect((await act('dispatcher', 'dispatch', 2, { leadUnitId: units['D370782-ZJJ'] })).statusCode).toBe(
      200,
    );
    const body = (await summary('township', `unit=${units['370782001']}&period=week&date=2026-09-23`)).json();
    expect(body.raised).toBe(1);
    expect(body.byState).toEqual([{ state: 'dispatched', stateType: 'open', count: 1 }]);
    expect(body.leadUnits).toMatchObject([
      { unitId: units['D370782-ZJJ'], received: 1, finished: 0, overdue: 0 },
    ]);
    // Three hours on, the 2 h sign-in (C8) has run out: overdue now, and owed by the lead unit.
    t.clock.set('2026-09-23T13:00:00+08:00');
    const later = (
      await summary('township', `unit=${units['370782001']}&period=week&date=2026-09-23`)
    ).json();
    expect(later.overdueNow).toBe(1);
    expect(later.leadUnits[0].overdue).toBe(1);
  });

  it('C13: outside the caller’s scope is 403, an unknown unit 404, a bad date or period 400', async () => {
    await scenario();
    const before = await snapshot(t.database);
    const outside = await summary('township', `unit=${units['370782']}&period=week&date=2026-09-23`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    expect(
      (await summary('dispatcher', `unit=${units['370782002']}&period=week&date=2026-09-23`)).statusCode,
    ).toBe(403);
    expect(
      (await summary('gridworker', `unit=${units['370782001']}&period=week&date=2026-09-23`)).statusCode,
    ).toBe(403);
    const unknown = await summary(
      'dispatcher',
      'unit=00000000-0000-4000-8000-000000000000&period=week&date=2026-09-23',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.field).toBe('unit');
    const badDate = await summary('dispatcher', `unit=${units['370782001']}&period=week&date=2026-02-30`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({ code: 'BAD_DATE', field: 'date' });
    const badPeriod = await summary('dispatcher', `unit=${units['370782001']}&period=year&date=2026-09-23`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.field).toBe('period');
    expect(await snapshot(t.database)).toEqual(before);
  });
});
