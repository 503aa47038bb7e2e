import { sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { requireAccess } from '../auth/index.ts';
import { LEDGER_KINDS } from '../ledger/ledger-kinds.ts';
import { findOrgUnit } from '../org/index.ts';
import { derivationId, monthRange } from './alert-month.ts';
import { type AlertBase, insertAlerts, listAlertsOfSource, type NewAlert, presentAlert } from './alerts.ts';

/** A5: the grounds for a referral to discipline inspection (问责), each a source of its own. */
const GROUNDS = {
  late_reports: '未按时报告',
  buck_passing: '推诿扯皮',
  no_improvement: '两次督办后仍未改进',
} as const;
type Ground = keyof typeof GROUNDS;

const REPORT_RULES = [...new Set(Object.values(LEDGER_KINDS).map((k) => k.reportRuleId))];

type Row = { unit_id: string; unit_name: string; n: number; evidence: Record<string, unknown>[] };

/**
 * A5: the referral list of a month — units under the area that (1) breached a ledger
 * report clock in the month (R8 and the other ledgers' report rules: not reporting on
 * time), (2) had a return refused by the centre as buck-passing in the month (case_returns
 * counts_against 'department'), or (3) reached two or more standing 'non_implementation'
 * accountability records (R10: no improvement after two supervision rounds), the latest
 * in the month. One 'referral' per unit and ground, its evidence in `details`; idempotent.
 */
export async function deriveReferrals(options: AlertBase & { areaUnitId: string; month: string }) {
  const { db } = options;
  const area = await findOrgUnit(db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.manage', area.path);
  const { from, to } = monthRange(options.month);
  const under = sql`u.path LIKE ${`${area.path}%`}`;
  const run = async (query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: Row[] }).rows;

  const late = await run(sql`
    SELECT o.unit_id, u.name AS unit_name, count(*)::int AS n,
      json_agg(json_build_object('obligationId', o.id, 'ruleId', o.rule_id, 'subjectType', o.subject_type,
        'subjectId', o.subject_id, 'dueAt', o.due_at, 'breachedAt', o.breached_at) ORDER BY o.due_at) AS evidence
    FROM obligations o JOIN org_units u ON u.id = o.unit_id
    WHERE o.state = 'breached' AND o.subject_type IN ('ledger_item', 'ledger_report')
      AND o.rule_id IN (${sql.join(
        REPORT_RULES.map((r) => sql`${r}`),
        sql`, `,
      )})
      AND o.breached_at >= ${from} AND o.breached_at < ${to} AND ${under}
    GROUP BY o.unit_id, u.name`);
  const buck = await run(sql`
    SELECT r.unit_id, u.name AS unit_name, count(*)::int AS n,
      json_agg(json_build_object('returnId', r.id, 'caseId', r.case_id, 'caseNumber', c.number,
        'reason', r.reason, 'decidedAt', r.decided_at) ORDER BY r.decided_at) AS evidence
    FROM case_returns r JOIN org_units u ON u.id = r.unit_id JOIN cases c ON c.id = r.case_id
    WHERE r.counts_against = 'department' AND r.decided_at >= ${from} AND r.decided_at < ${to} AND ${under}
    GROUP BY r.unit_id, u.name`);
  const stale = await run(sql`
    SELECT a.unit_id, u.name AS unit_name, count(*)::int AS n,
      json_agg(json_build_object('recordId', a.id, 'sourceType', a.source_type, 'sourceId', a.source_id,
        'note', a.note, 'createdAt', a.created_at) ORDER BY a.created_at) AS evidence
    FROM accountability_records a JOIN org_units u ON u.id = a.unit_id
    WHERE a.kind = 'non_implementation' AND a.created_at < ${to} AND ${under}
      AND NOT EXISTS (SELECT 1 FROM accountability_records v WHERE v.voids = a.id)
    GROUP BY a.unit_id, u.name
    HAVING count(*) >= 2 AND max(a.created_at) >= ${from}`);

  const sources = {
    late_reports: derivationId('late_reports', area.id, options.month),
    buck_passing: derivationId('buck_passing', area.id, options.month),
    no_improvement: derivationId('no_improvement', area.id, options.month),
  } satisfies Record<Ground, string>;
  const referral = (ground: Ground, r: Row): NewAlert => ({
    kind: 'referral',
    unitId: r.unit_id,
    reason: GROUNDS[ground],
    ruleId: 'A5',
    sourceType: ground,
    sourceId: sources[ground],
    details: { month: options.month, ground, unitName: r.unit_name, count: r.n, evidence: r.evidence },
  });
  await insertAlerts(options, [
    ...late.map((r) => referral('late_reports', r)),
    ...buck.map((r) => referral('buck_passing', r)),
    ...stale.map((r) => referral('no_improvement', r)),
  ]);
  const derived = [];
  for (const ground of Object.keys(GROUNDS) as Ground[]) {
    derived.push(...(await listAlertsOfSource(db, ground, sources[ground])));
  }
  return derived.map(presentAlert);
}
