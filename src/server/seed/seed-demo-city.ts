import { ManualClock } from '../core/clock.ts';
import type { AppContext } from '../http/context.ts';
import { seedDemo } from './demo.ts';
import { type DemoHistoryReport, demoHistoryStart, seedDemoHistory } from './demo-history.ts';

export interface SeedDemoCityOptions {
  ctx: AppContext;
  /** Also replay the month of case history (DEMO_HISTORY). */
  history: boolean;
  /** Calls in 30 days of history (DEMO_HISTORY_CASES by default). */
  cases?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

/**
 * The demo city for `luoshi serve` and `luoshi seed demo`: seeds it into an empty
 * database (nothing when not empty) and, with `history`, replays its last month. With
 * history the city is seeded as of the history's first day, so no case predates its
 * grid or its people. Returns the history's report, `true` without history, `false`
 * when nothing was seeded.
 */
export async function seedDemoCity(options: SeedDemoCityOptions): Promise<DemoHistoryReport | boolean> {
  const { ctx } = options;
  const start = options.history ? demoHistoryStart(ctx.clock.now()) : null;
  const seeded = await seedDemo({
    db: ctx.db,
    clock: start ? new ManualClock(start) : ctx.clock,
    settings: ctx.auth,
  });
  if (!seeded) return false;
  await ctx.grids.reload(ctx.db);
  if (!start) return true;
  return seedDemoHistory({
    db: ctx.db,
    clock: ctx.clock,
    calendar: ctx.calendar.current(),
    grids: ctx.grids.current(),
    files: ctx.files,
    settings: ctx.auth,
    warnRatio: ctx.config.OBLIGATION_WARN_RATIO,
    photoMaxBytes: ctx.config.PHOTO_MAX_BYTES,
    cases: options.cases,
    log: options.log,
  });
}
