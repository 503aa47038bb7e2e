import { sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { requireAccess } from '../auth/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { derivationId, monthRange, publishedMonthRanking } from './alert-month.ts';
import { type AlertBase, insertAlerts, listAlertsOfSource, type NewAlert, presentAlert } from './alerts.ts';
import { settingsInForce } from './assessment-settings.ts';
import { SUBJECT_KINDS, type Subject } from './compute-ranking.ts';
import { leadingAndTrailing } from './ranking-alerts.ts';
import { chinaDay, type UnitHead, unitHeadsOn } from './unit-heads.ts';

/** A5: unsatisfied ratings in a month that make strong complaints, unless the settings say otherwise. */
export const DEFAULT_STRONG_COMPLAINTS = 3;

const headOf = (h: UnitHead | undefined) =>
  h ? { personId: h.personId, name: h.name ?? `（${h.unitName}主要负责人空缺）`, post: h.post } : null;

/**
 * A5 约谈: interview entries naming the unit's head (the holder of its head post on the
 * day of the derivation) for (a) a unit in the bottom 3 of the published monthly ranking
 * of the month and of the month before (newest versions), and (b) a unit leading cases
 * that drew at least N `case.rate_unsatisfied` ratings in the month (强烈投诉; N is the
 * area's setting `pointRules.strongComplaints`, default 3). Idempotent.
 */
export async function deriveInterviews(
  options: AlertBase & { areaUnitId: string; subject: Subject; month: string },
) {
  const { db } = options;
  const area = await findOrgUnit(db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.manage', area.path);
  const { from, to, previous } = monthRange(options.month);
  const now = options.clock.now();
  const alerts: NewAlert[] = [];

  // (a) bottom 3 twice running.
  const current = await publishedMonthRanking(db, area.id, options.subject, options.month);
  const before = await publishedMonthRanking(db, area.id, options.subject, previous);
  const twice: { unitId: string; name: string; rank: number | null; score: number | null }[] = [];
  if (current && before) {
    const earlier = new Map(leadingAndTrailing(before.rows).trailing.map((r) => [r.unitId, r]));
    for (const r of leadingAndTrailing(current.rows).trailing) if (earlier.has(r.unitId)) twice.push(r);
  }
  // (b) strong complaints: unsatisfied ratings in the month on the cases the unit leads.
  const threshold =
    (await settingsInForce(db, area.id, to)).pointRules.strongComplaints ?? DEFAULT_STRONG_COMPLAINTS;
  const kinds = SUBJECT_KINDS[options.subject];
  const complained = (await db.execute(sql`
    SELECT c.lead_unit_id AS unit_id, count(*)::int AS n, array_agg(DISTINCT c.number ORDER BY c.number) AS numbers
    FROM events e
    JOIN cases c ON c.id = (CASE WHEN e.subject_type = 'case' THEN e.subject_id::uuid END)
    JOIN org_units u ON u.id = c.lead_unit_id
    WHERE e.kind = 'case.rate_unsatisfied' AND e.occurred_at >= ${from} AND e.occurred_at < ${to}
      AND u.path LIKE ${`${area.path}%`}
      AND u.kind IN (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
    GROUP BY c.lead_unit_id
    HAVING count(*) >= ${threshold}
  `)) as unknown as { rows: { unit_id: string; n: number; numbers: string[] }[] };

  const heads = await unitHeadsOn(
    db,
    [...new Set([...twice.map((r) => r.unitId), ...complained.rows.map((r) => r.unit_id)])],
    chinaDay(now),
  );
  const head = (unitId: string) => heads.find((h) => h.unitId === unitId);
  for (const r of twice) {
    alerts.push({
      kind: 'interview',
      unitId: r.unitId,
      head: headOf(head(r.unitId)),
      reason: '连续两个月排名后三位',
      ruleId: 'A5',
      sourceType: 'ranking',
      sourceId: (current as { id: string }).id,
      details: {
        subject: options.subject,
        months: [previous, options.month],
        rankings: [(before as { id: string }).id, (current as { id: string }).id],
        unitName: r.name,
        rank: r.rank,
        score: r.score,
      },
    });
  }
  const complaintsSource = derivationId('strong_complaints', area.id, options.month);
  for (const r of complained.rows) {
    alerts.push({
      kind: 'interview',
      unitId: r.unit_id,
      head: headOf(head(r.unit_id)),
      reason: '强烈投诉',
      ruleId: 'A5',
      sourceType: 'strong_complaints',
      sourceId: complaintsSource,
      details: {
        month: options.month,
        unsatisfied: r.n,
        threshold,
        cases: r.numbers,
        unitName: head(r.unit_id)?.unitName,
      },
    });
  }
  await insertAlerts(options, alerts);
  const derived = [
    ...(current ? await listAlertsOfSource(db, 'ranking', current.id) : []),
    ...(await listAlertsOfSource(db, 'strong_complaints', complaintsSource)),
  ];
  return derived.filter((a) => a.kind === 'interview').map(presentAlert);
}
