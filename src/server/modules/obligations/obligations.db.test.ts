import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { openDatabase } from '../../db/client.ts';
import { scanObligations } from './scan-obligations.ts';

let t: TestApp;
let dispatcher: string;
let units: Record<string, string>;

beforeEach(async () => {
  // Sessions outlive the clock jumps of these tests.
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  // Monday 2026-09-21 09:00, an ordinary workday.
  t.clock.set('2026-09-21T09:00:00+08:00');
  dispatcher = await t.login('dispatcher');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterEach(async () => {
  await t.close();
});

const post = (url: string, payload?: object, cookie = dispatcher) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie = dispatcher) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const open = (payload: Record<string, unknown>) =>
  post('/api/obligations', {
    subject: { type: 'case', id: 'case-1' },
    ruleId: 'C8',
    unitId: units['A370782001-SCJG'],
    deadline: '2h',
    ...payload,
  });
const kinds = async (id: string) =>
  (
    await t.database.query<{ kind: string }>('SELECT kind FROM events WHERE subject_id = $1 ORDER BY id', [
      id,
    ])
  ).map((r) => r.kind);
const scan = () => scanObligations({ db: t.ctx.db, clock: t.clock });

describe('opening obligations', () => {
  it('C8: a sign-in duty falls due 2 h after dispatch and tells the unit', async () => {
    const response = await open({});
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      ruleId: 'C8',
      state: 'running',
      stateType: 'open',
      startedAt: '2026-09-21T09:00:00+08:00',
      dueAt: '2026-09-21T11:00:00+08:00',
      warnAt: '2026-09-21T10:36:00+08:00',
    });
    expect(await kinds(body.id)).toEqual(['obligation.opened']);
    const [note] = await t.database.query<{ unit_id: string; kind: string }>(
      'SELECT unit_id, kind FROM notifications',
    );
    expect(note).toEqual({ unit_id: units['A370782001-SCJG'], kind: 'obligation.opened' });
  });

  it('C10: a 3-working-day duty started before National Day ends on the make-up Saturday', async () => {
    const response = await open({ ruleId: 'C10', deadline: '3wd', startedAt: '2026-09-30T10:00:00+08:00' });
    expect(response.json().dueAt).toBe('2026-10-10T17:30:00+08:00');
  });

  it('uses the rule’s configured default deadline and warning point', async () => {
    const admin = await t.login('sysadmin');
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/obligation-rules/C9',
      headers: { cookie: admin },
      payload: { deadline: '1h', warnRatio: 0.5 },
    });
    expect(set.statusCode).toBe(200);
    const response = await open({ ruleId: 'C9', deadline: undefined });
    expect(response.json()).toMatchObject({
      deadline: '1h',
      dueAt: '2026-09-21T10:00:00+08:00',
      warnAt: '2026-09-21T09:30:00+08:00',
    });
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const before = await snapshot(t.database);
    expect((await open({ deadline: '2 hours' })).json().error).toMatchObject({
      code: 'BAD_RULE',
      field: 'rule',
    });
    expect((await open({ startedAt: '2026-09-21T09:00:00' })).json().error).toMatchObject({
      code: 'BAD_START',
    });
    expect((await open({ ruleId: 'C99X' })).json().error.code).toBe('BAD_RULE_ID');
    expect((await open({ ruleId: 'C3', deadline: undefined })).json().error.code).toBe('NO_DEADLINE');
    expect((await open({ unitId: units['370782002'] })).statusCode).toBe(403); // 龙都街道: outside the dispatcher's township
    expect(await snapshot(t.database)).toEqual(before);
  });
});

