import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Kinds of org unit (G1, G2, G7); the org issue refines grids and their levels. */
export const ORG_KINDS = [
  'city',
  'district',
  'township',
  'community',
  'grid',
  'department',
  'agency',
  'centre',
  'office',
  'enterprise',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/**
 * One tree of org units. `path` is the materialised path of ids
 * (`/<root id>/<child id>/…/<own id>/`): a subtree is `path LIKE '<prefix>%'`, served
 * by a text_pattern_ops index on PGlite and PostgreSQL alike.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    /** Division code (GB/T 2260 / statistical code), grid code, or an internal code. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    /** Depth in the tree; the root is 0. */
    level: integer('level').notNull(),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('org_units_code_uq').on(t.code),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.parentId),
    check('org_units_path_shape', sql`${t.path} LIKE '/%/'`),
  ],
);
