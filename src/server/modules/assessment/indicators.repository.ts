import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { dayNumber, dayText, liveRanges, settleableDays } from './assessment-days.ts';
import { figureList, figureParts } from './indicator-figures.ts';

/** The kinds of unit A1 assesses (docs/ASSESSMENT.md: centres and offices owe none of the rates). */
export const ASSESSED_KINDS = [
  'department',
  'enterprise',
  'township',
  'agency',
  'community',
  'grid',
] as const;

export interface ComputeIndicatorsOptions {
  /** The units to report: these ids, or every assessed unit whose path starts with `under`. */
  units: { ids: readonly string[] } | { under: string };
  /** The period [from, to) as instants (docs/ASSESSMENT.md: Shanghai days). */
  from: Date;
  to: Date;
  /** "Overdue now" and "running past due" are measured at this time. */
  now: Date;
  /** Sum each unit's subtree instead of its own duties and cases. */
  rollUp?: boolean;
  /** Use the settled days (default); false computes every day live (tests, benchmarks). */
  settled?: boolean;
  /** Count "overdue now" (default); a ranking does not show it. */
  overdue?: boolean;
  /** Count A2's breaches due in the period (`breaches`, `consultationBreaches`); default false. */
  breaches?: boolean;
}

/** One unit's raw figures; read-indicators.ts turns them into rates. */
export interface IndicatorRow {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  signDue: number;
  signOnTime: number;
  finishDue: number;
  finishOnTime: number;
  closed: number;
  firstTime: number;
  satisfied: number;
  unsatisfied: number;
  received: number;
  dispatched: number;
  returned: number;
  returnedAgreed: number;
  returnedRefused: number;
  returnedPending: number;
  overdueNow: number;
  extended: number;
  avgSignHours: number | null;
  avgFinishHours: number | null;
  /** A2: breached duties due in the period (cases and tasks; ledger and consultation items); 0 unless asked. */
  breaches: number;
  consultationBreaches: number;
}

/** Both drivers answer a raw statement with `{rows}`. */
export async function rows<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * A1: the four rates' numerators and denominators and the counts beside them, for each
 * unit asked, in one statement (docs/ASSESSMENT.md has every formula). The figures of a
 * period are the settled days' rows (assessment_daily: whole days before today, not
 * dirty) plus the live computation of the rest (figureParts, the same formulas: today,
 * dirty or unsettled days, a partial day). Each part counts per owning unit first (a few
 * hundred groups, however many rows), then sums those to the targets through `owners`:
 * a unit with the target it counts for — itself, or rolled up every target above it. A
 * unit with nothing gets zeros. "Overdue now" is always live.
 */
