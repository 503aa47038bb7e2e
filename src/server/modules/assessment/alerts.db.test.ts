import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { caseRowWriter } from '../cases/case-rows.fixture.ts';

/*
 * Key cases, closing and bottom-up traces (A4, A6) on case rows of the demo city:
 * one case of 密州街道 led by the 住建局, created on 2026-09-10; the grid head 李网格长
 * hands the grid over on 2026-09-20 to 赵新网, so a trace still names 李网格长.
 */
let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
let caseId: string;

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] as string }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-09-25T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  cookies = {};
  for (const name of ['supervisor', 'gridworker']) cookies[name] = await t.login(name);
  const writer = caseRowWriter(t.database, units);
  caseId = await writer.insertCase({
    category: 'safety.housing',
    state: 'handling',
    createdAt: '2026-09-10T09:00:00+08:00',
    lead: true,
  });
  const grid = units['370782001001001'];
  await t.database.query(
    "UPDATE posts SET ends_on = '2026-09-20' WHERE unit_id = $1 AND role = 'grid_head' AND ends_on IS NULL",
    [grid],
  );
  const [person] = await t.database.query<{ id: string }>(
    "INSERT INTO people (name, unit_id, created_at) VALUES ('赵新网', $1, now()) RETURNING id",
    [grid],
  );
  await t.database.query(
    `INSERT INTO posts (person_id, role, unit_id, starts_on, created_at)
     VALUES ($1, 'grid_head', $2, '2026-09-21', now())`,
    [person?.id, grid],
  );
});

afterAll(async () => {
  await t?.close();
});

describe('key cases and alerts', () => {
  it('A6: a key case is flagged once, listed in scope, and closed once', async () => {
    const flagged = await call('supervisor', 'POST', '/api/assessment/key-cases', {
      caseId,
      reason: '媒体曝光',
    });
    expect(flagged.statusCode).toBe(201);
    const alert = flagged.json();
    expect(alert).toMatchObject({ kind: 'key_case', ruleId: 'A6', sourceType: 'case', sourceId: caseId });
    expect(alert.unitId).toBe(units['D370782-ZJJ']);
    const again = await call('supervisor', 'POST', '/api/assessment/key-cases', { caseId, reason: '再次' });
    expect(again.statusCode).toBe(409);

    const district = units['370782'] as string;
    const list = await call('supervisor', 'GET', `/api/assessment/alerts?area=${district}&kind=key_case`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([alert.id]);
    const none = await call('supervisor', 'GET', `/api/assessment/alerts?area=${district}&kind=warning`);
    expect(none.json()).toEqual([]);
    const outside = await call('gridworker', 'GET', `/api/assessment/alerts?area=${district}`);
    expect(outside.statusCode).toBe(403);
    const notMine = await call('gridworker', 'POST', '/api/assessment/key-cases', { caseId, reason: 'x' });
    expect(notMine.statusCode).toBe(403);

    const closed = await call('supervisor', 'POST', `/api/assessment/alerts/${alert.id}/close`, {
      note: '已督办到位',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ closingNote: '已督办到位', closedAt: '2026-09-25T01:00:00.000Z' });
    const twice = await call('supervisor', 'POST', `/api/assessment/alerts/${alert.id}/close`, {
      note: '再次',
    });
    expect(twice.statusCode).toBe(409);
    const blank = await call('supervisor', 'POST', '/api/assessment/key-cases', { caseId, reason: '' });
    expect(blank.statusCode).toBe(400);
  });

  it('A4: a trace records grid → community → township → lead unit with who held each post then', async () => {
    const traced = await call('supervisor', 'POST', '/api/assessment/traces', {
      caseId,
      reason: '群众投诉核实',
    });
    expect(traced.statusCode).toBe(201);
    const alert = traced.json();
    expect(alert).toMatchObject({ kind: 'trace', ruleId: 'A4', sourceId: caseId });
    expect(alert.details.asOf).toBe('2026-09-10');
    const chain = alert.details.chain as {
      level: string;
      unitId: string;
      post: string;
      personName: string;
    }[];
    expect(chain.map((l) => l.level)).toEqual(['grid', 'community', 'township', 'lead']);
    expect(chain.map((l) => l.unitId)).toEqual([
      units['370782001001001'],
      units['370782001001'],
      units['370782001'],
      units['D370782-ZJJ'],
    ]);
    expect(chain[0]).toMatchObject({ post: 'grid_head', personName: '李网格长' });
    expect(chain[3]).toMatchObject({ post: 'dept_head', personName: '冯局长' });
    const again = await call('supervisor', 'POST', '/api/assessment/traces', { caseId, reason: '再次' });
    expect(again.statusCode).toBe(409);
  });
});
