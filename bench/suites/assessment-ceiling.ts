/**
 * The ceiling of the assessment benchmark (issue 7): one hand-written statement giving
 * the four A1 rates' numerators and denominators of every ranked unit under an area —
 * all five subjects at once, each unit over its subtree as the rankings count it — for
 * one period. It leaves out what the rankings also compute (received, dispatched,
 * returned, overdue now, extended, average hours, points).
 *
 * Formulas (docs/ASSESSMENT.md), in their simplest set-based form:
 *  - a C8/C10 duty due in the period counts when met or breached, running past due, or
 *    cancelled by a return of its unit the centre refused; it is out when its unit's
 *    return of the case was agreed (against the routing) at or after it started. The
 *    returns are folded per (case, unit) into the latest agreed and the latest refused
 *    return — the real statement takes the first decided return after the duty with no
 *    new dispatch in between, which differs only when a unit returns the same case twice;
 *  - first-time completion: cases closed in the period by their lead unit, rounds = 1;
 *  - satisfaction: rating events in the period on the cases a unit leads now.
 * Everything is aggregated per owing unit first (a few hundred groups) and only then
 * rolled up to the ranked units through their paths, so the subtree match runs over
 * units, not over duties.
 */
import type { Database } from '../../src/server/db/client.ts';

export interface CeilingRow {
  unitId: string;
  kind: string;
  signDue: number;
  signOnTime: number;
  finishDue: number;
  finishOnTime: number;
  closed: number;
  firstTime: number;
  satisfied: number;
  rated: number;
}

// MATERIALIZED: the planner guesses one target (a long path prefix); inlined, the
// aggregates would be recomputed for each target of the nested loop.
export const CEILING_SQL = `
WITH targets AS MATERIALIZED (
  SELECT id, kind, path FROM org_units
  WHERE path LIKE $1 || '%' AND id <> $2
    AND kind IN ('township', 'department', 'enterprise', 'agency', 'community', 'grid')
),
ret AS (
  SELECT case_id::text AS case_id, unit_id,
         max(returned_at) FILTER (WHERE counts_against = 'routing') AS routing_at,
         max(returned_at) FILTER (WHERE counts_against = 'department') AS department_at
  FROM case_returns WHERE counts_against IS NOT NULL GROUP BY case_id, unit_id
),
per_unit AS MATERIALIZED (
  SELECT o.unit_id,
         count(*) FILTER (WHERE o.rule_id = 'C8') AS sign_due,
         count(*) FILTER (WHERE o.rule_id = 'C8' AND o.met_at <= o.due_at) AS sign_on_time,
         count(*) FILTER (WHERE o.rule_id = 'C10') AS finish_due,
         count(*) FILTER (WHERE o.rule_id = 'C10' AND o.met_at <= o.due_at) AS finish_on_time,
         0 AS closed, 0 AS first_time, 0 AS satisfied, 0 AS rated
  FROM obligations o LEFT JOIN ret r ON r.case_id = o.subject_id AND r.unit_id = o.unit_id
  WHERE o.rule_id IN ('C8', 'C10') AND o.subject_type IN ('case', 'case_task')
    AND o.due_at >= $3 AND o.due_at < $4
    AND (r.routing_at IS NULL OR r.routing_at < o.started_at)
    AND CASE o.state WHEN 'met' THEN true WHEN 'breached' THEN true
                     WHEN 'running' THEN o.due_at <= $5
                     WHEN 'cancelled' THEN r.department_at >= o.started_at
                     ELSE false END
  GROUP BY o.unit_id
  UNION ALL
  SELECT lead_unit_id, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE rounds = 1), 0, 0
  FROM cases WHERE state = 'closed' AND feedback_at >= $3 AND feedback_at < $4 AND lead_unit_id IS NOT NULL
  GROUP BY lead_unit_id
  UNION ALL
  SELECT c.lead_unit_id, 0, 0, 0, 0, 0, 0, count(*) FILTER (WHERE e.kind = 'case.rate_satisfied'), count(*)
  FROM events e JOIN cases c ON c.id::text = e.subject_id
  WHERE e.kind IN ('case.rate_satisfied', 'case.rate_unsatisfied') AND e.subject_type = 'case'
    AND e.occurred_at >= $3 AND e.occurred_at < $4 AND c.lead_unit_id IS NOT NULL
  GROUP BY c.lead_unit_id
)
SELECT t.id AS "unitId", t.kind AS "kind",
       coalesce(sum(p.sign_due), 0)::int AS "signDue", coalesce(sum(p.sign_on_time), 0)::int AS "signOnTime",
       coalesce(sum(p.finish_due), 0)::int AS "finishDue", coalesce(sum(p.finish_on_time), 0)::int AS "finishOnTime",
       coalesce(sum(p.closed), 0)::int AS "closed", coalesce(sum(p.first_time), 0)::int AS "firstTime",
       coalesce(sum(p.satisfied), 0)::int AS "satisfied", coalesce(sum(p.rated), 0)::int AS "rated"
FROM targets t
LEFT JOIN (per_unit p JOIN org_units u ON u.id = p.unit_id) ON u.path LIKE t.path || '%'
GROUP BY t.id, t.kind`;

/** The ceiling for the ranked units under `area` in [from, to), "running past due" measured at `now`. */
export function ceilingRates(
  database: Database,
  area: { id: string; path: string },
  from: Date,
  to: Date,
  now: Date,
): Promise<CeilingRow[]> {
  return database.query<CeilingRow>(CEILING_SQL, [
    area.path,
    area.id,
    from.toISOString(),
    to.toISOString(),
    now.toISOString(),
  ]);
}
