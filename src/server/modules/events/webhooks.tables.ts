import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Where each stream of the event log has been read up to, per webhook: `{stream: seq}`.
 * Per stream and by `seq` rather than one global event id, because appends to one
 * stream are serialised by its head lock (a committed row `seq` n means rows 1..n
 * are committed), while ids of different streams can commit out of order — a global
 * id cursor would skip an event that commits after a higher id was read.
 */
export type StreamPositions = Record<string, number>;

/** An outgoing webhook registered by a system administrator. */
export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  /** Exact kinds (`obligation.breached`) and prefixes (`obligation.*`). */
  kinds: text('kinds').array().notNull(),
  description: text('description').notNull(),
  /**
   * HMAC key of the signature. Stored as is because signing needs it; it is shown
   * once at registration and never read by the listing queries.
   */
  secret: text('secret').notNull(),
  /** False after removal or when paused: nothing is queued or sent while inactive. */
  active: boolean('active').notNull(),
  positions: jsonb('positions').$type<StreamPositions>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** One event to send to one webhook, until it is delivered or given up. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id),
    /**
     * The event sent. No foreign key: events are never deleted anyway, and a key
     * would make PostgreSQL refuse TRUNCATE for the key's sake before the
     * append-only trigger can refuse it for the right reason.
     */
    eventId: bigint('event_id', { mode: 'bigint' }).notNull(),
    state: text('state').$type<WebhookDeliveryState>().notNull(),
    /** Attempts made so far. */
    attempts: integer('attempts').notNull().default(0),
    /** When it is due next; while a worker holds it, the end of that worker's lease. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
    /** The worker run that holds it; its result only counts while it still holds it. */
    claimToken: uuid('claim_token'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When it was delivered or given up. */
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // The last guard against sending one event twice to one webhook.
    uniqueIndex('webhook_deliveries_webhook_event_uq').on(t.webhookId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

/** Every attempt, successful or not: the delivery log an administrator reads. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    /** 1 for the first attempt. */
    attempt: integer('attempt').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** HTTP status of the answer; null when none came (network error, timeout). */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);
