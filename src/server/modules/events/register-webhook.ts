import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from './append-event.ts';
import { checkWebhookKinds, checkWebhookUrl } from './webhook-input.ts';
import { newWebhookSecret } from './webhook-signature.ts';
import { insertWebhook, streamHeads, updateWebhook, type WebhookListing } from './webhooks.repository.ts';

export interface RegisterWebhookOptions {
  db: Db;
  clock: Clock;
  /** The system administrator registering it. */
  actor: { id: string; orgUnitId: string | null };
  /** Where to POST: http or https. */
  url: string;
  /** Exact kinds and `prefix.*` patterns to send. */
  kinds: string[];
  /** What it is for, for the next administrator. */
  description: string;
}

/**
 * Registers a webhook and returns its signing secret — the only time the secret
 * leaves the server. It receives events that happen from now on, not the history.
 */
export async function registerWebhook(
  options: RegisterWebhookOptions,
): Promise<{ webhook: WebhookListing; secret: string }> {
  const url = checkWebhookUrl(options.url);
  const kinds = checkWebhookKinds(options.kinds);
  const secret = newWebhookSecret();
  const now = options.clock.now();
  const webhook = await options.db.transaction(async (tx) => {
    const created = await insertWebhook(tx, {
      url,
      kinds,
      description: options.description,
      secret,
      active: true,
      positions: {},
      createdBy: options.actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await appendEvent({
      db: tx,
      at: now,
      actor: options.actor,
      subject: { type: 'webhook', id: created.id },
      kind: 'webhook.registered',
      // Never the secret: the log is read by auditors and kept for ever.
      payload: { url, kinds, description: options.description },
    });
    // Read after our own event, so the webhook starts strictly after its registration.
    return updateWebhook(tx, created.id, { positions: await streamHeads(tx) });
  });
  return { webhook, secret };
}
