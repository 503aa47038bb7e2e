import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { CASE_STATES, type CaseState } from './case-flow.ts';

/** The states whose type is `closed` (closed, closed_at_grid, refused, merged), from the state table. */
export const CLOSED_STATES = (Object.keys(CASE_STATES) as CaseState[]).filter(
  (s) => CASE_STATES[s] === 'closed',
);

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * C13: the cases of a unit's subtree (`path` prefix), as a CTE named `scoped`. A case
 * belongs to the subtree when any of these lies in it:
 * - its place: the most precise of grid, community and township (`coalesce(grid_id,
 *   community_id, township_id)`; the raiser's unit when none is set);
 * - its area: the division whose centre triages it (`area_unit_id`, moved up by escalation);
 * - its lead unit (`lead_unit_id`), so a department's subtree holds the cases it leads.
 * Each row also says whether the case is overdue now: a duty of it (obligations with
 * subject `case`) breached and not met since, or running past its due time; and
 * `lead_overdue` when such a duty is owed by the lead unit itself. Closed cases owe nothing.
 */
export function scopedCases(path: string, now: Date): SQL {
  const closed = list(CLOSED_STATES);
  const overdue = (owner: SQL) => sql`c.state NOT IN (${closed}) AND EXISTS (
    SELECT 1 FROM obligations o
    WHERE o.subject_type = 'case' AND o.subject_id = c.id::text ${owner}
      AND ((o.state = 'breached' AND o.met_at IS NULL) OR (o.state = 'running' AND o.due_at <= ${now})))`;
  return sql`scoped AS (
    SELECT c.id, c.number, c.category, c.state, c.rating, c.rounds, c.sla_class, c.lead_unit_id,
           c.created_at, c.feedback_at, c.feedback,
           ${overdue(sql``)} AS overdue,
           ${overdue(sql`AND o.unit_id = c.lead_unit_id`)} AS lead_overdue
    FROM cases c
    JOIN org_units area ON area.id = c.area_unit_id
    LEFT JOIN org_units place
      ON place.id = coalesce(c.grid_id, c.community_id, c.township_id, c.raiser_unit_id)
    LEFT JOIN org_units lead ON lead.id = c.lead_unit_id
    WHERE place.path LIKE ${`${path}%`} OR area.path LIKE ${`${path}%`} OR lead.path LIKE ${`${path}%`}
  )`;
}

/** Both drivers answer a raw statement with `{rows}`. */
async function rows<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export interface PeriodTotals {
  /** Raised (created) in the period. */
  raised: number;
  /** Reached a closed state in the period (feedback_at: every closing step writes it, C12). */
  closed: number;
  /** Closed in the period after handling and the grid head's satisfied rating (state `closed`). */
  verified: number;
  /** Of those, handled once (rounds = 1): first-time completion (A1 一次性完工). */
  firstTime: number;
  /** The grid head's latest rating on the cases raised in the period. */
  satisfied: number;
  unsatisfied: number;
  /** Cases of the subtree overdue now, whenever raised. */
  overdue: number;
}

/** C13: the period's totals in one statement of filtered aggregates. */
export async function periodTotals(db: Db, path: string, from: Date, to: Date, now: Date) {
  const raised = sql`s.created_at >= ${from} AND s.created_at < ${to}`;
  const closedIn = sql`s.state IN (${list(CLOSED_STATES)}) AND s.feedback_at >= ${from} AND s.feedback_at < ${to}`;
  const verified = sql`s.state = 'closed' AND s.feedback_at >= ${from} AND s.feedback_at < ${to}`;
  const [row] = await rows<PeriodTotals>(
    db,
    sql`WITH ${scopedCases(path, now)}
        SELECT count(*) FILTER (WHERE ${raised})::int AS "raised",
               count(*) FILTER (WHERE ${closedIn})::int AS "closed",
               count(*) FILTER (WHERE ${verified})::int AS "verified",
               count(*) FILTER (WHERE ${verified} AND s.rounds = 1)::int AS "firstTime",
               count(*) FILTER (WHERE ${raised} AND s.rating = 'satisfied')::int AS "satisfied",
               count(*) FILTER (WHERE ${raised} AND s.rating = 'unsatisfied')::int AS "unsatisfied",
               count(*) FILTER (WHERE s.overdue)::int AS "overdue"
        FROM scoped s`,
  );
  if (!row) throw new Error('period totals returned nothing');
  return row;
}

export interface CategoryCount {
  code: string;
  nameZh: string;
  nameEn: string;
  count: number;
}

/** Cases raised in the period by category, most first. */
export function categoryCounts(db: Db, path: string, from: Date, to: Date, now: Date) {
  return rows<CategoryCount>(
    db,
    sql`WITH ${scopedCases(path, now)}
        SELECT s.category AS "code", cat.name_zh AS "nameZh", cat.name_en AS "nameEn", count(*)::int AS "count"
        FROM scoped s JOIN categories cat ON cat.code = s.category
        WHERE s.created_at >= ${from} AND s.created_at < ${to}
        GROUP BY s.category, cat.name_zh, cat.name_en
        ORDER BY count(*) DESC, s.category`,
  );
}

/** Cases raised in the period by their state now. */
export function stateCounts(db: Db, path: string, from: Date, to: Date, now: Date) {
  return rows<{ state: string; count: number }>(
    db,
    sql`WITH ${scopedCases(path, now)}
        SELECT s.state AS "state", count(*)::int AS "count" FROM scoped s
        WHERE s.created_at >= ${from} AND s.created_at < ${to}
        GROUP BY s.state ORDER BY s.state`,
  );
}

export interface LeadUnitRow {
  unitId: string;
  name: string;
  /** Cases it leads that were raised in the period. */
  received: number;
  /** Cases it leads that were closed in the period. */
  finished: number;
  /** Cases it leads with a duty it owes overdue now. */
  overdue: number;
}

/** One row per lead unit with anything to show, busiest first. */
export function leadUnitRows(db: Db, path: string, from: Date, to: Date, now: Date) {
  const received = sql`count(*) FILTER (WHERE s.created_at >= ${from} AND s.created_at < ${to})::int`;
  const finished = sql`count(*) FILTER (WHERE s.state IN (${list(CLOSED_STATES)})
                         AND s.feedback_at >= ${from} AND s.feedback_at < ${to})::int`;
  const overdue = sql`count(*) FILTER (WHERE s.lead_overdue)::int`;
  return rows<LeadUnitRow>(
    db,
    sql`WITH ${scopedCases(path, now)}
        SELECT s.lead_unit_id AS "unitId", u.name AS "name", ${received} AS "received",
               ${finished} AS "finished", ${overdue} AS "overdue"
        FROM scoped s JOIN org_units u ON u.id = s.lead_unit_id
        GROUP BY s.lead_unit_id, u.name
        HAVING ${received} + ${finished} + ${overdue} > 0
        ORDER BY ${received} DESC, u.name`,
  );
}

export interface SpotCheckCandidateRow {
  caseId: string;
  number: string;
  slaClass: string | null;
  rounds: number;
}

/** C13: the cases of the subtree that reached a closed state in [from, to). */
export function closedCasesIn(db: Db, path: string, from: Date, to: Date, now: Date) {
  return rows<SpotCheckCandidateRow>(
    db,
    sql`WITH ${scopedCases(path, now)}
        SELECT s.id AS "caseId", s.number AS "number", s.sla_class AS "slaClass", s.rounds AS "rounds"
        FROM scoped s
        WHERE s.state IN (${list(CLOSED_STATES)}) AND s.feedback_at >= ${from} AND s.feedback_at < ${to}`,
  );
}
