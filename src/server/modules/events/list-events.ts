import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { StoredEvent } from './append-event.ts';
import { events } from './events.tables.ts';

export interface ListEventsOptions {
  db: Db;
  /** Page size, 1–500. */
  limit: number;
  /** Only events with an id below this one (the next page of a newest-first list). */
  before?: bigint | undefined;
  kind?: string | undefined;
  subject?: { type: string; id?: string | undefined } | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Events newest first, for the audit trail and timelines. */
export async function listEvents(
  options: ListEventsOptions,
): Promise<{ items: StoredEvent[]; nextBefore: bigint | null }> {
  const conditions = [
    options.before !== undefined ? lt(events.id, options.before) : undefined,
    options.kind ? eq(events.kind, options.kind) : undefined,
    options.subject ? eq(events.subjectType, options.subject.type) : undefined,
    options.subject?.id ? eq(events.subjectId, options.subject.id) : undefined,
    options.actorId ? eq(events.actorId, options.actorId) : undefined,
    options.from ? gte(events.occurredAt, options.from) : undefined,
    options.to ? lte(events.occurredAt, options.to) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await options.db
    .select()
    .from(events)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(events.id))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  return { items, nextBefore: rows.length > options.limit && last ? last.id : null };
}
