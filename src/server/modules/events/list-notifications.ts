import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { countUnread, findInInbox, type InboxItem, listInbox } from './notifications.repository.ts';

export interface ListNotificationsOptions {
  db: Db;
  /** Whose inbox: the account's own notifications and those of its units. */
  accountId: string;
  /** true: unread only; false: read only; undefined: all. */
  unread?: boolean | undefined;
  /** Page size, 1–200. */
  limit: number;
  /** Id of the last notification of the previous page. */
  before?: string | undefined;
}

export interface NotificationPage {
  items: InboxItem[];
  /** Unread in the whole inbox, whatever the filter: the badge. */
  unreadCount: number;
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: string | null;
}

/** The caller's notifications, newest first. */
export async function listNotifications(options: ListNotificationsOptions): Promise<NotificationPage> {
  const { db, accountId } = options;
  let before: InboxItem | undefined;
  if (options.before) {
    // Only a notification of one's own inbox can be a page boundary; anything else
    // would reveal that someone else's notification exists.
    before = await findInInbox(db, accountId, options.before);
    if (!before) throw notFound('Notification', '通知', 'before');
  }
  const rows = await listInbox(db, { accountId, unread: options.unread, limit: options.limit, before });
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  return {
    items,
    unreadCount: await countUnread(db, accountId),
    nextBefore: rows.length > options.limit && last ? last.id : null,
  };
}
