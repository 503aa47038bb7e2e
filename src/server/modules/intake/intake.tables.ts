import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org/org.tables.ts';

/**
 * A source system that hands in demands (C5): the 12345 hotline, the petitions bureau,
 * the public-opinion centre, an Open311 client. It authenticates with its own API key
 * (only the SHA-256 is stored) and may file cases only inside its area.
 */
export const intakeSources = pgTable(
  'intake_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short stable code (`hotline12345`). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The channel its cases carry (hotline, petition, public_opinion, open311…). */
    channel: text('channel').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, to recognise it in lists. */
    keyPrefix: text('key_prefix').notNull(),
    /** The org subtree its cases may fall in (usually the district). */
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    open311: boolean('open311').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('intake_sources_code_uq').on(t.code),
    uniqueIndex('intake_sources_key_uq').on(t.keyHash),
  ],
);
