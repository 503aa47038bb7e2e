import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { changeWebhook } from './change-webhook.ts';

export interface RemoveWebhookOptions {
  db: Db;
  clock: Clock;
  /** The system administrator removing it. */
  actor: { id: string; orgUnitId: string | null };
  id: string;
}

/**
 * Removes a webhook by deactivating it: the row and its delivery log stay, for
 * the record. Removing a removed webhook is no error and writes nothing.
 */
export async function removeWebhook(options: RemoveWebhookOptions): Promise<void> {
  await changeWebhook({ ...options, changes: { active: false }, kind: 'webhook.removed' });
}
