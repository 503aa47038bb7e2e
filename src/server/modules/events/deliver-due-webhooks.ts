import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import type { WebhookSender } from './send-webhook.ts';
import { isDelivered, nextAttemptAfterFailure } from './webhook-retry.ts';
import { signWebhook } from './webhook-signature.ts';
import {
  claimDueDeliveries,
  type DeliveryJob,
  loadDeliveryJobs,
  recordAttempt,
} from './webhooks.repository.ts';

export interface DeliverDueWebhooksOptions {
  db: Db;
  clock: Clock;
  send: WebhookSender;
  /** How long a claim holds off other workers: longer than a send can take. */
  leaseMs: number;
  /** Most deliveries sent in one run (in parallel). */
  limit?: number;
}

export interface DeliveryRunReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the deliveries that are due. They are claimed in a short transaction
 * first and sent outside it: no row lock or connection is held while waiting on
 * someone else's server (on PGlite a held transaction would stop the whole app).
 */
export async function deliverDueWebhooks(options: DeliverDueWebhooksOptions): Promise<DeliveryRunReport> {
  const { db, clock } = options;
  const token = randomUUID();
  const now = clock.now();
  const ids = await db.transaction((tx) =>
    claimDueDeliveries(tx, {
      now,
      leaseUntil: new Date(now.getTime() + options.leaseMs),
      token,
      limit: options.limit ?? 50,
    }),
  );
  const jobs = await loadDeliveryJobs(db, ids, token);
  const report: DeliveryRunReport = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    jobs.map(async (job) => {
      const state = await attempt(options, job, token);
      if (state === 'delivered') report.delivered += 1;
      else if (state === 'pending') report.retrying += 1;
      else report.failed += 1;
    }),
  );
  return report;
}

async function attempt(
  options: DeliverDueWebhooksOptions,
  job: DeliveryJob,
  token: string,
): Promise<'delivered' | 'pending' | 'failed'> {
  const at = options.clock.now();
  const timestamp = Math.floor(at.getTime() / 1000);
  const body = JSON.stringify(webhookBody(job.event));
  const response = await options.send({
    url: job.url,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Luoshi-Webhooks',
      'x-luoshi-event': job.event.kind,
      'x-luoshi-delivery': job.deliveryId,
      'x-luoshi-timestamp': String(timestamp),
      'x-luoshi-signature': signWebhook(job.secret, timestamp, body),
    },
    body,
  });
  const number = job.attempts + 1;
  const delivered = isDelivered(response.statusCode);
  const next = delivered ? null : nextAttemptAfterFailure(number, at);
  const state = delivered ? 'delivered' : next ? 'pending' : 'failed';
  await options.db.transaction((tx) =>
    recordAttempt(tx, {
      deliveryId: job.deliveryId,
      token,
      attempt: number,
      at,
      statusCode: response.statusCode,
      error: delivered ? null : response.error,
      durationMs: response.durationMs,
      state,
      nextAttemptAt: next,
    }),
  );
  return state;
}

/** The JSON a receiver gets: the event as the log holds it, times in +08:00. */
export function webhookBody(event: DeliveryJob['event']) {
  return {
    id: event.id.toString(),
    kind: event.kind,
    occurredAt: toIsoShanghai(event.occurredAt),
    subject: { type: event.subjectType, id: event.subjectId },
    actorId: event.actorId,
    payload: event.payload,
  };
}
