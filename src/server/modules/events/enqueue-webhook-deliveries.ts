import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import {
  activeWebhookIds,
  insertDeliveries,
  lockActiveWebhook,
  matchingEvents,
  streamHeads,
  updateWebhook,
} from './webhooks.repository.ts';

export interface EnqueueWebhookDeliveriesOptions {
  db: Db;
  clock: Clock;
  /** Most events queued per webhook and stream in one run; the rest wait for the next. */
  batchSize?: number;
}

/**
 * Turns new events into pending deliveries: for each active webhook, the events
 * past its position in each stream whose kind it subscribes to. Queueing and moving
 * the positions on happen in one transaction per webhook, so an event is queued
 * once or, after a crash, not yet — never twice or never.
 */
export async function enqueueWebhookDeliveries(options: EnqueueWebhookDeliveriesOptions): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  let queued = 0;
  for (const id of await activeWebhookIds(options.db)) {
    queued += await options.db.transaction(async (tx) => {
      const webhook = await lockActiveWebhook(tx, id);
      if (!webhook) return 0;
      const now = options.clock.now();
      // Committed heads: every row up to a head's seq is committed and visible.
      const heads = await streamHeads(tx);
      const positions = { ...webhook.positions };
      let count = 0;
      for (const [stream, head] of Object.entries(heads)) {
        const from = positions[stream] ?? 0;
        if (head <= from) continue;
        const found = await matchingEvents(tx, {
          stream,
          from,
          to: head,
          kinds: webhook.kinds,
          limit: batchSize,
        });
        count += await insertDeliveries(
          tx,
          found.map((e) => ({ webhookId: webhook.id, eventId: e.id, at: now })),
        );
        // A full batch may leave matches beyond it; otherwise everything up to the head is done.
        positions[stream] = found.length === batchSize ? (found[found.length - 1]?.seq ?? from) : head;
      }
      await updateWebhook(tx, webhook.id, { positions });
      return count;
    });
  }
  return queued;
}
