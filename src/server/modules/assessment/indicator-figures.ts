import { type SQL, sql } from 'drizzle-orm';

/**
 * The figures A1 (and A2's automatic points) count per owing unit, as sums that add up
 * across units and days: the live statement and the settled days (assessment_daily)
 * hold exactly these columns. The mean hours are kept as seconds and a count.
 */
export const FIGURES = [
  'sign_due',
  'sign_on_time',
  'finish_due',
  'finish_on_time',
  'sign_seconds',
  'sign_met',
  'finish_seconds',
  'finish_met',
  'closed',
  'first_time',
  'satisfied',
  'unsatisfied',
  'extended',
  'received',
  'dispatched',
  'returned',
  'returned_agreed',
  'returned_refused',
  'returned_pending',
  'breaches',
  'consultation_breaches',
] as const;
export type Figure = (typeof FIGURES)[number];

export const figureList = (pick: (f: Figure) => SQL): SQL =>
  sql.join(
    FIGURES.map((f) => pick(f)),
    sql`, `,
  );

export interface FigurePartsOptions {
  /** The rows counted: those whose time (due, closing, event, return) passes this test. */
  inRange: (col: SQL) => SQL;
  /** Only these owing units (live: the units that count for a target); null: every unit. */
  owned: ((col: SQL) => SQL) | null;
  /** A duty running past due at `now` counts as due and not met in time. */
  now: Date;
  /** Group by the Shanghai day of each row's time too (settling); else `day` is null. */
  byDay: boolean;
  /** Count A2's breaches (points): one more pass over the obligations. */
  breaches: boolean;
}

/**
 * A1: the CTEs `returned`, `duties` and `unit_figures` (unit_id, day, …FIGURES): every
 * figure per owing unit (and per day), from obligations, closed cases, events and
 * returns, in one UNION ALL of parts that each fill their own columns. The one formula
 * set: computeIndicators sums it over the days not settled, settleDays stores it per day
 * (docs/ASSESSMENT.md has every formula).
 */
export function figureParts(options: FigurePartsOptions): SQL {
  const { inRange, now } = options;
  const owned = (col: SQL) => (options.owned ? options.owned(col) : sql`true`);
  const dayOf = (col: SQL) => (options.byDay ? sql`luoshi_assessment_day(${col})` : sql`NULL::date`);
  const part = (unit: SQL, at: SQL, values: Partial<Record<Figure, SQL>>, from: SQL) =>
    sql`SELECT ${unit} AS unit_id, ${dayOf(at)} AS day, ${figureList((f) => sql`${values[f] ?? sql`0`} AS ${sql.raw(f)}`)}
      ${from} GROUP BY 1, 2`;
  const met = (rule: string) => sql`rule_id = ${rule} AND counts AND met_at IS NOT NULL`;
  const seconds = sql`extract(epoch FROM met_at - started_at)`;
  const parts = [
    // A1 及时签收 (C8) and 按期办结 (C10): the duties that count, on time or not (dutyPart).
    part(
      sql`unit_id`,
      sql`due_at`,
      {
        sign_due: sql`count(*) FILTER (WHERE rule_id = 'C8' AND counts)`,
        sign_on_time: sql`count(*) FILTER (WHERE rule_id = 'C8' AND counts AND on_time)`,
        finish_due: sql`count(*) FILTER (WHERE rule_id = 'C10' AND counts)`,
        finish_on_time: sql`count(*) FILTER (WHERE rule_id = 'C10' AND counts AND on_time)`,
        sign_seconds: sql`coalesce(sum(${seconds}) FILTER (WHERE ${met('C8')}), 0)`,
        sign_met: sql`count(*) FILTER (WHERE ${met('C8')})`,
        finish_seconds: sql`coalesce(sum(${seconds}) FILTER (WHERE ${met('C10')}), 0)`,
        finish_met: sql`count(*) FILTER (WHERE ${met('C10')})`,
      },
      sql`FROM duties`,
    ),
    // A1 一次性完工: cases led by the unit closed (state closed) in the range; rounds = 1 is first-time.
    part(
      sql`c.lead_unit_id`,
      sql`c.feedback_at`,
      { closed: sql`count(*)`, first_time: sql`count(*) FILTER (WHERE c.rounds = 1)` },
      sql`FROM cases c
        WHERE c.state = 'closed' AND ${inRange(sql`c.feedback_at`)} AND ${owned(sql`c.lead_unit_id`)}`,
    ),
    // A1 群众满意: ratings, and approved extensions, on the cases the unit leads now.
    part(
      sql`c.lead_unit_id`,
      sql`e.occurred_at`,
      {
        satisfied: sql`count(*) FILTER (WHERE e.kind = 'case.rate_satisfied')`,
        unsatisfied: sql`count(*) FILTER (WHERE e.kind = 'case.rate_unsatisfied')`,
        extended: sql`count(*) FILTER (WHERE e.kind = 'case.approve_extension')`,
      },
      sql`FROM events e
        JOIN cases c ON c.id = (CASE WHEN e.subject_type = 'case' THEN e.subject_id::uuid END)
        WHERE e.kind IN ('case.rate_satisfied', 'case.rate_unsatisfied', 'case.approve_extension')
          AND ${inRange(sql`e.occurred_at`)} AND ${owned(sql`c.lead_unit_id`)}`,
    ),
    // Received: dispatches naming the unit as lead. Dispatched: made by the unit (its centre).
    part(
      sql`(CASE WHEN e.kind = 'case.dispatch' THEN (e.payload->>'leadUnitId')::uuid END)`,
      sql`e.occurred_at`,
      { received: sql`count(*)` },
      sql`FROM events e WHERE e.kind = 'case.dispatch' AND ${inRange(sql`e.occurred_at`)}`,
    ),
    part(
      sql`e.actor_org_id`,
      sql`e.occurred_at`,
      { dispatched: sql`count(*)` },
      sql`FROM events e WHERE e.kind = 'case.dispatch' AND ${inRange(sql`e.occurred_at`)}`,
    ),
    part(
      sql`r.unit_id`,
      sql`r.returned_at`,
      {
        returned: sql`count(*)`,
        returned_agreed: sql`count(*) FILTER (WHERE r.decision = 'agreed')`,
        returned_refused: sql`count(*) FILTER (WHERE r.decision = 'refused')`,
        returned_pending: sql`count(*) FILTER (WHERE r.decision IS NULL)`,
      },
      sql`FROM case_returns r WHERE ${inRange(sql`r.returned_at`)}`,
    ),
  ];
  if (options.breaches) {
    // A2: breached duties due in the range, by kind of subject (automatic points).
    parts.push(
      part(
        sql`o.unit_id`,
        sql`o.due_at`,
        {
          breaches: sql`count(*) FILTER (WHERE o.subject_type IN ('case', 'case_task'))`,
          consultation_breaches: sql`count(*) FILTER (WHERE o.subject_type IN ('ledger_item', 'consultation_item'))`,
        },
        sql`FROM obligations o
          WHERE o.state = 'breached' AND ${inRange(sql`o.due_at`)} AND ${owned(sql`o.unit_id`)}`,
      ),
    );
  }
  return sql`${dutyPart(owned, inRange, now)},
    unit_figures AS (
      SELECT unit_id, day, ${figureList((f) => sql`sum(${sql.raw(f)}) AS ${sql.raw(f)}`)}
      FROM (${sql.join(parts, sql` UNION ALL `)}) AS p
      GROUP BY unit_id, day
    )`;
}