export async function computeIndicators(db: Db, options: ComputeIndicatorsOptions): Promise<IndicatorRow[]> {
  const { from, to, now } = options;
  const rollUp = options.rollUp ?? false;
  const settled = options.settled === false ? [] : await settledDays(db, from, to, now);
  const live = liveRanges(from, to, settled);
  const filter =
    'ids' in options.units
      ? options.units.ids.length === 0
        ? sql`false`
        : sql`u.id IN (${list(options.units.ids)})`
      : sql`u.path LIKE ${`${options.units.under}%`} AND u.kind IN (${list(ASSESSED_KINDS)})`;
  const inRange = (col: SQL) =>
    live.length === 0
      ? sql`false`
      : sql`(${sql.join(
          live.map((r) => sql`(${col} >= ${r.from} AND ${col} < ${r.to})`),
          sql` OR `,
        )})`;
  // Only the units that count for a target (lets a one-unit question read by unit_id).
  const owned = (col: SQL) => sql`${col} IN (SELECT unit_id FROM owners)`;
  const parts = figureParts({ inRange, owned, now, byDay: false, breaches: options.breaches ?? false });
  const columns = figureList((f) => sql.raw(f));
  const settledRows =
    settled.length === 0
      ? sql``
      : sql`UNION ALL SELECT unit_id, ${columns} FROM assessment_daily
          WHERE day IN (${sql.join(
            settled.map((d) => sql`${dayText(d)}::date`),
            sql`, `,
          )})`;
  const overdue =
    options.overdue === false
      ? sql`SELECT NULL::uuid AS target, 0 AS overdue WHERE false`
      : sql`SELECT w.id AS target, sum(p.overdue)::int AS overdue
          FROM (
            -- Every duty the unit owes, of any rule, overdue at "now".
            SELECT o.unit_id, count(*) AS overdue
            FROM obligations o
            WHERE ((o.state = 'running' AND o.due_at <= ${now}) OR (o.state = 'breached' AND o.met_at IS NULL))
              AND ${owned(sql`o.unit_id`)}
            GROUP BY o.unit_id
          ) p JOIN owners w ON w.unit_id = p.unit_id GROUP BY w.id`;

  return rows<IndicatorRow>(
    db,
    sql`WITH targets AS (
      SELECT u.id, u.code, u.name, u.kind, u.path, u.level FROM org_units u WHERE ${filter}
    ),
    ${rollUp ? ownersPart : sql`owners AS (SELECT t.id AS unit_id, t.id FROM targets t)`},
    ${parts},
    unit_sums AS (
      -- The live part and the settled days, per owing unit.
      SELECT unit_id, ${figureList((f) => sql`sum(${sql.raw(f)}) AS ${sql.raw(f)}`)}
      FROM (SELECT unit_id, ${columns} FROM unit_figures ${settledRows}) AS s
      GROUP BY unit_id
    ),
    totals AS (
      SELECT w.id AS target, ${figureList((f) =>
        f.endsWith('seconds')
          ? sql`sum(p.${sql.raw(f)}) AS ${sql.raw(f)}`
          : sql`sum(p.${sql.raw(f)})::int AS ${sql.raw(f)}`,
      )}
      FROM unit_sums p JOIN owners w ON w.unit_id = p.unit_id GROUP BY w.id
    ),
    dispatched AS (
      -- Dispatches made for the unit, or for a division's own centre (rolled up: in its subtree).
      SELECT t.id AS target, sum(p.dispatched)::int AS dispatched
      FROM unit_sums p ${
        rollUp
          ? sql`JOIN owners t ON t.unit_id = p.unit_id`
          : sql`JOIN org_units au ON au.id = p.unit_id
                JOIN targets t ON (au.id = t.id OR (au.kind = 'centre' AND au.parent_id = t.id))`
      }
      GROUP BY t.id
    ),
    overdue AS (${overdue})
    SELECT t.id AS "unitId", t.code AS "code", t.name AS "name", t.kind AS "kind",
           coalesce(d.sign_due, 0) AS "signDue", coalesce(d.sign_on_time, 0) AS "signOnTime",
           coalesce(d.finish_due, 0) AS "finishDue", coalesce(d.finish_on_time, 0) AS "finishOnTime",
           coalesce(d.closed, 0) AS "closed", coalesce(d.first_time, 0) AS "firstTime",
           coalesce(d.satisfied, 0) AS "satisfied", coalesce(d.unsatisfied, 0) AS "unsatisfied",
           coalesce(d.received, 0) AS "received", coalesce(dp.dispatched, 0) AS "dispatched",
           coalesce(d.returned, 0) AS "returned", coalesce(d.returned_agreed, 0) AS "returnedAgreed",
           coalesce(d.returned_refused, 0) AS "returnedRefused", coalesce(d.returned_pending, 0) AS "returnedPending",
           coalesce(od.overdue, 0) AS "overdueNow", coalesce(d.extended, 0) AS "extended",
           coalesce(d.breaches, 0) AS "breaches", coalesce(d.consultation_breaches, 0) AS "consultationBreaches",
           -- The mean hours as total seconds over met duties, the same numeric division as avg.
           (d.sign_seconds / nullif(d.sign_met, 0) / 3600)::float8 AS "avgSignHours",
           (d.finish_seconds / nullif(d.finish_met, 0) / 3600)::float8 AS "avgFinishHours"
    FROM targets t
    LEFT JOIN totals d ON d.target = t.id
    LEFT JOIN dispatched dp ON dp.target = t.id
    LEFT JOIN overdue od ON od.target = t.id
    ORDER BY t.level, t.kind, t.code`,
  );
}

/**
 * The settled days of the period that may stand for its figures: whole days inside
 * [from, to), before the day of `now`, settled and not marked dirty since.
 */
async function settledDays(db: Db, from: Date, to: Date, now: Date): Promise<number[]> {
  const { first, end } = settleableDays(from, to, now);
  if (first >= end) return [];
  const found = await rows<{ day: string }>(
    db,
    sql`SELECT s.day::text AS day FROM assessment_settled_days s
        WHERE s.day >= ${dayText(first)}::date AND s.day < ${dayText(end)}::date
          AND NOT EXISTS (SELECT 1 FROM assessment_dirty_days d WHERE d.day = s.day)`,
  );
  return found.map((r) => dayNumber(r.day));
}

/**
 * Rolled up: every unit with each target whose subtree holds it, as the CTE `owners`
 * (unit_id, id = the target). A path is the chain of ids from the root (org.tables.ts),
 * so those targets are among the ids in the unit's path; the prefix test is kept, on
 * these few pairs.
 */
export const ownersPart = sql`owners AS (
      SELECT u.id AS unit_id, t.id
      FROM org_units u
      CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(ancestor)
      JOIN targets t ON t.id::text = a.ancestor AND u.path LIKE t.path || '%'
    )`;
