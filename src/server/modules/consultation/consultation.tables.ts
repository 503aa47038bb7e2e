import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';
import { cases } from '../cases/cases.tables.ts';
import { ledgerItems } from '../ledger/ledger.tables.ts';
import { orgUnits } from '../org/org.tables.ts';
import { categories, type Principle, responsibilityRules } from '../routing/routing.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const SESSION_STATES = ['collecting', 'agenda_fixed', 'held', 'minutes_issued'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/**
 * A consultation session (会商研判, R2–R7) of a district: monthly (collection closes on
 * the 18th, R4; agenda, time and units fixed by the 21st, R5; held in the last ten
 * days, R2) or extra (R2). Its deadlines are obligations of the 社管办.
 */
export const consultationSessions = pgTable(
  'consultation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<'monthly' | 'extra'>().notNull(),
    /** `2026-10` for a monthly session. */
    month: text('month'),
    title: text('title').notNull(),
    state: text('state').$type<SessionState>().notNull(),
    meetingAt: ts('meeting_at'),
    location: text('location'),
    /** R3/R6: who attended (units and people), as recorded. */
    attendance: jsonb('attendance').$type<{ unitId: string; people: string }[]>(),
    /** R6 step 2: laggard units' explanations and proposed fixes. */
    laggards: jsonb('laggards').$type<{ unitId: string; explanation: string }[]>(),
    /** R6: the convenors' requirements announced at the meeting. */
    requirements: text('requirements'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
    heldAt: ts('held_at'),
    minutesIssuedAt: ts('minutes_issued_at'),
  },
  (t) => [
    index('consultation_sessions_area_idx').on(t.areaUnitId, t.month),
    check('consultation_sessions_kind_check', sql`${t.kind} IN ('monthly', 'extra')`),
  ],
);

export const ITEM_SOURCES = ['case', 'leader', 'media', 'netizen', 'platform'] as const;
export type ItemSource = (typeof ITEM_SOURCES)[number];

/**
 * An unclear-responsibility matter (R4): from cases marked unclear, leader assignments,
 * media or netizen complaints, or the platform. Queued until put on a session's agenda;
 * decided by R1 (principle, lead and cooperating units, basis, reasoning) or sent to the
 * district leaders (R7).
 */
export const consultationItems = pgTable(
  'consultation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    sessionId: uuid('session_id').references(() => consultationSessions.id),
    source: text('source').$type<ItemSource>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryCode: text('category_code').references(() => categories.code),
    /** The place the matter concerns (a rule decided on it covers this area). */
    placeUnitId: uuid('place_unit_id').references(() => orgUnits.id),
    involvedUnitIds: jsonb('involved_unit_ids').$type<string[]>().notNull().default([]),
    state: text('state').$type<'queued' | 'on_agenda' | 'decided' | 'to_leaders' | 'withdrawn'>().notNull(),
    principle: text('principle').$type<Principle>(),
    leadUnitId: uuid('lead_unit_id').references(() => orgUnits.id),
    cooperatingUnitIds: jsonb('cooperating_unit_ids').$type<string[]>(),
    basis: text('basis'),
    reasoning: text('reasoning'),
    ruleId: uuid('rule_id').references(() => responsibilityRules.id),
    ledgerItemId: uuid('ledger_item_id').references(() => ledgerItems.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('consultation_items_session_idx').on(t.sessionId),
    index('consultation_items_state_idx').on(t.areaUnitId, t.state),
    check(
      'consultation_items_state_check',
      sql`${t.state} IN ('queued', 'on_agenda', 'decided', 'to_leaders', 'withdrawn')`,
    ),
  ],
);

/** The cases waiting on an item (marked unclear, R4); dispatched together once decided. */
export const consultationItemCases = pgTable(
  'consultation_item_cases',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => consultationItems.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.caseId] }),
    index('consultation_item_cases_case_idx').on(t.caseId),
  ],
);

/** R9: an involved unit's written material for an item, before the meeting. */
export const consultationMaterials = pgTable(
  'consultation_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => consultationItems.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    content: text('content').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [index('consultation_materials_item_idx').on(t.itemId)],
);

/**
 * R10: non-implementation and buck-passing (推诿扯皮) recorded per unit, for the
 * assessment. Never edited; a correction is a new record that voids the old one.
 */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<'non_implementation' | 'buck_passing' | 'late_material'>().notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    note: text('note').notNull(),
    voids: uuid('voids'),
    automatic: boolean('automatic').notNull().default(false),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('accountability_records_unit_idx').on(t.unitId, t.createdAt),
    check(
      'accountability_records_kind_check',
      sql`${t.kind} IN ('non_implementation', 'buck_passing', 'late_material')`,
    ),
  ],
);
