/**
 * A1: what the three day indexes (migration 0013: obligations.due_at, cases.feedback_at,
 * case_returns.returned_at) save when the scan loop settles one day made dirty by a late
 * change. On PostgreSQL, `BENCH_SETTLE_CASES` cases (200 000) of one month (the data of
 * the assessment suite), the month settled; then one dirty day settled again
 * `BENCH_SETTLE_RUNS` times (3) with the indexes, and as often after dropping them (in the
 * same database, analysed again); the medians are reported with their ratio.
 */
import { loadavg } from 'node:os';
import { parseConfig } from '../../src/server/config.ts';
import { ManualClock } from '../../src/server/core/clock.ts';
import type { Database } from '../../src/server/db/client.ts';
import { settleDays } from '../../src/server/modules/assessment/settle-days.ts';
import { authSettingsFrom } from '../../src/server/modules/auth/index.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { type Measurement, median, type Suite, time, withDatabase } from '../harness.ts';
import { fillMonth, NOW } from './assessment-data.ts';

const CASES = Number(process.env.BENCH_SETTLE_CASES ?? 200_000);
const RUNS = Number(process.env.BENCH_SETTLE_RUNS ?? 3);
const DAY = '2026-09-15';
const DAY_INDEXES = ['obligations_due_idx', 'cases_feedback_at_idx', 'case_returns_returned_at_idx'];

const round = (ms: number) => Math.round(ms * 10) / 10;

function monthDays(): string[] {
  return Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, '0')}`);
}

/** Marks DAY dirty as a late change does (a breached sign-in duty of that day met now), then settles it. */
async function settleDirtyDay(database: Database, clock: ManualClock): Promise<number> {
  await database.query(
    `UPDATE obligations SET state = 'met', met_at = $1
     WHERE id = (SELECT id FROM obligations WHERE rule_id = 'C8' AND state = 'breached' AND met_at IS NULL
                   AND due_at >= $2 AND due_at < $3 LIMIT 1)`,
    [NOW, new Date(`${DAY}T00:00:00+08:00`), new Date(`${DAY}T23:59:59+08:00`)],
  );
  const dirty = await database.query<{ day: string }>('SELECT day::text AS day FROM assessment_dirty_days');
  if (dirty.map((d) => d.day).join() !== DAY) throw new Error(`dirty days: ${JSON.stringify(dirty)}`);
  const run = await time(() => settleDays({ db: database.db, clock, days: [DAY] }));
  if (run.result.settled.join() !== DAY) throw new Error(`not settled: ${JSON.stringify(run.result)}`);
  return run.ms;
}

async function settleBench(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withDatabase('postgresql', async (database) => {
    const clock = new ManualClock('2026-08-20T09:00:00+08:00');
    const settings = authSettingsFrom(parseConfig({ LOG_LEVEL: 'silent', DEMO_MODE: 'true' }));
    await seedDemo({ db: database.db, clock, settings });
    const filled = await time(() => fillMonth(database, CASES));
    clock.set(NOW);
    await database.query('ANALYZE');
    const month = await time(() => settleDays({ db: database.db, clock, days: monthDays() }));
    const loadBefore = loadavg()[0];
    const withIndexes: number[] = [];
    for (let i = 0; i < RUNS; i++) withIndexes.push(await settleDirtyDay(database, clock));
    for (const index of DAY_INDEXES) await database.query(`DROP INDEX ${index}`);
    await database.query('ANALYZE');
    const without: number[] = [];
    for (let i = 0; i < RUNS; i++) without.push(await settleDirtyDay(database, clock));
    const detail = {
      cases: CASES,
      runs: RUNS,
      loadBefore: round(loadBefore ?? 0),
      loadAfter: round(loadavg()[0] ?? 0),
      fillSeconds: Math.round(filled.ms / 1000),
      settleMonthMs: round(month.ms),
      withIndexesMs: withIndexes.map(round),
      withoutIndexesMs: without.map(round),
    };
    out.push(
      {
        name: 'assessment.settle-dirty-day.indexed.postgresql',
        unit: 'ms',
        value: round(median(withIndexes)),
        detail: {
          ...detail,
          note: `settleDays of ${DAY} after a late change, indexes ${DAY_INDEXES.join(', ')}`,
        },
      },
      {
        name: 'assessment.settle-dirty-day.unindexed.postgresql',
        unit: 'ms',
        value: round(median(without)),
        detail: { cases: CASES, note: 'the same, after DROP INDEX of the three and ANALYZE' },
      },
      {
        name: 'assessment.settle-dirty-day.speedup',
        unit: 'ratio',
        value: Math.round((median(without) / median(withIndexes)) * 10) / 10,
        detail: { note: 'unindexed ÷ indexed median' },
      },
    );
  });
  return out;
}

export const assessmentSettle: Suite = { name: 'assessment-settle', run: settleBench };
