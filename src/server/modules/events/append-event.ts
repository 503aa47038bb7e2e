import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { GENESIS_HASH, hashEvent } from './event-hash.ts';
import { eventStreams, events } from './events.tables.ts';

export interface AppendEventOptions {
  /** The transaction that makes the change this event records (same commit or none). */
  db: Db;
  /** When it happened (from the caller's clock). */
  at: Date;
  /** Who acted, and for which unit; null for the system itself. */
  actor: { id: string; orgUnitId: string | null } | null;
  subject: { type: string; id: string };
  /** `<module>.<fact>`, past tense: `auth.login_succeeded`. */
  kind: string;
  payload?: Record<string, unknown>;
  /** Chain to append to; 'global' until the per-district streams arrive. */
  stream?: string;
}

export type StoredEvent = typeof events.$inferSelect;

/**
 * Appends one event to its stream's hash chain. Must run inside the transaction of
 * the change it records; the stream head row is locked so concurrent appends to the
 * same stream queue up rather than fork the chain.
 */
export async function appendEvent(options: AppendEventOptions): Promise<StoredEvent> {
  const { db } = options;
  const stream = options.stream ?? 'global';
  const payload = options.payload ?? {};

  // One statement locks the head, claims the next position and draws the row id
  // (so the hash can cover it); a new stream gets its head row first.
  let head = await claimPosition(db, stream);
  if (!head) {
    await db.insert(eventStreams).values({ stream, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
    head = await claimPosition(db, stream);
  }
  if (!head) throw new Error(`event stream ${stream} has no head`);
  const id = BigInt(head.id);
  const row = {
    id,
    stream,
    seq: head.seq,
    occurredAt: options.at,
    actorId: options.actor?.id ?? null,
    actorOrgId: options.actor?.orgUnitId ?? null,
    subjectType: options.subject.type,
    subjectId: options.subject.id,
    kind: options.kind,
    payload,
    prevHash: head.prevHash,
  };
  const hash = hashEvent(row);
  const [stored] = await db
    .insert(events)
    .values({ ...row, hash })
    .returning();
  await db.update(eventStreams).set({ hash }).where(eq(eventStreams.stream, stream));
  if (!stored) throw new Error('event insert returned nothing');
  return stored;
}

/** Locks the stream's head row and moves it one on; null when the stream has no head yet. */
async function claimPosition(
  db: Db,
  stream: string,
): Promise<{ seq: number; prevHash: string; id: string } | null> {
  const [claimed] = await db
    .update(eventStreams)
    .set({ seq: sql`${eventStreams.seq} + 1` })
    .where(eq(eventStreams.stream, stream))
    .returning({
      seq: eventStreams.seq,
      prevHash: eventStreams.hash,
      id: sql<string>`nextval('events_id_seq')::text`,
    });
  return claimed ?? null;
}
