import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org/org.tables.ts';

/** A closed pause: [from, to). */
export interface PauseSpan {
  from: string;
  to: string;
}

/**
 * One duty with a deadline (DESIGN: "the obligation"): who owes what by when, on
 * the work calendar. Every module's deadlines are rows here; one scanner watches them.
 */
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** The rule in RULES.md that creates this duty (C8, R8, D4…). */
    ruleId: text('rule_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The person who owes it, when there is one (an account). */
    personId: uuid('person_id'),
    /** The deadline rule text (2h, 3wd, M+1@15…). */
    deadline: text('deadline').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The due time before pauses: computed from the rule, or set by an extension. */
    baseDueAt: timestamp('base_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set by an extension (C10): the approved date replaces the rule's. */
    extendedDueAt: timestamp('extended_due_at', { withTimezone: true, mode: 'date' }),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    warnAt: timestamp('warn_at', { withTimezone: true, mode: 'date' }).notNull(),
    warnRatio: real('warn_ratio').notNull(),
    state: text('state').$type<ObligationState>().notNull(),
    warnedAt: timestamp('warned_at', { withTimezone: true, mode: 'date' }),
    metAt: timestamp('met_at', { withTimezone: true, mode: 'date' }),
    breachedAt: timestamp('breached_at', { withTimezone: true, mode: 'date' }),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    /** Start of the pause in progress. */
    pausedAt: timestamp('paused_at', { withTimezone: true, mode: 'date' }),
    /** Closed pauses since the base due was set; they move `due_at` past `base_due_at`. */
    pauses: jsonb('pauses').$type<PauseSpan[]>().notNull().default([]),
    /** All paused time in ms, for the record and the assessment. */
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('obligations_subject_idx').on(t.subjectType, t.subjectId),
    index('obligations_unit_state_idx').on(t.unitId, t.state),
    // The scanner's two queries: what is due, what is to be warned.
    index('obligations_running_due_idx').on(t.dueAt).where(sql`${t.state} = 'running'`),
    index('obligations_running_warn_idx')
      .on(t.warnAt)
      .where(sql`${t.state} = 'running' AND ${t.warnedAt} IS NULL`),
    index('obligations_rule_started_idx').on(t.ruleId, t.startedAt),
    // A1: settling one day (assessment settle-days.ts) reads the duties due that day.
    index('obligations_due_idx').on(t.dueAt),
  ],
);

export type ObligationState = 'running' | 'paused' | 'met' | 'breached' | 'waived' | 'cancelled';

/** Per-rule settings an administrator may change (warn ratio; default deadline). */
export const obligationRuleSettings = pgTable('obligation_rule_settings', {
  ruleId: text('rule_id').primaryKey(),
  deadline: text('deadline'),
  warnRatio: real('warn_ratio'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
