import { and, asc, count, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, roleGrants, sessions } from '../auth/index.ts';
import { notificationReads, notifications } from './notifications.tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type InboxItem = NotificationRow & { read: boolean };

/** A position in an inbox ordered by (created_at, id); ids are uuids, so time comes first. */
export interface InboxCursor {
  createdAt: Date;
  id: string;
}

/**
 * The caller's inbox: notifications to the account, and to the units it works for
 * or holds a role at — exactly those units, not their subtrees (a unit notice is
 * for that unit's people). Read from the tables every time, so a granted or revoked
 * role applies at once, also to an open stream.
 */
function inboxOf(accountId: string): SQL {
  const units = sql`SELECT ${accounts.orgUnitId} FROM ${accounts} WHERE ${accounts.id} = ${accountId}
    UNION SELECT ${roleGrants.orgUnitId} FROM ${roleGrants} WHERE ${roleGrants.accountId} = ${accountId}`;
  return or(eq(notifications.accountId, accountId), sql`${notifications.unitId} IN (${units})`) as SQL;
}

const isRead = (accountId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM ${notificationReads} WHERE ${notificationReads.notificationId} = ${notifications.id} AND ${notificationReads.accountId} = ${accountId})`;

const rowAfter = (c: InboxCursor) =>
  sql`(${notifications.createdAt}, ${notifications.id}) > (${c.createdAt.toISOString()}::timestamptz, ${c.id}::uuid)`;
const rowBefore = (c: InboxCursor) =>
  sql`(${notifications.createdAt}, ${notifications.id}) < (${c.createdAt.toISOString()}::timestamptz, ${c.id}::uuid)`;

/** One notification, when it is in the account's inbox. */
export async function findInInbox(db: Db, accountId: string, id: string): Promise<InboxItem | undefined> {
  const [row] = await db
    .select({ notification: notifications, read: isRead(accountId) })
    .from(notifications)
    .where(and(eq(notifications.id, id), inboxOf(accountId)));
  return row ? { ...row.notification, read: row.read } : undefined;
}

export interface ListInboxQuery {
  accountId: string;
  /** true: unread only; false: read only; undefined: both. */
  unread?: boolean | undefined;
  limit: number;
  before?: InboxCursor | undefined;
}

/** Newest first; one row more than `limit` tells the caller there is a next page. */
export async function listInbox(db: Db, query: ListInboxQuery): Promise<InboxItem[]> {
  const read = isRead(query.accountId);
  const rows = await db
    .select({ notification: notifications, read })
    .from(notifications)
    .where(
      and(
        inboxOf(query.accountId),
        query.unread === undefined ? undefined : query.unread ? sql`NOT ${read}` : read,
        query.before ? rowBefore(query.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  return rows.map((r) => ({ ...r.notification, read: r.read }));
}

/** Oldest first after `after` (everything when null): what a stream has not sent yet. */
export async function listInboxAfter(
  db: Db,
  accountId: string,
  after: InboxCursor | null,
  limit: number,
): Promise<InboxItem[]> {
  const rows = await db
    .select({ notification: notifications, read: isRead(accountId) })
    .from(notifications)
    .where(and(inboxOf(accountId), after ? rowAfter(after) : undefined))
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.notification, read: r.read }));
}

/** The newest notification of the inbox, where a new stream starts. */
export async function newestInInbox(db: Db, accountId: string): Promise<InboxCursor | null> {
  const [row] = await db
    .select({ createdAt: notifications.createdAt, id: notifications.id })
    .from(notifications)
    .where(inboxOf(accountId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  return row ?? null;
}

export async function countUnread(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(inboxOf(accountId), sql`NOT ${isRead(accountId)}`));
  return row?.n ?? 0;
}

/**
 * Marks as read, for this account only, the given notification or the whole inbox;
 * returns how many were unread. Already read ones keep their first read time.
 */
export async function markRead(
  db: Db,
  accountId: string,
  which: { id: string } | 'all',
  at: Date,
): Promise<number> {
  const unread = db
    .select({
      notificationId: notifications.id,
      accountId: sql<string>`${accountId}::uuid`.as('account_id'),
      readAt: sql<Date>`${at.toISOString()}::timestamptz`.as('read_at'),
    })
    .from(notifications)
    .where(
      and(
        inboxOf(accountId),
        which === 'all' ? undefined : eq(notifications.id, which.id),
        sql`NOT ${isRead(accountId)}`,
      ),
    );
  const inserted = await db
    .insert(notificationReads)
    .select(unread)
    .onConflictDoNothing()
    .returning({ id: notificationReads.notificationId });
  return inserted.length;
}

/**
 * Whether a session still stands, without touching it: an open stream is not
 * activity, so it must not keep an idle session alive, yet it must end when the
 * person logs out or the session runs out.
 */
export async function sessionIsLive(db: Db, tokenHash: string, now: Date, idleMs: number): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.tokenHash })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)),
        isNull(accounts.disabledAt),
      ),
    );
  return row !== undefined;
}
