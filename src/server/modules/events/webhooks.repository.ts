import { and, asc, desc, eq, gt, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eventStreams, events } from './events.tables.ts';
import { kindFilter } from './webhook-kinds.ts';
import {
  type StreamPositions,
  type WebhookDeliveryState,
  webhookAttempts,
  webhookDeliveries,
  webhooks,
} from './webhooks.tables.ts';

export type WebhookRow = typeof webhooks.$inferSelect;

/** Everything but the secret and the read positions: what an administrator sees. */
const publicColumns = {
  id: webhooks.id,
  url: webhooks.url,
  kinds: webhooks.kinds,
  description: webhooks.description,
  active: webhooks.active,
  createdAt: webhooks.createdAt,
  updatedAt: webhooks.updatedAt,
};
export type WebhookListing = Pick<WebhookRow, keyof typeof publicColumns>;

export async function insertWebhook(db: Db, values: typeof webhooks.$inferInsert): Promise<WebhookListing> {
  const [row] = await db.insert(webhooks).values(values).returning(publicColumns);
  if (!row) throw new Error('webhook insert returned nothing');
  return row;
}

/** The whole row, secret included, locked for a change when asked. */
export async function findWebhook(db: Db, id: string, forUpdate = false): Promise<WebhookRow | undefined> {
  const query = db.select().from(webhooks).where(eq(webhooks.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function listWebhooks(db: Db): Promise<WebhookListing[]> {
  return db.select(publicColumns).from(webhooks).orderBy(desc(webhooks.createdAt), asc(webhooks.id));
}

export async function updateWebhook(
  db: Db,
  id: string,
  set: Partial<Pick<WebhookRow, 'url' | 'kinds' | 'description' | 'active' | 'positions' | 'updatedAt'>>,
): Promise<WebhookListing> {
  const [row] = await db.update(webhooks).set(set).where(eq(webhooks.id, id)).returning(publicColumns);
  if (!row) throw new Error(`webhook ${id} vanished`);
  return row;
}

/** The committed length of every stream: a new or re-activated webhook starts here. */
export async function streamHeads(db: Db): Promise<StreamPositions> {
  const rows = await db.select({ stream: eventStreams.stream, seq: eventStreams.seq }).from(eventStreams);
  return Object.fromEntries(rows.map((r) => [r.stream, r.seq]));
}

export async function activeWebhookIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.active, true));
  return rows.map((r) => r.id);
}

/**
 * Locks an active webhook to queue its deliveries, or returns nothing when another
 * worker is at it (it will have moved the positions on when we look next).
 */
export async function lockActiveWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.active, true)))
    .for('update', { skipLocked: true });
  return row;
}

function kindCondition(kinds: readonly string[]): SQL {
  const { exact, prefixes } = kindFilter(kinds);
  const parts = [
    ...(exact.length > 0 ? [inArray(events.kind, exact)] : []),
    // starts_with rather than LIKE: kinds contain '_', a LIKE wildcard.
    ...prefixes.map((p) => sql`starts_with(${events.kind}, ${p})`),
  ];
  return parts.length > 0 ? (or(...parts) as SQL) : sql`false`;
}

/** Events of one stream in (from, to] whose kind matches, in stream order. */
export async function matchingEvents(
  db: Db,
  query: { stream: string; from: number; to: number; kinds: readonly string[]; limit: number },
): Promise<{ id: bigint; seq: number }[]> {
  return db
    .select({ id: events.id, seq: events.seq })
    .from(events)
    .where(
      and(
        eq(events.stream, query.stream),
        gt(events.seq, query.from),
        lte(events.seq, query.to),
        kindCondition(query.kinds),
      ),
    )
    .orderBy(asc(events.seq))
    .limit(query.limit);
}

export async function insertDeliveries(
  db: Db,
  rows: { webhookId: string; eventId: bigint; at: Date }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(webhookDeliveries)
    .values(
      rows.map((r) => ({
        webhookId: r.webhookId,
        eventId: r.eventId,
        state: 'pending' as const,
        nextAttemptAt: r.at,
        createdAt: r.at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return inserted.length;
}

/**
 * Claims due deliveries of active webhooks for one worker run: rows another worker
 * has locked are skipped (SKIP LOCKED), and each claimed row's next attempt moves
 * to the end of the lease, so no other worker takes it while this one sends — and
 * one that crashed mid-send is retried once the lease runs out.
 */
export async function claimDueDeliveries(
  db: Db,
  claim: { now: Date; leaseUntil: Date; token: string; limit: number },
): Promise<string[]> {
  const due = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      and(
        eq(webhookDeliveries.state, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, claim.now),
        eq(webhooks.active, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(claim.limit)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  const ids = due.map((d) => d.id);
  if (ids.length > 0) {
    await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: claim.leaseUntil, claimToken: claim.token })
      .where(inArray(webhookDeliveries.id, ids));
  }
  return ids;
}

export interface DeliveryJob {
  deliveryId: string;
  attempts: number;
  url: string;
  secret: string;
  event: typeof events.$inferSelect;
}

/** What the worker needs to send the deliveries it claimed. */
export async function loadDeliveryJobs(db: Db, ids: string[], token: string): Promise<DeliveryJob[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      deliveryId: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      url: webhooks.url,
      secret: webhooks.secret,
      event: events,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    // Not for a webhook deactivated since the claim: its deliveries wait, as it is paused.
    .where(
      and(
        inArray(webhookDeliveries.id, ids),
        eq(webhookDeliveries.claimToken, token),
        eq(webhooks.active, true),
      ),
    )
    .orderBy(asc(events.id));
  return rows;
}

/**
 * Writes the outcome of an attempt. The delivery changes only while this run still
 * holds it; the attempt is logged either way, because the request went out.
 */
export async function recordAttempt(
  db: Db,
  result: {
    deliveryId: string;
    token: string;
    attempt: number;
    at: Date;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    state: WebhookDeliveryState;
    nextAttemptAt: Date | null;
  },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      attempts: result.attempt,
      state: result.state,
      nextAttemptAt: result.nextAttemptAt,
      claimToken: null,
      endedAt: result.state === 'pending' ? null : result.at,
    })
    .where(and(eq(webhookDeliveries.id, result.deliveryId), eq(webhookDeliveries.claimToken, result.token)));
  await db.insert(webhookAttempts).values({
    deliveryId: result.deliveryId,
    attempt: result.attempt,
    attemptedAt: result.at,
    statusCode: result.statusCode,
    error: result.error,
    durationMs: result.durationMs,
  });
}

export interface DeliveryListing {
  id: string;
  eventId: bigint;
  kind: string;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  endedAt: Date | null;
  log: (typeof webhookAttempts.$inferSelect)[];
}

/** The delivery log of one webhook, newest first, each with its attempts in order. */
export async function listDeliveries(db: Db, webhookId: string, limit: number): Promise<DeliveryListing[]> {
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      kind: events.kind,
      state: webhookDeliveries.state,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      endedAt: webhookDeliveries.endedAt,
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const attempts =
    ids.length > 0
      ? await db
          .select()
          .from(webhookAttempts)
          .where(inArray(webhookAttempts.deliveryId, ids))
          .orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.attemptedAt))
      : [];
  return rows.map((r) => ({ ...r, log: attempts.filter((a) => a.deliveryId === r.id) }));
}
