import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';
import { orgUnits } from '../org/org.tables.ts';
import { cases } from './cases.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A cooperating unit's task on a case (C7 dispatch with cooperating units; C16 joint
 * enforcement): its own sign and finish clocks (obligations with subject `case_task`).
 * The lead unit's finish waits for every task to be done or records why not.
 */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The handling round (C11) the task belongs to. */
    round: integer('round').notNull(),
    state: text('state').$type<'dispatched' | 'signed' | 'done' | 'cancelled'>().notNull(),
    result: text('result'),
    createdAt: ts('created_at').notNull(),
    signedAt: ts('signed_at'),
    doneAt: ts('done_at'),
  },
  (t) => [
    index('case_tasks_case_idx').on(t.caseId),
    index('case_tasks_unit_idx').on(t.unitId),
    check('case_tasks_state_check', sql`${t.state} IN ('dispatched', 'signed', 'done', 'cancelled')`),
  ],
);

/**
 * A return of a wrongly dispatched case (C7): the centre either agrees (the return
 * counts against the routing, not the department) or refuses (the same unit handles it).
 */
export const caseReturns = pgTable(
  'case_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    reason: text('reason').notNull(),
    /** The responsibility rule the returned dispatch followed: a bad rule shows itself (R1). */
    routingRuleId: uuid('routing_rule_id'),
    returnedAt: ts('returned_at').notNull(),
    decision: text('decision').$type<'agreed' | 'refused'>(),
    /** Who the return counts against once decided. */
    countsAgainst: text('counts_against').$type<'routing' | 'department'>(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('case_returns_case_idx').on(t.caseId),
    index('case_returns_unit_idx').on(t.unitId),
    // A1: settling one day reads the returns made that day.
    index('case_returns_returned_at_idx').on(t.returnedAt),
  ],
);

/**
 * C14: a joint consultation of several units on a case (units, decision, minutes text),
 * or a referral of a dispute to the multi-party mediation office.
 */
export const caseRecords = pgTable(
  'case_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<'joint_consultation' | 'mediation_referral'>().notNull(),
    unitIds: jsonb('unit_ids').$type<string[]>().notNull(),
    decision: text('decision'),
    minutes: text('minutes'),
    /** A major matter decided by the unit heads or a city leader (C14). */
    decidedByLeader: boolean('decided_by_leader').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('case_records_case_idx').on(t.caseId),
    check('case_records_kind_check', sql`${t.kind} IN ('joint_consultation', 'mediation_referral')`),
  ],
);

/** C13: a random spot check of closed cases in a unit's scope and a period, complex ones first. */
export const caseSpotChecks = pgTable('case_spot_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  scopeUnitId: uuid('scope_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  periodFrom: ts('period_from').notNull(),
  periodTo: ts('period_to').notNull(),
  sampleSize: integer('sample_size').notNull(),
  /** The seed of the draw, so the sample can be redrawn and checked. */
  seed: text('seed').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => accounts.id),
  createdAt: ts('created_at').notNull(),
});

/** One sampled case of a spot check, and its review. */
export const caseSpotCheckItems = pgTable(
  'case_spot_check_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spotCheckId: uuid('spot_check_id')
      .notNull()
      .references(() => caseSpotChecks.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    complex: boolean('complex').notNull(),
    verdict: text('verdict').$type<'ok' | 'problem'>(),
    comment: text('comment'),
    reviewedBy: uuid('reviewed_by').references(() => accounts.id),
    reviewedAt: ts('reviewed_at'),
  },
  (t) => [index('case_spot_check_items_check_idx').on(t.spotCheckId)],
);
