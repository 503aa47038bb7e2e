import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { caseRowWriter } from '../cases/case-rows.fixture.ts';

/*
 * Referral grounds of September 2026 written as rows, on departments d0 … d6 of the demo
 * district: d0 breached an R8 report clock in September (d3 only a completion clock, d4
 * a report clock in August); d1 had a return refused as buck-passing (d4's counted against
 * the routing); d2 has two standing non-implementation records, the second in September
 * (d5 two, one voided; d6 two, both in July).
 */
let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
let d: string[];

const call = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who] as string }, payload });

async function obligation(unit: string, rule: string, breachedAt: string) {
  await t.database.query(
    `INSERT INTO obligations (subject_type, subject_id, rule_id, unit_id, deadline, started_at, base_due_at,
       due_at, warn_at, warn_ratio, state, breached_at, created_at)
     VALUES ('ledger_item', $1, $2, $3, 'M+1@15', $4::timestamptz - interval '30 days', $4, $4, $4, 0.8,
       'breached', $4, $4)`,
    [randomUUID(), rule, unit, breachedAt],
  );
}

async function record(unit: string, kind: string, at: string, voids?: string): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(
    `INSERT INTO accountability_records (unit_id, kind, source_type, source_id, note, voids, created_at)
     VALUES ($1, $2, 'consultation', $3, '未落实', $4, $5) RETURNING id`,
    [unit, kind, randomUUID(), voids ?? null, at],
  );
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-10-08T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const depts = await t.database.query<{ id: string }>(
    "SELECT id FROM org_units WHERE kind = 'department' AND parent_id = $1 ORDER BY code LIMIT 7",
    [units['370782']],
  );
  d = depts.map((r) => r.id);
  cookies = {};
  for (const name of ['supervisor', 'gridworker']) cookies[name] = await t.login(name);

  await obligation(d[0] as string, 'R8', '2026-09-16T00:00:00+08:00');
  await obligation(d[3] as string, 'R7', '2026-09-16T00:00:00+08:00');
  await obligation(d[4] as string, 'R8', '2026-08-16T00:00:00+08:00');
  const writer = caseRowWriter(t.database, units);
  const caseId = await writer.insertCase({
    category: 'safety.housing',
    state: 'handling',
    createdAt: '2026-09-08T09:00:00+08:00',
  });
  for (const [unit, against] of [
    [d[1], 'department'],
    [d[4], 'routing'],
  ] as const) {
    await t.database.query(
      `INSERT INTO case_returns (case_id, unit_id, reason, returned_at, decision, counts_against, decided_at)
       VALUES ($1, $2, '不属于本单位职责', '2026-09-09T09:00:00+08:00', $3, $4, '2026-09-10T09:00:00+08:00')`,
      [caseId, unit, against === 'department' ? 'refused' : 'agreed', against],
    );
  }
  await record(d[2] as string, 'non_implementation', '2026-08-20T09:00:00+08:00');
  await record(d[2] as string, 'non_implementation', '2026-09-20T09:00:00+08:00');
  await record(d[5] as string, 'non_implementation', '2026-08-20T09:00:00+08:00');
  const wrong = await record(d[5] as string, 'non_implementation', '2026-09-20T09:00:00+08:00');
  await record(d[5] as string, 'late_material', '2026-09-21T09:00:00+08:00', wrong);
  await record(d[6] as string, 'non_implementation', '2026-07-02T09:00:00+08:00');
  await record(d[6] as string, 'non_implementation', '2026-07-20T09:00:00+08:00');
});

afterAll(async () => {
  await t?.close();
});

describe('referrals for discipline inspection', () => {
  it('A5: late reports, buck-passing and no improvement give one referral each, with evidence, once', async () => {
    expect(d).toHaveLength(7);
    const ask = { area: units['370782'], month: '2026-09' };
    const first = await call('supervisor', '/api/assessment/referrals/derive', ask);
    expect(first.statusCode).toBe(200);
    type Referral = {
      id: string;
      kind: string;
      unitId: string;
      reason: string;
      details: Record<string, unknown>;
    };
    const referrals = first.json() as Referral[];
    expect(referrals.map((r) => [r.reason, r.unitId])).toEqual([
      ['未按时报告', d[0]],
      ['推诿扯皮', d[1]],
      ['两次督办后仍未改进', d[2]],
    ]);
    expect(referrals.every((r) => r.kind === 'referral')).toBe(true);
    expect(referrals[0]?.details).toMatchObject({ ground: 'late_reports', count: 1 });
    const lateEvidence = referrals[0]?.details.evidence as { ruleId: string }[] | undefined;
    expect(lateEvidence?.[0]?.ruleId).toBe('R8');
    expect(referrals[1]?.details).toMatchObject({ ground: 'buck_passing', count: 1 });
    expect(referrals[2]?.details).toMatchObject({ ground: 'no_improvement', count: 2 });

    const again = await call('supervisor', '/api/assessment/referrals/derive', ask);
    expect(again.json().map((r: Referral) => r.id)).toEqual(referrals.map((r) => r.id));
    const august = await call('supervisor', '/api/assessment/referrals/derive', { ...ask, month: '2026-08' });
    expect(august.json().map((r: Referral) => r.unitId)).toEqual([d[4]]);
    const forbidden = await call('gridworker', '/api/assessment/referrals/derive', ask);
    expect(forbidden.statusCode).toBe(403);
  });
});
