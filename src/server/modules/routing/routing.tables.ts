import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';
import { orgUnits } from '../org/org.tables.ts';

/** SLA classes of a category (C9 arrival, C10 completion). */
export const SLA_CLASSES = ['livelihood', 'simple', 'general', 'complex'] as const;
export type SlaClass = (typeof SLA_CLASSES)[number];

/**
 * The category catalogue (大类 / 小类, C2 and the 数字城管 event classes). A leaf's SLA
 * class sets the default sign, arrival and finish rules of its cases (C8–C10). Shipped
 * as reference data by a migration; a category in use is retired, never deleted.
 */
export const categories = pgTable(
  'categories',
  {
    /** Stable code, also the Open311 service_code (`utility.water`). */
    code: text('code').primaryKey(),
    parentCode: text('parent_code').references((): AnyPgColumn => categories.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** Set on leaves (the categories a call can take); null on a 大类. */
    slaClass: text('sla_class').$type<SlaClass>(),
    /** Keywords that help the search of the phone page's category picker. */
    keywords: text('keywords').notNull().default(''),
    sort: integer('sort').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('categories_parent_idx').on(t.parentCode),
    check(
      'categories_sla_check',
      sql`${t.slaClass} IS NULL OR ${t.slaClass} IN ('livelihood', 'simple', 'general', 'complex')`,
    ),
  ],
);

/** R1: how responsibility was decided. */
export const PRINCIPLES = ['statutory', 'negotiated', 'designated'] as const;
export type Principle = (typeof PRINCIPLES)[number];

/**
 * The responsibility catalogue (权责清单, R1, C7): category × area (an org subtree) →
 * lead unit and cooperating units, with the principle and its basis (a law, regulation
 * or document and article, or the consultation decision that made it), valid from/to.
 * A fallback rule (属地兜底) has no category: the township leads when nothing else applies.
 * Rules are never edited: a new rule replaces an old one, whose validity then ends.
 */
export const responsibilityRules = pgTable(
  'responsibility_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryCode: text('category_code').references(() => categories.code),
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    cooperatingUnitIds: jsonb('cooperating_unit_ids').$type<string[]>().notNull().default([]),
    principle: text('principle').$type<Principle>().notNull(),
    basis: text('basis').notNull(),
    /** The consultation item whose determination made this rule (R7), when one did. */
    consultationItemId: uuid('consultation_item_id'),
    fallback: boolean('fallback').notNull().default(false),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true, mode: 'date' }),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => responsibilityRules.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('responsibility_rules_category_area_idx').on(t.categoryCode, t.areaUnitId),
    index('responsibility_rules_area_idx').on(t.areaUnitId),
    check(
      'responsibility_rules_principle_check',
      sql`${t.principle} IN ('statutory', 'negotiated', 'designated')`,
    ),
    check('responsibility_rules_fallback_check', sql`${t.fallback} OR ${t.categoryCode} IS NOT NULL`),
    check('responsibility_rules_validity_check', sql`${t.validTo} IS NULL OR ${t.validTo} > ${t.validFrom}`),
  ],
);
