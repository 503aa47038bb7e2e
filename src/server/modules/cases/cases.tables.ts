import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';
import { intakeSources } from '../intake/intake.tables.ts';
import { orgUnits } from '../org/org.tables.ts';
import { categories, responsibilityRules, type SlaClass } from '../routing/routing.tables.ts';

export const CASE_LEVELS = ['township', 'district', 'city'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export { SLA_CLASSES, type SlaClass } from '../routing/routing.tables.ts';

/** Where a call came in (C5); hotline, petition, public opinion and open311 come through the intake API. */
export const CASE_CHANNELS = [
  'grid_app',
  'phone',
  'hotline',
  'petition',
  'public_opinion',
  'leader',
  'patrol',
  'open311',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One case (C1–C16): a call from a grid, its six elements (C6), where it stands in the
 * flow of case-flow.ts, and who holds it. `state` changes only through applyCaseAction.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human number: district code, local date, daily serial (370782-20260921-0001). */
    number: text('number').notNull(),
    state: text('state').notNull(),
    /** Optimistic version: every transition takes it (If-Match) and moves it on. */
    version: integer('version').notNull().default(1),
    /** The account that raised it; null for a case a source system handed in (C5). */
    raisedBy: uuid('raised_by').references(() => accounts.id),
    /** The raiser's role, or `source` for a source system. */
    raiserRole: text('raiser_role').notNull(),
    /** The unit of the raiser's role (their grid, community…); gating falls back to it. */
    raiserUnitId: uuid('raiser_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** C5: the source system that handed it in, and the source's own reference. */
    sourceId: uuid('source_id').references(() => intakeSources.id),
    sourceRef: text('source_ref'),
    channel: text('channel').$type<CaseChannel>().notNull(),
    /** Code of a leaf of the category catalogue. */
    category: text('category')
      .notNull()
      .references(() => categories.code),
    // C6: time, place, party, situation, demand, proposed handling unit.
    occurredAt: ts('occurred_at').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    address: text('address'),
    gridId: uuid('grid_id').references(() => orgUnits.id),
    communityId: uuid('community_id').references(() => orgUnits.id),
    townshipId: uuid('township_id').references(() => orgUnits.id),
    /** The place lies in no grid: the case is held at the raiser's township. */
    outsideGrid: boolean('outside_grid').notNull().default(false),
    party: text('party').notNull(),
    situation: text('situation').notNull(),
    demand: text('demand').notNull(),
    proposedUnitId: uuid('proposed_unit_id').references(() => orgUnits.id),
    proposedUnitText: text('proposed_unit_text'),
    /** The division whose centre triages the case (township, district or city, C7/C15). */
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** That division's centre, when it has one. */
    centreUnitId: uuid('centre_unit_id').references(() => orgUnits.id),
    level: text('level').$type<CaseLevel>().notNull(),
    leadUnitId: uuid('lead_unit_id').references(() => orgUnits.id),
    slaClass: text('sla_class').$type<SlaClass>(),
    /** 1 + second handlings (C11); first-time completion means rounds = 1. */
    rounds: integer('rounds').notNull().default(1),
    /** C16: joint enforcement led by the township office with several agencies. */
    jointEnforcement: boolean('joint_enforcement').notNull().default(false),
    /** The responsibility rule suggested at the last dispatch, and whether the centre followed it (R1, C7). */
    routingRuleId: uuid('routing_rule_id').references(() => responsibilityRules.id),
    followedSuggestion: boolean('followed_suggestion'),
    /** A merged case points at the case it duplicates (C7). */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => cases.id),
    /** C12: the answer to whoever raised it; no case closes without it. */
    feedback: text('feedback'),
    feedbackAt: ts('feedback_at'),
    /** The grid head's last rating. */
    rating: text('rating').$type<'satisfied' | 'unsatisfied'>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_number_uq').on(t.number),
    index('cases_state_idx').on(t.state),
    index('cases_raised_by_idx').on(t.raisedBy),
    index('cases_lead_unit_idx').on(t.leadUnitId),
    // Duplicate suggestions look up the same category in the last 72 h.
    index('cases_category_created_idx').on(t.category, t.createdAt),
    index('cases_area_idx').on(t.areaUnitId),
    // A1: settling one day reads the cases closed (fed back) that day.
    index('cases_feedback_at_idx').on(t.feedbackAt),
    uniqueIndex('cases_source_ref_uq').on(t.sourceId, t.sourceRef),
    check('cases_level_check', sql`${t.level} IN ('township', 'district', 'city')`),
    check('cases_rounds_check', sql`${t.rounds} >= 1`),
  ],
);

/** Daily serials of case numbers, one row per district and day, bumped atomically. */
export const caseNumberCounters = pgTable('case_number_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Idempotency-Key answers of POST /api/cases: the same key and body return the first
 * answer; the key's row is inserted first, so concurrent requests with it queue up.
 */
export const caseIdempotency = pgTable(
  'case_idempotency',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);
