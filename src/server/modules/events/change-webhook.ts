import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from './append-event.ts';
import { checkWebhookKinds, checkWebhookUrl } from './webhook-input.ts';
import { findWebhook, streamHeads, updateWebhook, type WebhookListing } from './webhooks.repository.ts';

export interface WebhookChanges {
  /** false pauses it (nothing is queued or sent); true resumes it from the present. */
  active?: boolean | undefined;
  kinds?: string[] | undefined;
  url?: string | undefined;
  description?: string | undefined;
}

export interface ChangeWebhookOptions {
  db: Db;
  clock: Clock;
  /** The system administrator making the change. */
  actor: { id: string; orgUnitId: string | null };
  id: string;
  changes: WebhookChanges;
  /** The event kind: `webhook.removed` when called to remove it. */
  kind?: 'webhook.changed' | 'webhook.removed';
}

/**
 * Changes a webhook under a row lock and records what changed (old and new). A
 * change to nothing writes nothing. Deliveries already queued keep going to the
 * new URL; new kinds apply to events not yet queued. Re-activating starts from the
 * present: events that happened while it was inactive are not sent.
 */
export async function changeWebhook(options: ChangeWebhookOptions): Promise<WebhookListing> {
  const { changes } = options;
  const url = changes.url === undefined ? undefined : checkWebhookUrl(changes.url);
  const kinds = changes.kinds === undefined ? undefined : checkWebhookKinds(changes.kinds);
  return options.db.transaction(async (tx) => {
    const current = await findWebhook(tx, options.id, true);
    if (!current) throw notFound('Webhook', '回调', 'id');
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    if (url !== undefined && url !== current.url) diff.url = { from: current.url, to: url };
    if (kinds !== undefined && kinds.join('\n') !== current.kinds.join('\n'))
      diff.kinds = { from: current.kinds, to: kinds };
    if (changes.description !== undefined && changes.description !== current.description)
      diff.description = { from: current.description, to: changes.description };
    if (changes.active !== undefined && changes.active !== current.active)
      diff.active = { from: current.active, to: changes.active };
    const { secret: _secret, positions: _positions, createdBy: _createdBy, ...listing } = current;
    if (Object.keys(diff).length === 0) return listing;

    const now = options.clock.now();
    await appendEvent({
      db: tx,
      at: now,
      actor: options.actor,
      subject: { type: 'webhook', id: current.id },
      kind: options.kind ?? 'webhook.changed',
      payload: { changes: diff },
    });
    return updateWebhook(tx, current.id, {
      url,
      kinds,
      description: changes.description,
      active: changes.active,
      updatedAt: now,
      ...(diff.active?.to === true ? { positions: await streamHeads(tx) } : {}),
    });
  });
}
