import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { type DeliveryRunReport, deliverDueWebhooks } from './deliver-due-webhooks.ts';
import { enqueueWebhookDeliveries } from './enqueue-webhook-deliveries.ts';
import { fetchSender } from './send-webhook.ts';

export interface RunWebhookWorkerOptions {
  db: Db;
  clock: Clock;
  /** The HTTP client (global fetch by default); tests may pass their own. */
  fetchImpl?: typeof fetch;
  /** Give up on an answer after this long (default 10 s). */
  timeoutMs?: number;
}

/** Room beyond the timeout before another worker may take over a claimed delivery. */
const LEASE_MARGIN_MS = 60_000;

/**
 * One pass of the webhook worker: queue deliveries for new events, then send the
 * due ones. Several processes may run it at the same time; no delivery is sent
 * twice by them (see claimDueDeliveries).
 */
export async function runWebhookWorkerOnce(
  options: RunWebhookWorkerOptions,
): Promise<DeliveryRunReport & { queued: number }> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const queued = await enqueueWebhookDeliveries({ db: options.db, clock: options.clock });
  const report = await deliverDueWebhooks({
    db: options.db,
    clock: options.clock,
    send: fetchSender({ fetchImpl: options.fetchImpl, timeoutMs }),
    leaseMs: timeoutMs + LEASE_MARGIN_MS,
  });
  return { queued, ...report };
}

export interface WebhookWorkerSettings {
  /** Pause between passes. */
  intervalMs: number;
  timeoutMs?: number;
  /** Where a failed pass is reported (the next pass runs regardless). */
  onError?: (error: unknown) => void;
}

/**
 * Runs the worker every `intervalMs` until stopped. This is the server's edge, so
 * it may use timers; the passes themselves take their time from the clock.
 */
export function startWebhookWorker(
  ctx: { db: Db; clock: Clock },
  settings: WebhookWorkerSettings,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const onError =
    settings.onError ?? ((error: unknown) => console.error('webhook worker pass failed', error));

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runWebhookWorkerOnce({ db: ctx.db, clock: ctx.clock, timeoutMs: settings.timeoutMs })
        .then(() => undefined, onError)
        .finally(schedule);
    }, settings.intervalMs);
    // The HTTP server keeps the process alive; this timer alone should not.
    timer.unref();
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Let a pass in progress record its attempts before the database closes.
      await running;
    },
  };
}
