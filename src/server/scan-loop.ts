import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './http/context.ts';
import { scanObligations } from './modules/obligations/index.ts';

/**
 * The edge timer that drives the one obligation scanner: every SCAN_INTERVAL_SECONDS
 * it reloads the calendar and the grid index (another process may have changed
 * them) and scans. Runs
 * never overlap; a failed run is logged and the next one tries again.
 */
export function startScanLoop(ctx: AppContext, log: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
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
