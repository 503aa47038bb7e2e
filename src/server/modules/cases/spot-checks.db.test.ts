import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { type CaseRowSpec, caseRowWriter } from './case-rows.fixture.ts';

let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
/** Case ids by the scenario's names. */
let ids: Record<string, string>;

const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30' };
const closedIn = (day: string) => `2026-09-${day}T16:00:00+08:00`;

/** Closed in September in 密州街道 unless said otherwise; only the first eight may be drawn there. */
const CASES: Record<string, CaseRowSpec> = {
  complex1: {
    category: 'safety.work',
    state: 'closed',
    slaClass: 'complex',
    closedAt: closedIn('03'),
    createdAt: '',
  },
  complex2: {
    category: 'dispute.land',
    state: 'refused',
    slaClass: 'complex',
    closedAt: closedIn('04'),
    createdAt: '',
  },
  twice1: { category: 'safety.housing', state: 'closed', rounds: 2, closedAt: closedIn('05'), createdAt: '' },
  twice2: { category: 'safety.housing', state: 'closed', rounds: 3, closedAt: closedIn('06'), createdAt: '' },
  plain1: { category: 'safety.housing', state: 'closed', closedAt: closedIn('07'), createdAt: '' },
  plain2: { category: 'utility.water', state: 'closed_at_grid', closedAt: closedIn('08'), createdAt: '' },
  plain3: { category: 'utility.water', state: 'merged', closedAt: closedIn('09'), createdAt: '' },
  plain4: { category: 'environment.sanitation', state: 'closed', closedAt: closedIn('30'), createdAt: '' },
  // Not to be drawn: still open, closed in August, or in 龙都街道.
  open: { category: 'safety.work', state: 'on_site', slaClass: 'complex', createdAt: '' },
  august: {
    category: 'safety.work',
    state: 'closed',
    slaClass: 'complex',
    closedAt: '2026-08-31T23:00:00+08:00',
    createdAt: '',
  },
  otherTownship: {
    township: 'B',
    category: 'safety.work',
    state: 'closed',
    slaClass: 'complex',
    closedAt: closedIn('10'),
    createdAt: '',
  },
};

beforeEach(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-10-08T09:00:00+08:00');
  const unitRows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(unitRows.map((r) => [r.code, r.id]));
  cookies = {};
  for (const name of ['supervisor', 'dispatcher', 'gridhead']) cookies[name] = await t.login(name);
  const rows = caseRowWriter(t.database, units);
  ids = {};
  for (const [name, spec] of Object.entries(CASES)) {
    ids[name] = await rows.insertCase({ ...spec, createdAt: '2026-08-25T10:00:00+08:00' });
  }
});
afterEach(async () => {
  await t.close();
});

const draw = (who: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases/spot-checks',
    headers: { cookie: cookies[who] as string },
    payload: body,
  });
const read = (who: string, id: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/cases/spot-checks/${id}`,
    headers: { cookie: cookies[who] as string },
  });
const review = (who: string, id: string, itemId: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/cases/spot-checks/${id}/items/${itemId}/review`,
    headers: { cookie: cookies[who] as string },
    payload: body,
  });
const nameOf = (caseId: string) => Object.entries(ids).find(([, id]) => id === caseId)?.[0];
const eventKinds = async () =>
  (
    await t.database.query<{ kind: string }>(
      `SELECT kind FROM events WHERE kind LIKE 'case.spot_check%' ORDER BY id`,
    )
  ).map((r) => r.kind);