/**
 * A1 及时签收 (C8) and 按期办结 (C10): the duties of the unit due in the range, whether
 * each counts and whether it was met on time (the table in docs/ASSESSMENT.md), as the
 * CTEs `returned` and `duties`. `returned` gives each duty the decided return its
 * dispatch ended in: the unit's first return of the case at or after the duty started,
 * with no new dispatch (a C8 duty of the case starting) in between. It is found from the
 * returns (few) to their cases' duties, not looked up once per duty.
 */
function dutyPart(owned: (col: SQL) => SQL, inRange: (col: SQL) => SQL, now: Date): SQL {
  return sql`returned AS (
      SELECT DISTINCT ON (o.id) o.id AS duty_id, r.counts_against
      FROM case_returns r
      JOIN obligations o ON o.subject_type = 'case' AND o.subject_id = r.case_id::text AND o.unit_id = r.unit_id
        AND o.rule_id IN ('C8', 'C10') AND ${inRange(sql`o.due_at`)} AND r.returned_at >= o.started_at
      WHERE r.counts_against IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM obligations n
          WHERE n.subject_type = 'case' AND n.subject_id = o.subject_id AND n.rule_id = 'C8'
            AND n.started_at > o.started_at AND n.started_at < r.returned_at)
      ORDER BY o.id, r.returned_at
    ),
    duties AS (
      SELECT o.unit_id, o.rule_id, o.met_at, o.started_at, o.due_at,
             CASE
               -- An agreed return: the dispatch was the routing's mistake, not the unit's.
               WHEN ret.counts_against = 'routing' THEN false
               -- A refused return: what the return cancelled counts as not on time.
               WHEN o.state = 'cancelled' THEN coalesce(ret.counts_against = 'department', false)
               WHEN o.state IN ('met', 'breached') THEN true
               -- Running past due: counts, not on time. A settled day ended before its
               -- settling, so every duty of it running then was past due (settle-days.ts).
               WHEN o.state = 'running' THEN o.due_at <= ${now}
               ELSE false -- waived; paused (not decided yet)
             END AS counts,
             coalesce(o.met_at <= o.due_at, false) AS on_time
      FROM obligations o
      LEFT JOIN returned ret ON ret.duty_id = o.id
      WHERE o.rule_id IN ('C8', 'C10') AND o.subject_type IN ('case', 'case_task')
        AND ${inRange(sql`o.due_at`)} AND ${owned(sql`o.unit_id`)}
    )`;
}