describe('the scanner', () => {
  it('C8: warns once at 80 % of the window and breaches once at the due time', async () => {
    const { id } = (await open({})).json();
    t.clock.set('2026-09-21T10:35:00+08:00');
    expect(await scan()).toEqual({ warned: 0, breached: 0 });
    t.clock.set('2026-09-21T10:36:00+08:00');
    expect(await scan()).toEqual({ warned: 1, breached: 0 });
    expect(await scan()).toEqual({ warned: 0, breached: 0 });
    t.clock.set('2026-09-21T11:00:00+08:00');
    expect(await scan()).toEqual({ warned: 0, breached: 1 });
    expect(await scan()).toEqual({ warned: 0, breached: 0 });
    const row = (await get(`/api/obligations/${id}`)).json();
    expect(row).toMatchObject({
      state: 'breached',
      stateType: 'overdue',
      breachedAt: '2026-09-21T11:00:00+08:00',
    });
    expect(await kinds(id)).toEqual(['obligation.opened', 'obligation.warned', 'obligation.breached']);
    const overdue = (await get('/api/obligations?status=overdue')).json().items;
    expect(overdue.map((o: { id: string }) => o.id)).toEqual([id]);
  });

  it('C8: a duty met after its due time before any scan is recorded as breached and met late', async () => {
    const { id } = (await open({})).json();
    t.clock.set('2026-09-21T12:30:00+08:00'); // past the 11:00 due time; the scanner has not run
    const met = await post(`/api/obligations/${id}/meet`);
    expect(met.json()).toMatchObject({
      state: 'breached',
      stateType: 'done',
      breachedAt: '2026-09-21T11:00:00+08:00',
      metAt: '2026-09-21T12:30:00+08:00',
    });
    expect(await kinds(id)).toEqual(['obligation.opened', 'obligation.met_late']);
    // The scanner then has nothing left to do with it.
    await scan();
    expect(await kinds(id)).toEqual(['obligation.opened', 'obligation.met_late']);
  });

  it('C8: a breach stays a breach when the duty is met late, and both count', async () => {
    const { id } = (await open({})).json();
    t.clock.set('2026-09-21T12:00:00+08:00');
    await scan();
    t.clock.set('2026-09-21T12:30:00+08:00');
    const met = await post(`/api/obligations/${id}/meet`);
    expect(met.json()).toMatchObject({
      state: 'breached',
      stateType: 'done',
      metAt: '2026-09-21T12:30:00+08:00',
    });
    expect((await post(`/api/obligations/${id}/meet`)).json().error.code).toBe('OBLIGATION_STATE');
    expect(await kinds(id)).toContain('obligation.met_late');
    const stats = await get(
      `/api/obligations/stats?from=2026-09-01T00:00:00%2B08:00&to=2026-10-01T00:00:00%2B08:00`,
    );
    expect(stats.json().items).toEqual([
      expect.objectContaining({ ruleId: 'C8', opened: 1, met: 1, metOnTime: 0, breached: 1, metLate: 1 }),
    ]);
  });

  it('C8: skips obligations met in time and paused ones', async () => {
    const metInTime = (await open({})).json().id;
    const paused = (await open({ subject: { type: 'case', id: 'case-2' } })).json().id;
    await post(`/api/obligations/${metInTime}/meet`);
    await post(`/api/obligations/${paused}/pause`, { reason: '等待群众补充材料' });
    t.clock.set('2026-09-22T09:00:00+08:00');
    expect(await scan()).toEqual({ warned: 0, breached: 0 });
  });

  it('C8: writes each breach exactly once under two concurrent scanners', async () => {
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push((await open({ subject: { type: 'case', id: `c${i}` } })).json().id);
    t.clock.set('2026-09-21T12:00:00+08:00');
    // On PostgreSQL a second pool plays a second server process; PGlite has one connection.
    const second = t.database.url ? await openDatabase({ url: t.database.url, poolSize: 4 }) : null;
    try {
      const results = await Promise.all([
        scanObligations({ db: t.ctx.db, clock: t.clock, batchSize: 7 }),
        scanObligations({ db: second?.db ?? t.ctx.db, clock: t.clock, batchSize: 7 }),
      ]);
      expect(results.reduce((n, r) => n + r.breached, 0)).toBe(30);
    } finally {
      await second?.close();
    }
    const counts = await t.database.query<{ kind: string; n: number }>(
      "SELECT kind, count(*)::int AS n FROM events WHERE kind IN ('obligation.breached', 'obligation.warned') GROUP BY kind",
    );
    expect(counts).toEqual([{ kind: 'obligation.breached', n: 30 }]);
    const perObligation = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE kind = 'obligation.breached' GROUP BY subject_id HAVING count(*) > 1",
    );
    expect(perObligation).toEqual([]);
  });
});

