import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { dayNumber, dayNumberOf, dayStart, dayText } from './assessment-days.ts';
import { FIGURES, figureList, figureParts } from './indicator-figures.ts';
import { MAX_PERIOD_DAYS } from './indicator-period.ts';
import { rows } from './indicators.repository.ts';

/** The advisory lock class of a day (migration 0012: the triggers take it shared). */
const DAY_LOCK = 410001;

export interface SettleDaysOptions {
  db: Db;
  /** Only days before the clock's day (Asia/Shanghai) are settled. */
  clock: Clock;
  /** The days to (re)compute, `YYYY-MM-DD`. */
  days: readonly string[];
}

export interface SettledDays {
  /** The days written, in order. */
  settled: string[];
  /** Days left alone: today or later, or in use by an open change (settled on a later pass). */
  skipped: string[];
}

const dayList = (days: readonly string[]): SQL =>
  sql.join(
    days.map((d) => sql`${d}::date`),
    sql`, `,
  );

/**
 * A1: (re)computes the figures of the given days for every unit (assessment_daily), with
 * the formulas of the live statement (figureParts), in one transaction: each day's old
 * rows and dirty mark go, its new rows and settled mark come. A day is taken only when
 * its advisory lock is free: a change to the day in an open transaction holds the lock
 * shared (the triggers of migration 0012), so the figures read here contain every
 * change committed to the day, and a later change marks the day dirty again.
 */
export async function settleDays(options: SettleDaysOptions): Promise<SettledDays> {
  const now = options.clock.now();
  const today = dayNumberOf(now);
  const asked = [...new Set(options.days)].sort();
  const past = asked.filter((d) => dayNumber(d) < today);
  if (past.length === 0) return { settled: [], skipped: asked };
  return options.db.transaction(async (tx) => {
    const locked = await rows<{ day: string }>(
      tx,
      sql`SELECT d::text AS day FROM unnest(ARRAY[${dayList(past)}]) AS d
          WHERE pg_try_advisory_xact_lock(${sql.raw(String(DAY_LOCK))}, d - DATE '2000-01-01') ORDER BY d`,
    );
    const days = locked.map((r) => r.day);
    const skipped = asked.filter((d) => !days.includes(d));
    if (days.length === 0) return { settled: [], skipped };
    // One large statement run once: compiling it (PostgreSQL's JIT) costs more than it saves.
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`DELETE FROM assessment_daily WHERE day IN (${dayList(days)})`);
    await tx.execute(sql`DELETE FROM assessment_dirty_days WHERE day IN (${dayList(days)})`);
    const inRange = (col: SQL) =>
      sql`(${sql.join(
        days.map(
          (d) => sql`(${col} >= ${dayStart(dayNumber(d))} AND ${col} < ${dayStart(dayNumber(d) + 1)})`,
        ),
        sql` OR `,
      )})`;
    // `now` is after the end of every day settled: a duty still running counts as past due.
    const parts = figureParts({ inRange, owned: null, now, byDay: true, breaches: true });
    const columns = figureList((f) => sql.raw(f));
    await tx.execute(
      sql`INSERT INTO assessment_daily (unit_id, day, ${columns})
          WITH ${parts}
          SELECT unit_id, day, ${columns} FROM unit_figures
          WHERE unit_id IS NOT NULL AND (${sql.join(
            FIGURES.map((f) => sql`${sql.raw(f)} <> 0`),
            sql` OR `,
          )})`,
    );
    await tx.execute(
      sql`INSERT INTO assessment_settled_days (day, settled_at)
          SELECT d, ${now} FROM unnest(ARRAY[${dayList(days)}]) AS d
          ON CONFLICT (day) DO UPDATE SET settled_at = excluded.settled_at`,
    );
    return { settled: days, skipped };
  });
}

export interface SettlePendingOptions {
  db: Db;
  clock: Clock;
  /** At most this many days in one pass (one statement reads them all at once). */
  limit?: number;
}

/**
 * A1: one background pass: the days marked dirty and the days not settled yet within
 * MAX_PERIOD_DAYS before today (yesterday first, after midnight), at most `limit` of
 * them, newest first, settled together. Returns what was done; nothing to do is a pass
 * with empty lists.
 */
export async function settlePendingDays(options: SettlePendingOptions): Promise<SettledDays> {
  const today = dayNumberOf(options.clock.now());
  const pending = await rows<{ day: string }>(
    options.db,
    sql`SELECT day::text AS day FROM (
          SELECT g::date AS day
          FROM generate_series(${dayText(today - MAX_PERIOD_DAYS)}::date, ${dayText(today - 1)}::date,
                               interval '1 day') AS g
          WHERE NOT EXISTS (SELECT 1 FROM assessment_settled_days s WHERE s.day = g::date)
          UNION
          SELECT day FROM assessment_dirty_days WHERE day < ${dayText(today)}::date
        ) AS p
        ORDER BY day DESC LIMIT ${options.limit ?? 31}`,
  );
  if (pending.length === 0) return { settled: [], skipped: [] };
  return settleDays({ db: options.db, clock: options.clock, days: pending.map((r) => r.day) });
}
