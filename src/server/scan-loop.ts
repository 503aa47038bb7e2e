import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './http/context.ts';
import { settlePendingDays } from './modules/assessment/index.ts';
import { scanObligations } from './modules/obligations/index.ts';

/** Settling the assessment's days (A1) runs at most this often. */
const SETTLE_EVERY_MS = 5 * 60_000;

/**
 * The edge timer that drives the one obligation scanner: every SCAN_INTERVAL_SECONDS
 * it reloads the calendar and the grid index (another process may have changed
 * them) and scans; then it settles the assessment's days (A1, docs/ASSESSMENT.md):
 * yesterday once past midnight, and the days a change marked dirty — after the scan,
 * so the breaches of a day are recorded before it is settled; at most every 5 minutes.
 * Runs never overlap; a failed run is logged and the next one tries again.
 */
export function startScanLoop(ctx: AppContext, log: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let lastSettle = Number.NEGATIVE_INFINITY;
  const run = async () => {
    try {
      await ctx.calendar.reload(ctx.db);
      await ctx.grids.reload(ctx.db);
      const result = await scanObligations({ db: ctx.db, clock: ctx.clock });
      if (result.warned + result.breached > 0) {
        log.info(result, 'obligation scan');
        ctx.bus.wake();
      }
    } catch (err) {
      log.error({ err }, 'obligation scan failed');
    }
    // Settling a day reads the whole tables (about 10 s at a million cases a month), so
    // it runs at most every SETTLE_EVERY_MS; meanwhile a dirty day is computed live.
    const now = ctx.clock.now().getTime();
    if (now - lastSettle >= SETTLE_EVERY_MS) {
      lastSettle = now;
      try {
        const settled = await settlePendingDays({ db: ctx.db, clock: ctx.clock });
        if (settled.settled.length > 0) log.info(settled, 'assessment days settled');
      } catch (err) {
        log.error({ err }, 'assessment settling failed');
      }
    }
  };
  const timer = setInterval(() => {
    if (!running) running = run().finally(() => (running = null));
  }, ctx.config.SCAN_INTERVAL_SECONDS * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