describe('pause, extend, waive, cancel', () => {
  it('C10: paused time does not count for an hour rule', async () => {
    const { id } = (await open({})).json();
    t.clock.set('2026-09-21T10:00:00+08:00');
    await post(`/api/obligations/${id}/pause`, { reason: '等待补充材料' });
    t.clock.set('2026-09-21T13:30:00+08:00');
    const resumed = await post(`/api/obligations/${id}/resume`);
    expect(resumed.json()).toMatchObject({
      state: 'running',
      dueAt: '2026-09-21T14:30:00+08:00',
      pausedMs: 3.5 * 3_600_000,
    });
  });

  it('C10: for a day rule the due date moves by the paused workdays', async () => {
    const { id, dueAt } = (await open({ ruleId: 'C10', deadline: '3wd' })).json();
    expect(dueAt).toBe('2026-09-24T17:30:00+08:00');
    await post(`/api/obligations/${id}/pause`, { reason: '现场勘查' });
    // Paused Monday and Tuesday, resumed Wednesday: two workdays.
    t.clock.set('2026-09-23T09:00:00+08:00');
    dispatcher = await t.login('dispatcher'); // two days later: a new working session
    const resumed = await post(`/api/obligations/${id}/resume`);
    // Thursday 24th + 2 workdays = Saturday 26th? No: the 25th–27th are the Mid-Autumn holiday, so Tuesday the 29th.
    expect(resumed.json().dueAt).toBe('2026-09-29T17:30:00+08:00');
  });

  it('C10: an extension sets a later due time, with the approver and reason recorded', async () => {
    const { id } = (await open({ ruleId: 'C10', deadline: '3wd' })).json();
    const earlier = await post(`/api/obligations/${id}/extend`, {
      dueAt: '2026-09-22T17:30:00+08:00',
      reason: '情况复杂',
    });
    expect(earlier.json().error).toMatchObject({ code: 'EXTENSION_NOT_LATER', field: 'dueAt' });
    const extended = await post(`/api/obligations/${id}/extend`, {
      dueAt: '2026-09-30T17:30:00+08:00',
      reason: '情况复杂',
    });
    expect(extended.json()).toMatchObject({
      dueAt: '2026-09-30T17:30:00+08:00',
      extendedDueAt: '2026-09-30T17:30:00+08:00',
    });
    const [event] = await t.database.query<{ actor_id: string; payload: { reason: string } }>(
      "SELECT actor_id, payload FROM events WHERE kind = 'obligation.extended'",
    );
    expect(event?.payload.reason).toBe('情况复杂');
    expect(event?.actor_id).toBeTruthy();
  });

  it('refuses to extend a met obligation or to meet a cancelled one', async () => {
    const a = (await open({})).json().id;
    await post(`/api/obligations/${a}/meet`);
    expect(
      (await post(`/api/obligations/${a}/extend`, { dueAt: '2026-09-30T17:30:00+08:00', reason: 'x' }))
        .statusCode,
    ).toBe(409);
    const b = (await open({ subject: { type: 'case', id: 'case-9' } })).json().id;
    expect((await post(`/api/obligations/${b}/cancel`, { reason: '案件已合并' })).json().state).toBe(
      'cancelled',
    );
    expect((await post(`/api/obligations/${b}/meet`)).json().error.code).toBe('OBLIGATION_STATE');
  });

  it('lets only supervisors and leaders waive, with a reason', async () => {
    const { id } = (await open({})).json();
    expect((await post(`/api/obligations/${id}/waive`, { reason: '不再需要' })).statusCode).toBe(403);
    const leader = await t.login('leader');
    const waived = await post(`/api/obligations/${id}/waive`, { reason: '不再需要' }, leader);
    expect(waived.json()).toMatchObject({ state: 'waived', stateType: 'closed' });
  });

  it('refuses a stale version', async () => {
    const { id } = (await open({})).json();
    await post(`/api/obligations/${id}/pause`, { reason: '等待' });
    expect((await post(`/api/obligations/${id}/resume`, { version: 1 })).json().error.code).toBe(
      'VERSION_CONFLICT',
    );
  });
});

describe('reading obligations', () => {
  it('shows a unit’s running duties within the reader’s scope only', async () => {
    const { id } = (await open({})).json();
    const gridworker = await t.login('gridworker');
    expect((await get(`/api/obligations/${id}`, gridworker)).statusCode).toBe(403);
    expect((await get('/api/obligations?status=running', gridworker)).json().items).toEqual([]);
    const township = await t.login('township');
    expect((await get('/api/obligations?status=running', township)).json().items).toHaveLength(1);
    const bySubject = await get('/api/obligations?subjectType=case&subjectId=case-1&status=all');
    expect(bySubject.json().items[0].id).toBe(id);
  });

  it('lists duties due soon once past their warning time', async () => {
    await open({});
    expect((await get('/api/obligations?status=due_soon')).json().items).toHaveLength(0);
    t.clock.set('2026-09-21T10:40:00+08:00');
    expect((await get('/api/obligations?status=due_soon')).json().items).toHaveLength(1);
  });
});
