import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { uploadPhoto } from '../../../../test/helpers/photo.ts';

let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
/** A point inside the demo grid 370782001001001 (gridworker's and gridhead's grid). */
let inGrid: { lat: number; lng: number };

beforeEach(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  // Monday 2026-09-21 09:00, an ordinary workday.
  t.clock.set('2026-09-21T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  cookies = {};
  for (const name of ['gridworker', 'gridhead', 'secretary', 'dispatcher', 'citydispatcher', 'handler']) {
    cookies[name] = await t.login(name);
  }
  const [grid] = await t.database.query<{ boundary: { coordinates: number[][][] } }>(
    'SELECT boundary FROM org_units WHERE code = $1',
    ['370782001001001'],
  );
  const ring = grid?.boundary.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  inGrid = { lng: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 };
});
afterEach(async () => {
  await t.close();
});

const call = (extra: Record<string, unknown> = {}) => ({
  category: 'safety.housing',
  occurredAt: '2026-09-21T08:30:00+08:00',
  ...inGrid,
  address: '密州街道兴华社区 3 号楼',
  party: '3 号楼住户',
  situation: '外墙瓷砖脱落，砸坏一辆电动车',
  demand: '尽快排查并修复外墙',
  proposedUnitId: units['D370782-ZJJ'],
  ...extra,
});
const raise = (payload: object, who = 'gridworker', key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: cookies[who] as string, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
const act = (who: string, id: string, action: string, version: number, payload: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/actions/${action}`,
    headers: { cookie: cookies[who] as string, 'if-match': String(version) },
    payload,
  });
/** C9: the position on site and a fresh photo uploaded by the handler. */
const onSite = async (who = 'handler') => ({
  ...inGrid,
  photoIds: [await uploadPhoto(t.app, cookies[who] as string)],
});
const read = (id: string, who = 'dispatcher') =>
  t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { cookie: cookies[who] as string } });
/** The case's duties as `rule:state` (sorted) and the kinds of its events. */
const duties = async (id: string) =>
  (
    await t.database.query<{ rule_id: string; state: string }>(
      `SELECT rule_id, state FROM obligations WHERE subject_type = 'case' AND subject_id = $1`,
      [id],
    )
  )
    .map((r) => `${r.rule_id}:${r.state}`)
    .sort();
const caseEvents = async (id: string) =>
  (
    await t.database.query<{ kind: string }>(
      `SELECT kind FROM events WHERE subject_type = 'case' AND subject_id = $1 ORDER BY id`,
      [id],
    )
  ).map((r) => r.kind);

/** Raises the demo call and has the grid head approve it: a case in triage at 密州街道. */
async function caseInTriage(): Promise<{ id: string; version: number }> {
  const raised = await raise(call());
  expect(raised.statusCode).toBe(201);
  const approved = await act('gridhead', raised.json().id, 'approve_as_grid_head', 1);
  expect(approved.statusCode).toBe(200);
  return { id: raised.json().id, version: approved.json().version };
}

describe('raising a call', () => {
  it('C1, C4, C6: a grid worker’s complete call waits for the grid head, with a 2wh duty and a note to the grid', async () => {
    const response = await raise(call());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      number: '370782-20260921-0001',
      state: 'awaiting_grid_head',
      stateType: 'gating',
      version: 1,
      raiserRole: 'grid_worker',
      gridId: units['370782001001001'],
      communityId: units['370782001001'],
      townshipId: units['370782001'],
      outsideGrid: false,
      level: 'township',
      centreUnitId: units.C370782001,
      rounds: 1,
    });
    const [duty] = await t.database.query<{ rule_id: string; unit_id: string; due_at: Date }>(
      `SELECT rule_id, unit_id, due_at FROM obligations WHERE subject_id = $1`,
      [body.id],
    );
    expect(duty).toMatchObject({ rule_id: 'C4', unit_id: units['370782001001001'] });
    expect(duty?.due_at.toISOString()).toBe('2026-09-21T03:00:00.000Z'); // 11:00 +08:00
    expect(await caseEvents(body.id)).toEqual(['case.raised']);
    const notes = await t.database.query<{ unit_id: string }>(
      `SELECT unit_id FROM notifications WHERE kind = 'case.raised'`,
    );
    expect(notes).toEqual([{ unit_id: units['370782001001001'] }]);
    // The case was committed before the 201: a second number follows it.
    expect((await raise(call())).json().number).toBe('370782-20260921-0002');
  });

  it('C1: a centre dispatcher or department handler may not raise a call', async () => {
    expect((await raise(call(), 'dispatcher')).statusCode).toBe(403);
    expect((await raise(call(), 'handler')).statusCode).toBe(403);
  });

  it('C6: an incomplete call is refused with every missing element named, and nothing is written', async () => {
    const response = await raise({
      category: 'safety.housing',
      lat: inGrid.lat,
      lng: inGrid.lng,
      party: '住户',
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('MISSING_ELEMENTS');
    expect(error.field).toBe('occurredAt');
    expect(error.message).toBe('呼叫要素不全，缺少：时间、具体情形、需求诉求、承办单位');
    expect(error.message_en).toContain('time, situation, demand, proposed handling unit');
    expect(await t.database.query('SELECT id FROM cases')).toEqual([]);
  });

  it('C4: a grid head’s call waits for the community secretary', async () => {
    const response = await raise(call(), 'gridhead');
    expect(response.json().state).toBe('awaiting_secretary');
    const [duty] = await t.database.query<{ unit_id: string }>(`SELECT unit_id FROM obligations`);
    expect(duty?.unit_id).toBe(units['370782001001']);
  });

  it('a place outside every grid is accepted at the raiser’s township, flagged', async () => {
    const response = await raise(call({ lat: 10, lng: 10 }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      gridId: null,
      outsideGrid: true,
      townshipId: units['370782001'],
      state: 'awaiting_grid_head',
    });
    // The raiser's grid head still gates it.
    expect((await act('gridhead', response.json().id, 'approve_as_grid_head', 1)).statusCode).toBe(200);
  });
});

describe('idempotency', () => {
  it('the same key and body return the first answer; another body with the key is 409', async () => {
    const first = await raise(call(), 'gridworker', 'k-1');
    const again = await raise(call(), 'gridworker', 'k-1');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const other = await raise(call({ demand: '另一个诉求' }), 'gridworker', 'k-1');
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await t.database.query('SELECT id FROM cases')).toHaveLength(1);
  });

  it('20 concurrent POSTs with one key make one case and give one answer', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => raise(call(), 'gridworker', 'k-20')),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await t.database.query('SELECT id FROM cases')).toHaveLength(1);
    expect(await t.database.query(`SELECT id FROM obligations WHERE subject_type = 'case'`)).toHaveLength(1);
  });
});

describe('the life of a case', () => {
  it('C4, C7, C8, C9, C10, C11, C12: from a grid worker’s call through a second handling to closure with feedback', async () => {
    const raised = await raise(call());
    const id = raised.json().id as string;
    let version = 1;
    const step = async (who: string, action: string, payload: object = {}) => {
      const response = await act(who, id, action, version, payload);
      expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
      version = response.json().version;
      return response.json();
    };
    expect(await duties(id)).toEqual(['C4:running']);

    t.clock.advanceMinutes(30);
    expect((await step('gridhead', 'approve_as_grid_head')).state).toBe('triage');
    expect(await duties(id)).toEqual(['C4:met', 'C7:running']);

    const dispatched = await step('dispatcher', 'dispatch', {
      leadUnitId: units['D370782-ZJJ'],
      slaClass: 'general',
    });
    expect(dispatched).toMatchObject({
      state: 'dispatched',
      leadUnitId: units['D370782-ZJJ'],
      slaClass: 'general',
    });
    expect(await duties(id)).toEqual(['C4:met', 'C7:met', 'C8:running']);
    const [c8] = await t.database.query<{ unit_id: string; deadline: string }>(
      `SELECT unit_id, deadline FROM obligations WHERE subject_id = $1 AND rule_id = 'C8'`,
      [id],
    );
    expect(c8).toEqual({ unit_id: units['D370782-ZJJ'], deadline: '2h' });

    await step('handler', 'sign');
    expect(await duties(id)).toEqual(['C10:running', 'C4:met', 'C7:met', 'C8:met', 'C9:running']);
    const deadlines = await t.database.query<{ rule_id: string; deadline: string }>(
      `SELECT rule_id, deadline FROM obligations WHERE subject_id = $1 AND rule_id IN ('C9', 'C10') ORDER BY rule_id`,
      [id],
    );
    expect(deadlines).toEqual([
      { rule_id: 'C10', deadline: '3wd' },
      { rule_id: 'C9', deadline: '2h' },
    ]);
    await step('handler', 'arrive', { note: '已到现场', ...(await onSite()) });
    await step('handler', 'finish', { result: '已清理脱落瓷砖并拉警戒线' });
    expect(await duties(id)).toEqual(['C10:met', 'C11:running', 'C4:met', 'C7:met', 'C8:met', 'C9:met']);

    // C11: unsatisfied → the same unit handles it again, with a new sign clock.
    const again = await step('gridhead', 'rate_unsatisfied', { reason: '外墙其余部分仍有松动' });
    expect(again).toMatchObject({ state: 'dispatched', rounds: 2, firstTimeCompletion: false });
    expect((await duties(id)).filter((d) => d.endsWith('running'))).toEqual(['C8:running']);
    await step('handler', 'sign');
    await step('handler', 'arrive', await onSite());
    await step('handler', 'finish', { result: '已加固外墙' });

    // C12: no closing without feedback to the raiser.
    const bare = await act('gridhead', id, 'rate_satisfied', version);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('FEEDBACK_REQUIRED');
    const closed = await step('gridhead', 'rate_satisfied', { feedback: '外墙已全面加固，感谢反映' });
    expect(closed).toMatchObject({ state: 'closed', stateType: 'closed', rounds: 2, rating: 'satisfied' });
    expect(closed.feedback).toBe('外墙已全面加固，感谢反映');
    expect((await duties(id)).every((d) => d.endsWith(':met'))).toBe(true);
    expect(await duties(id)).toHaveLength(10); // C4, C7, then C8–C11 twice

    const events = await caseEvents(id);
    expect(events).toEqual([
      'case.raised',
      'case.approve_as_grid_head',
      'case.dispatch',
      'case.sign',
      'case.arrive',
      'case.finish',
      'case.rate_unsatisfied',
      'case.sign',
      'case.arrive',
      'case.finish',
      'case.rate_satisfied',
    ]);
    const [feedbackNote] = await t.database.query<{ account_id: string }>(
      `SELECT account_id FROM notifications WHERE kind = 'case.feedback'`,
    );
    expect(feedbackNote?.account_id).toBe(raised.json().raisedBy);

    const page = await read(id, 'gridworker');
    expect(page.statusCode).toBe(200);
    expect(page.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(events);
    expect(page.json().obligations).toHaveLength(10);
  });

  it('C9, C10: a livelihood matter must be reached in 1 h; a complex one finished in 5 WD', async () => {
    const a = await caseInTriage();
    await act('dispatcher', a.id, 'dispatch', a.version, {
      leadUnitId: units['D370782-ZJJ'],
      slaClass: 'livelihood',
    });
    await act('handler', a.id, 'sign', a.version + 1);
    const b = await caseInTriage();
    await act('dispatcher', b.id, 'dispatch', b.version, {
      leadUnitId: units['D370782-ZJJ'],
      slaClass: 'complex',
    });
    await act('handler', b.id, 'sign', b.version + 1);
    const rows = await t.database.query<{ subject_id: string; rule_id: string; deadline: string }>(
      `SELECT subject_id, rule_id, deadline FROM obligations WHERE rule_id IN ('C9', 'C10')`,
    );
    const of = (id: string, rule: string) =>
      rows.find((r) => r.subject_id === id && r.rule_id === rule)?.deadline;
    expect([of(a.id, 'C9'), of(a.id, 'C10'), of(b.id, 'C9'), of(b.id, 'C10')]).toEqual([
      '1h',
      '3wd',
      '2h',
      '5wd',
    ]);
  });

  it('C10: the centre approves an extension with a new finish time; an earlier one is refused', async () => {
    const c = await caseInTriage();
    let v = c.version;
    const step = async (who: string, action: string, payload: object = {}) => {
      const response = await act(who, c.id, action, v, payload);
      if (response.statusCode === 200) v = response.json().version;
      return response;
    };
    await step('dispatcher', 'dispatch', { leadUnitId: units['D370782-ZJJ'], slaClass: 'general' });
    await step('handler', 'sign');
    await step('handler', 'arrive', await onSite());
    expect((await step('handler', 'request_extension', { reason: '需协调产权单位' })).statusCode).toBe(200);
    const [before] = await t.database.query<{ due_at: Date }>(
      "SELECT due_at FROM obligations WHERE subject_id = $1 AND rule_id = 'C10'",
      [c.id],
    );
    const earlier = await step('dispatcher', 'approve_extension', { dueAt: '2026-09-18T10:00:00+08:00' });
    expect(earlier.json().error.code).toBe('EXTENSION_NOT_LATER');
    expect((await read(c.id)).json().case.state).toBe('extension_requested');
    const granted = await step('dispatcher', 'approve_extension', {
      dueAt: '2026-09-30T17:30:00+08:00',
      reason: '同意延期',
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().state).toBe('on_site');
    const [after] = await t.database.query<{ due_at: Date; state: string }>(
      "SELECT due_at, state FROM obligations WHERE subject_id = $1 AND rule_id = 'C10'",
      [c.id],
    );
    expect(new Date(after?.due_at as Date).toISOString()).toBe('2026-09-30T09:30:00.000Z');
    expect(new Date(after?.due_at as Date).getTime()).toBeGreaterThan(
      new Date(before?.due_at as Date).getTime(),
    );
    expect(await caseEvents(c.id)).toContain('case.approve_extension');
  });

  it('C12: refusing needs a reason and feedback; the centre’s triage duty is met', async () => {
    const { id, version } = await caseInTriage();
    const noReason = await act('dispatcher', id, 'refuse', version, { feedback: '不属于受理范围' });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const refused = await act('dispatcher', id, 'refuse', version, {
      reason: '属于民事纠纷',
      feedback: '请通过调解解决',
    });
    expect(refused.json().state).toBe('refused');
    expect(await duties(id)).toEqual(['C4:met', 'C7:met']);
  });

  it('C15: escalation moves the case to the level above and its centre', async () => {
    const { id, version } = await caseInTriage();
    const up = await act('dispatcher', id, 'escalate', version, { reason: '超出街道权限（乡呼县应）' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({
      state: 'triage',
      level: 'district',
      areaUnitId: units['370782'],
      centreUnitId: units.C370782,
    });
    const c7 = await t.database.query<{ unit_id: string; state: string }>(
      `SELECT unit_id, state FROM obligations WHERE subject_id = $1 AND rule_id = 'C7' ORDER BY created_at, state`,
      [id],
    );
    expect(c7).toEqual(
      expect.arrayContaining([
        { unit_id: units.C370782001, state: 'met' },
        { unit_id: units.C370782, state: 'running' },
      ]),
    );
    // The township centre no longer holds it; the city centre does.
    expect(
      (
        await act('dispatcher', id, 'dispatch', version + 1, {
          leadUnitId: units['D370782-ZJJ'],
          slaClass: 'general',
        })
      ).statusCode,
    ).toBe(404);
    const dispatched = await act('citydispatcher', id, 'dispatch', version + 1, {
      leadUnitId: units['D370782-ZJJ'],
      slaClass: 'general',
    });
    expect(dispatched.statusCode).toBe(200);
  });
});

describe('refusals', () => {
  it('two racing dispatches with the same version: one wins, the other gets 412', async () => {
    const { id, version } = await caseInTriage();
    const body = { leadUnitId: units['D370782-ZJJ'], slaClass: 'general' };
    const [a, b] = await Promise.all([
      act('dispatcher', id, 'dispatch', version, body),
      act('citydispatcher', id, 'dispatch', version, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const loser = a.statusCode === 412 ? a : b;
    expect(loser.json().error.code).toBe('VERSION_CONFLICT');
    expect(await duties(id)).toEqual(['C4:met', 'C7:met', 'C8:running']);
  });

  it('a wrong role gets 403, a case outside scope 404, a wrong state 409 with the allowed actions', async () => {
    const raised = await raise(call());
    const id = raised.json().id as string;
    // The community secretary sees the case but the step is the grid head's.
    const wrongRole = await act('secretary', id, 'approve_as_grid_head', 1);
    expect(wrongRole.statusCode).toBe(403);
    // The department has no part in it yet: for it the case does not exist.
    const outside = await act('handler', id, 'sign', 1);
    expect(outside.statusCode).toBe(404);
    expect((await read(id, 'handler')).statusCode).toBe(404);
    const wrongState = await act('gridhead', id, 'rate_satisfied', 1, { feedback: 'x' });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error.code).toBe('CASE_STATE');
    expect(wrongState.json().error.message_en).toContain(
      'allowed: approve_as_grid_head, forward_to_secretary, forward_to_township, send_back, solve_at_grid',
    );
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/actions/approve_as_grid_head`,
      headers: { cookie: cookies.gridhead as string },
    });
    expect(missing.statusCode).toBe(428);
    expect(await read(id, 'gridworker').then((r) => r.json().case.version)).toBe(1);
    expect(await caseEvents(id)).toEqual(['case.raised']);
  });

  it('C7: dispatch names a lead unit that can handle cases', async () => {
    const { id, version } = await caseInTriage();
    const bad = await act('dispatcher', id, 'dispatch', version, {
      leadUnitId: units['370782001001'],
      slaClass: 'general',
    });
    expect(bad.json().error.code).toBe('BAD_LEAD_UNIT');
  });

  it('lists the cases in my scope and the ones I raised', async () => {
    await raise(call());
    const list = async (who: string, query = '') =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases${query}`,
          headers: { cookie: cookies[who] as string },
        })
      ).json().items.length;
    expect(await list('dispatcher')).toBe(1);
    expect(await list('gridworker', '?mine=true')).toBe(1);
    expect(await list('handler')).toBe(0);
    expect(await list('dispatcher', '?state=triage')).toBe(0);
  });
});
