import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The one append-only history. Rows are never updated or deleted: a database
 * trigger refuses it (migration `events_append_only`) and no repository offers it.
 * Each row is chained to the previous row of its stream by `prev_hash`/`hash`.
 */
export const events = pgTable(
  'events',
  {
    /** Global order; taken from the sequence before insert so the hash can cover it. */
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    /** Chain the row belongs to ('global' now; per district when writes need to scale). */
    stream: text('stream').notNull(),
    /** Position in the stream, 1, 2, 3… without gaps: a gap is a removed row. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Account that acted; null for the system (scanner, migrations, seeding). */
    actorId: uuid('actor_id'),
    /** Org unit the actor acted for. */
    actorOrgId: uuid('actor_org_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** What happened, `<module>.<fact>` in the past tense: `auth.login_failed`. */
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('events_stream_seq_uq').on(t.stream, t.seq),
    index('events_subject_idx').on(t.subjectType, t.subjectId),
    index('events_occurred_at_idx').on(t.occurredAt),
    index('events_kind_idx').on(t.kind),
  ],
);

/**
 * The head of each chain. Appending locks the stream's row (FOR UPDATE), so appends
 * to one stream are serialised and appends to different streams are not.
 */
export const eventStreams = pgTable('event_streams', {
  stream: text('stream').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
