/**
 * Issue 3 (b): the scanner over 1 000 000 running obligations, on PGlite and on
 * PostgreSQL. Target: under 100 ms per scan on PostgreSQL. A scan that finds work
 * (500 due, 500 to warn) and the steady-state scan that finds none are both measured.
 */
import { ManualClock } from '../../src/server/core/clock.ts';
import type { Database } from '../../src/server/db/client.ts';
import { scanObligations } from '../../src/server/modules/obligations/index.ts';
import { type Measurement, median, type Suite, time, withDatabase } from '../harness.ts';

const ROWS = Number(process.env.BENCH_OBLIGATIONS ?? 1_000_000);
const NOW = new Date('2026-09-21T10:00:00+08:00');

async function fill(database: Database): Promise<void> {
  const [unit] = await database.query<{ id: string }>(
    `INSERT INTO org_units (code, name, kind, level, path, created_at)
     VALUES ('bench', '压测单位', 'department', 0, '/bench/', now()) RETURNING id`,
  );
  // Running duties due over the next months; the first 500 are already due and the
  // next 500 past their warning time, so a scan has real work to do once.
  await database.query(
    `INSERT INTO obligations (subject_type, subject_id, rule_id, unit_id, deadline, started_at, base_due_at, due_at,
                              warn_at, warn_ratio, state, created_at)
     SELECT 'bench', i::text, 'C8', $1, '2h', $2::timestamptz - interval '1 hour', d, d, w, 0.8, 'running', now()
     FROM (
       SELECT i,
              CASE WHEN i <= 500 THEN $2::timestamptz - interval '1 minute'
                   ELSE $2::timestamptz + (i || ' seconds')::interval END AS d,
              CASE WHEN i <= 1000 THEN $2::timestamptz - interval '2 minutes'
                   ELSE $2::timestamptz + (i || ' seconds')::interval - interval '1 minute' END AS w
       FROM generate_series(1, ${ROWS}) AS i
     ) AS s`,
    [unit?.id, NOW.toISOString()],
  );
  await database.query('ANALYZE obligations');
}

async function scanBench(kind: 'pglite' | 'postgresql'): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withDatabase(kind, async (database) => {
    const filled = await time(() => fill(database));
    const clock = new ManualClock(NOW);
    const first = await time(() => scanObligations({ db: database.db, clock }));
    const steady: number[] = [];
    for (let i = 0; i < 20; i++)
      steady.push((await time(() => scanObligations({ db: database.db, clock }))).ms);
    const steadyMs = Math.round(median(steady) * 10) / 10;
    out.push({
      name: `scanner.steady.${kind}`,
      unit: 'ms/scan',
      value: steadyMs,
      ...(kind === 'postgresql'
        ? { target: { value: 100, unit: 'ms', comparison: '<', met: steadyMs < 100 } }
        : {}),
      detail: { runningObligations: ROWS, scans: steady.length, fillMs: Math.round(filled.ms) },
    });
    out.push({
      name: `scanner.with-work.${kind}`,
      unit: 'ms/scan',
      value: Math.round(first.ms),
      detail: {
        ...first.result,
        note: 'one scan writing every breach and warning with its event and notification',
      },
    });
  });
  return out;
}

export const scanner: Suite = {
  name: 'scanner',
  run: async () => [...(await scanBench('postgresql')), ...(await scanBench('pglite'))],
};
