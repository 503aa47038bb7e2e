import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';
import { orgUnits } from '../org/org.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A tracked item (台账): a decision someone must carry out, with a lead unit and
 * cooperating units, a deadline, periodic written progress reports (an obligation per
 * period, e.g. `M+1@15`, R8), review, crossing off (销号) and reopening. One model for
 * consultation decisions, supervision, meeting decisions and the issuance ledger;
 * `kind` and `source` say where an item came from, the ledger knows nothing more of it.
 */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What ledger the item is on: consultation, supervision, meeting, documents… */
    kind: text('kind').notNull(),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    cooperatingUnitIds: jsonb('cooperating_unit_ids').$type<string[]>().notNull().default([]),
    /** When the item must be done (null: until crossed off). */
    dueAt: ts('due_at'),
    /** Deadline rule of each periodic report (`M+1@15`); null: no periodic report. */
    reportRule: text('report_rule'),
    state: text('state').$type<'open' | 'crossed_off'>().notNull(),
    /** Times the item was reopened after crossing off. */
    reopened: integer('reopened').notNull().default(0),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
    crossedOffAt: ts('crossed_off_at'),
    crossedOffBy: uuid('crossed_off_by').references(() => accounts.id),
  },
  (t) => [
    index('ledger_items_kind_idx').on(t.kind, t.state),
    index('ledger_items_lead_idx').on(t.leadUnitId),
    index('ledger_items_source_idx').on(t.sourceType, t.sourceId),
    check('ledger_items_state_check', sql`${t.state} IN ('open', 'crossed_off')`),
  ],
);

/**
 * A written progress report on an item for one period (R8): done or not, and for
 * anything not done a written explanation. The owner of the ledger reviews it.
 */
export const ledgerReports = pgTable(
  'ledger_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The period reported on (`2026-10`). */
    period: text('period').notNull(),
    done: boolean('done').notNull(),
    progress: text('progress').notNull(),
    /** Required when not done (R8). */
    explanation: text('explanation'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => accounts.id),
    submittedAt: ts('submitted_at').notNull(),
    review: text('review').$type<'accepted' | 'returned'>(),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => accounts.id),
    reviewedAt: ts('reviewed_at'),
  },
  (t) => [
    index('ledger_reports_item_idx').on(t.itemId),
    check('ledger_reports_explanation_check', sql`${t.done} OR ${t.explanation} IS NOT NULL`),
  ],
);