describe('C13 spot checks', () => {
  it('C13: a sample of closed cases puts complex ones first, then cases handled more than once', async () => {
    const response = await draw('dispatcher', {
      unitId: units['370782001'],
      ...SEPTEMBER,
      size: 3,
      seed: 'c13',
    });
    expect(response.statusCode).toBe(201);
    const check = response.json();
    expect(check).toMatchObject({
      unit: { id: units['370782001'] },
      ...SEPTEMBER,
      sampleSize: 3,
      seed: 'c13',
    });
    const names = check.items.map((i: { caseId: string }) => nameOf(i.caseId));
    expect(names.slice(0, 2)).toEqual(['complex1', 'complex2']);
    expect(['twice1', 'twice2']).toContain(names[2]);
    expect(check.items[0]).toMatchObject({
      number: expect.stringMatching(/^370782-T-/),
      category: 'safety.work',
      categoryName: '安全生产',
      state: 'closed',
      stateType: 'closed',
      slaClass: 'complex',
      rounds: 1,
      complex: true,
      feedback: expect.any(String),
      closedAt: '2026-09-03T16:00:00+08:00',
      verdict: null,
    });
    expect(await eventKinds()).toEqual(['case.spot_check_drawn']);
    // Asking for more than there is draws every case closed there in the period, and nothing else.
    const all = (await draw('dispatcher', { unitId: units['370782001'], ...SEPTEMBER, size: 100 })).json();
    expect(all.items.map((i: { caseId: string }) => nameOf(i.caseId)).sort()).toEqual([
      'complex1',
      'complex2',
      'plain1',
      'plain2',
      'plain3',
      'plain4',
      'twice1',
      'twice2',
    ]);
    expect(all.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('C13: the same seed draws the same sample again', async () => {
    const body = { unitId: units['370782'], ...SEPTEMBER, size: 6, seed: 'weekly-2026-41' };
    const first = (await draw('supervisor', body)).json();
    const second = (await draw('supervisor', body)).json();
    const caseIds = (check: { items: { caseId: string }[] }) => check.items.map((i) => i.caseId);
    expect(first.id).not.toBe(second.id);
    expect(caseIds(second)).toEqual(caseIds(first));
    // The county's sample holds 龙都街道's complex case too: three complex, two handled twice, one plain.
    expect(caseIds(first).map(nameOf).slice(0, 5).sort()).toEqual([
      'complex1',
      'complex2',
      'otherTownship',
      'twice1',
      'twice2',
    ]);
    expect(nameOf(caseIds(first)[5] as string)).toMatch(/^plain/);
    expect((await read('supervisor', first.id)).json()).toEqual(first);
  });

  it('C13: a review records the verdict once; a problem without a comment is 400 and writes nothing', async () => {
    const check = (await draw('supervisor', { unitId: units['370782001'], ...SEPTEMBER, size: 2 })).json();
    const item = check.items[0];
    const before = await snapshot(t.database);
    const bare = await review('supervisor', check.id, item.id, { verdict: 'problem' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({ code: 'COMMENT_REQUIRED', field: 'comment' });
    expect(await snapshot(t.database)).toEqual(before);

    t.clock.set('2026-10-08T15:00:00+08:00');
    const done = await review('supervisor', check.id, item.id, {
      verdict: 'problem',
      comment: '回访记录缺失',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().items[0]).toMatchObject({
      id: item.id,
      verdict: 'problem',
      comment: '回访记录缺失',
      reviewedAt: '2026-10-08T15:00:00+08:00',
    });
    const [event] = await t.database.query<{ subject_id: string; payload: Record<string, unknown> }>(
      `SELECT subject_id, payload FROM events WHERE kind = 'case.spot_check_reviewed'`,
    );
    expect(event).toEqual({
      subject_id: item.caseId,
      payload: { spotCheckId: check.id, itemId: item.id, verdict: 'problem', comment: '回访记录缺失' },
    });
    const again = await review('supervisor', check.id, item.id, { verdict: 'ok' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_REVIEWED');
  });

  it('C13: outside the caller’s scope is 403; bad input is 400 or 404 and writes nothing', async () => {
    const before = await snapshot(t.database);
    const outside = await draw('dispatcher', { unitId: units['370782002'], ...SEPTEMBER, size: 3 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    expect((await draw('gridhead', { unitId: units['370782001'], ...SEPTEMBER, size: 3 })).statusCode).toBe(
      403,
    );
    const backwards = await draw('supervisor', {
      unitId: units['370782'],
      from: '2026-09-30',
      to: '2026-09-01',
      size: 3,
    });
    expect(backwards.json().error).toMatchObject({ code: 'BAD_PERIOD', field: 'to' });
    const tooMany = await draw('supervisor', { unitId: units['370782'], ...SEPTEMBER, size: 101 });
    expect(tooMany.json().error).toMatchObject({ code: 'VALIDATION', field: 'size' });
    const unknown = await draw('supervisor', {
      unitId: '00000000-0000-4000-8000-000000000000',
      ...SEPTEMBER,
      size: 3,
    });
    expect(unknown.statusCode).toBe(404);
    const empty = await draw('supervisor', {
      unitId: units['370782'],
      from: '2026-07-01',
      to: '2026-07-31',
      size: 3,
    });
    expect(empty.statusCode).toBe(409);
    expect(await snapshot(t.database)).toEqual(before);

    // A county check is out of the township dispatcher's reach, for reading and reviewing.
    const county = (await draw('supervisor', { unitId: units['370782'], ...SEPTEMBER, size: 2 })).json();
    expect((await read('dispatcher', county.id)).statusCode).toBe(403);
    const foreign = await review('dispatcher', county.id, county.items[0].id, { verdict: 'ok' });
    expect(foreign.statusCode).toBe(403);
    expect((await read('supervisor', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
