import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { findInInbox, markRead } from './notifications.repository.ts';

export interface MarkNotificationsReadOptions {
  db: Db;
  clock: Clock;
  /** Whose read state changes; a unit notification stays unread for the unit's other people. */
  accountId: string;
  /** One notification of the inbox, or all of it. */
  which: { id: string } | 'all';
}

/**
 * Marks notifications read for one person and returns how many were unread.
 * Idempotent: marking a read notification again changes nothing and is no error.
 * Read state is the person's own view, not a change of any case or duty, so it
 * writes no event (sign-in and receipt are workflow actions with their own events).
 */
export async function markNotificationsRead(options: MarkNotificationsReadOptions): Promise<number> {
  const { accountId, which } = options;
  return options.db.transaction(async (tx) => {
    if (which !== 'all' && !(await findInInbox(tx, accountId, which.id))) {
      throw notFound('Notification', '通知', 'id');
    }
    return markRead(tx, accountId, which, options.clock.now());
  });
}
