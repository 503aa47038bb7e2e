import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { caseRowWriter } from '../cases/case-rows.fixture.ts';
import { appendEvent } from '../events/append-event.ts';

/*
 * Published monthly township rankings written as `rankings` rows, in the frozen shape the
 * publish code writes: seven ranked departments (scores 95 … 40) and one listed apart.
 */
let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
let depts: { id: string; code: string; name: string }[];

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] as string }, ...(payload ? { payload } : {}) });

/** A frozen ranking of the departments in `list` (best first, the last one apart). */
async function insertRanking(
  db: TestApp['database'],
  area: string,
  list: { id: string; code: string; name: string }[],
  scores: (number | null)[],
  month: string,
  version = 1,
): Promise<string> {
  const rows = list.map((u, i) => ({
    unitId: u.id,
    code: u.code,
    name: u.name,
    kind: 'department',
    cases: 10,
    rates: { signIn: 90, onTime: 90, firstTime: 90, satisfaction: 90 },
    breaches: 0,
    consultationBreaches: 0,
    points: { automatic: 0, manual: 0, total: 0 },
    score: scores[i] ?? null,
    rank: scores[i] === null || scores[i] === undefined ? null : i + 1,
  }));
  const from = `${month}-01T00:00:00+08:00`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const to = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO rankings (area_unit_id, subject, period_kind, period_from, period_to, version, reason, rows,
       settings, published_at)
     VALUES ($1, 'department', 'month', $2, $3, $4, $5, $6, '{}', $3) RETURNING id`,
    [area, from, to, version, version > 1 ? '更正' : null, JSON.stringify(rows)],
  );
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-10-08T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  depts = await t.database.query(
    "SELECT id, code, name FROM org_units WHERE kind = 'department' AND parent_id = $1 ORDER BY code LIMIT 8",
    [units['370782']],
  );
  cookies = {};
  for (const name of ['supervisor', 'gridworker']) cookies[name] = await t.login(name);
});

afterAll(async () => {
  await t?.close();
});

describe('commendation and warning lists', () => {
  it('A3: a published ranking yields commendations for the top 3 and warnings for the bottom 3, once', async () => {
    expect(depts).toHaveLength(8);
    const district = units['370782'] as string;
    const id = await insertRanking(
      t.database,
      district,
      depts,
      [95, 90, 85, 70, 60, 50, 40, null],
      '2026-09',
    );
    const first = await call('supervisor', 'POST', `/api/assessment/rankings/${id}/alerts`);
    expect(first.statusCode).toBe(200);
    const alerts = first.json() as { id: string; kind: string; unitId: string }[];
    const of = (kind: string) => alerts.filter((a) => a.kind === kind).map((a) => a.unitId);
    expect(of('commendation')).toEqual(depts.slice(0, 3).map((u) => u.id));
    expect(of('warning')).toEqual(depts.slice(4, 7).map((u) => u.id));
    expect(alerts.every((a) => a.unitId !== depts[7]?.id)).toBe(true);

    const second = await call('supervisor', 'POST', `/api/assessment/rankings/${id}/alerts`);
    expect(second.json().map((a: { id: string }) => a.id)).toEqual(alerts.map((a) => a.id));
    const [count] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM assessment_alerts WHERE source_type = 'ranking'",
    );
    expect(count?.n).toBe(6);
    const listed = await call('supervisor', 'GET', `/api/assessment/alerts?area=${district}&kind=warning`);
    expect(listed.json()).toHaveLength(3);

    const forbidden = await call('gridworker', 'POST', `/api/assessment/rankings/${id}/alerts`);
    expect(forbidden.statusCode).toBe(403);
    await insertRanking(t.database, district, depts, [95, 90, 85, 70, 60, 50, 40, null], '2026-09', 2);
    const superseded = await call('supervisor', 'POST', `/api/assessment/rankings/${id}/alerts`);
    expect(superseded.statusCode).toBe(409);
    const unknown = await call('supervisor', 'POST', `/api/assessment/rankings/${district}/alerts`);
    expect(unknown.statusCode).toBe(404);
  });

  it('A5: bottom 3 in two consecutive months and strong complaints give interviews naming the head', async () => {
    const district = units['370782'] as string;
    // August: 40, 50, 60 trail (depts 3, 5, 6); September (newest version): depts 4, 5, 6.
    await insertRanking(t.database, district, depts, [95, 90, 85, 40, 70, 50, 60, null], '2026-08');
    const writer = caseRowWriter(t.database, units);
    const rate = async (lead: string, at: string) => {
      const id = await writer.insertCase({
        category: 'safety.housing',
        state: 'closed',
        createdAt: at,
        closedAt: at,
      });
      await t.database.query('UPDATE cases SET lead_unit_id = $1 WHERE id = $2', [lead, id]);
      await appendEvent({
        db: t.ctx.db,
        at: new Date(at),
        actor: null,
        subject: { type: 'case', id },
        kind: 'case.rate_unsatisfied',
      });
    };
    for (const day of ['03', '12', '28']) await rate(depts[0]?.id as string, `2026-09-${day}T10:00:00+08:00`);
    for (const day of ['05', '06']) await rate(depts[1]?.id as string, `2026-09-${day}T10:00:00+08:00`);
    await rate(depts[1]?.id as string, '2026-10-02T10:00:00+08:00');

    const ask = { area: district, subject: 'department', month: '2026-09' };
    const derived = await call('supervisor', 'POST', '/api/assessment/interviews/derive', ask);
    expect(derived.statusCode).toBe(200);
    type Interview = { id: string; unitId: string; reason: string; head: { name: string; post: string } };
    const interviews = derived.json() as Interview[];
    const twice = interviews.filter((a) => a.reason === '连续两个月排名后三位').map((a) => a.unitId);
    expect(twice.sort()).toEqual([depts[5]?.id, depts[6]?.id].sort());
    const complaints = interviews.filter((a) => a.reason === '强烈投诉');
    expect(complaints.map((a) => a.unitId)).toEqual([depts[0]?.id]);
    const [holder] = await t.database.query<{ name: string }>(
      `SELECT pe.name FROM posts p JOIN people pe ON pe.id = p.person_id
       WHERE p.unit_id = $1 AND p.role = 'dept_head' AND p.ends_on IS NULL`,
      [depts[0]?.id],
    );
    expect(holder?.name).toBeTruthy();
    expect(complaints[0]?.head).toMatchObject({ post: 'dept_head', name: holder?.name });
    const again = await call('supervisor', 'POST', '/api/assessment/interviews/derive', ask);
    expect(
      again
        .json()
        .map((a: Interview) => a.id)
        .sort(),
    ).toEqual(interviews.map((a) => a.id).sort());
    const july = await call('supervisor', 'POST', '/api/assessment/interviews/derive', {
      ...ask,
      month: '2026-07',
    });
    expect(july.json()).toEqual([]);
    const bad = await call('supervisor', 'POST', '/api/assessment/interviews/derive', {
      ...ask,
      month: '2026-13',
    });
    expect(bad.statusCode).toBe(400);
  });
});
