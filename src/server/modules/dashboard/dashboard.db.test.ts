import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { scanObligations } from '../obligations/index.ts';

/*
 * Monday 2026-09-21 in 密州街道 (370782001): two calls raised in grid 370782001001001 at
 * 09:00, both approved and dispatched to 住建局 (ZJJ) with the simple class. P is signed at
 * 10:00 (C8 due 11:00: on time); Q is never signed and its C8 is breached by the scanner
 * at 12:00, when P's arrival (C9, simple: 2 h) falls due too. The leader (周市长, district 370782) reads the dashboard at 12:00.
 */
let w: CaseWorld;
let zjj: string;

async function dispatchedCase(): Promise<string> {
  const raised = await w.raise(w.call());
  expect(raised.statusCode, raised.body).toBe(201);
  const id = raised.json().id as string;
  expect((await w.act('gridhead', id, 'approve_as_grid_head', 1)).statusCode).toBe(200);
  const dispatched = await w.act('dispatcher', id, 'dispatch', 2, { leadUnitId: zjj, slaClass: 'simple' });
  expect(dispatched.statusCode, dispatched.body).toBe(200);
  return id;
}

const dashboard = (who: string, query = '') =>
  w.t.app.inject({
    method: 'GET',
    url: `/api/dashboard${query}`,
    headers: { cookie: w.cookies[who] as string },
  });

beforeAll(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'dispatcher', 'handler', 'leader', 'supervisor']);
  zjj = w.units['D370782-ZJJ'] as string;
  const p = await dispatchedCase();
  await dispatchedCase();
  w.t.clock.advanceMinutes(60);
  expect((await w.act('handler', p, 'sign', 3)).statusCode).toBe(200);
  w.t.clock.advanceMinutes(120);
  await scanObligations({ db: w.t.ctx.db, clock: w.t.clock });
});
afterAll(async () => {
  await w.close();
});

describe("the leaders' dashboard", () => {
  it('A1: one read gives today, the month, the four rates with a daily trend, overdue by unit and categories', async () => {
    const response = await dashboard('leader');
    expect(response.statusCode, response.body).toBe(200);
    const d = response.json();
    // The leader's scope is the district: it is the default area.
    expect(d.area).toMatchObject({ code: '370782', level: 'district' });
    expect(d.today).toMatchObject({ day: '2026-09-21', raised: 2, closed: 0, overdueNow: 2 });
    expect(d.today.dispatched).toBe(2);
    expect(d.month).toMatchObject({ from: '2026-09-01', to: '2026-09-22', raised: 2, dispatched: 2 });
    // C8: P on time, Q breached → 1/2; no finish due, nothing closed or rated → null, not 0.
    expect(d.month.rates).toEqual({
      timelySignIn: 0.5,
      onTimeCompletion: null,
      firstTimeCompletion: null,
      satisfaction: null,
    });
    expect(d.trend).toHaveLength(30);
    expect(d.trend[0].day).toBe('2026-08-23');
    expect(d.trend[29]).toMatchObject({ day: '2026-09-21', timelySignIn: 0.5 });
    expect(d.trend[28].timelySignIn).toBeNull();
    // Both duties overdue at 12:00 are 住建局's: Q's breached C8 and P's C9 arrival (simple: 2 h from
    // the sign at 10:00).
    expect(d.overdueByUnit[0]).toMatchObject({ unitId: zjj, overdue: 2 });
    expect(d.topCategories[0]).toMatchObject({ count: 2 });
  });

  it('A1: the grids are shaded by the month’s cases; a refresh can leave their boundaries out', async () => {
    const d = (await dashboard('leader')).json();
    const grid = d.grids.find((g: { code: string }) => g.code === '370782001001001');
    expect(grid).toMatchObject({ cases: 2 });
    expect(grid.boundary.type).toBe('Polygon');
    expect(d.grids.every((g: { cases: number }) => g.cases >= 0)).toBe(true);
    const lean = (await dashboard('leader', '?geometry=0')).json();
    expect(lean.grids).toHaveLength(d.grids.length);
    expect(lean.grids[0]).not.toHaveProperty('boundary');
  });

  it('A2: rankings are live at the level’s cadence until one is published, then the published one shows', async () => {
    const live = (await dashboard('leader')).json();
    expect(live.rankings.map((r: { subject: string }) => r.subject)).toEqual(['township', 'department']);
    expect(live.rankings[0]).toMatchObject({
      live: true,
      id: null,
      period: { kind: 'month', from: '2026-09-01' },
    });
    const published = await w.t.app.inject({
      method: 'POST',
      url: '/api/assessment/rankings',
      headers: { cookie: w.cookies.supervisor as string },
      payload: { area: w.units['370782'], subject: 'department', period: 'month', date: '2026-09-21' },
    });
    expect(published.statusCode, published.body).toBe(201);
    // The dashboard is reused for 30 s; a minute later it shows the published ranking.
    w.t.clock.advanceMinutes(1);
    const after = (await dashboard('leader')).json();
    expect(after.rankings[1]).toMatchObject({ subject: 'department', live: false, version: 1 });
    expect(after.rankings[1].id).toBe(published.json().id);
  });

  it('reuses an area’s dashboard for 30 seconds and then reads afresh', async () => {
    const first = (await dashboard('leader')).json();
    w.t.clock.advanceMinutes(0.25);
    expect((await dashboard('leader')).json().asOf).toBe(first.asOf);
    w.t.clock.advanceMinutes(0.5);
    expect((await dashboard('leader')).json().asOf).not.toBe(first.asOf);
  });

  it('authorises against the caller’s scope: the township dispatcher sees the township, not the district', async () => {
    const own = await dashboard('dispatcher');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().area).toMatchObject({ code: '370782001', level: 'township' });
    expect(own.json().rankings.map((r: { subject: string }) => r.subject)).toEqual(['community', 'agency']);
    // The district's dashboard is cached by the leader's reads; the cache does not bypass the check.
    const district = await dashboard('dispatcher', `?area=${w.units['370782']}`);
    expect(district.statusCode).toBe(403);
    expect(district.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await dashboard('gridworker')).statusCode).toBe(403);
    expect((await dashboard('handler')).statusCode).toBe(403);
  });

  it('refuses bad input with the field named, and an unknown area with 404', async () => {
    const bad = await dashboard('leader', '?area=not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('area');
    expect((await dashboard('leader', '?geometry=yes')).statusCode).toBe(400);
    const unknown = await dashboard('leader', '?area=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });
});
