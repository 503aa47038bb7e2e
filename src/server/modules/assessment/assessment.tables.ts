import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';
import { orgUnits } from '../org/org.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A2: the assessment settings of an area (a district or the city): the weights of the
 * four rates in the composite score (percent, summing to 100), the minimum number of
 * cases for a unit to be ranked, and the automatic point rules. A change is a new row
 * (valid from its time); the newest row valid at a period's end applies.
 */
export const assessmentSettings = pgTable(
  'assessment_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    weights: jsonb('weights')
      .$type<{ signIn: number; onTime: number; firstTime: number; satisfaction: number }>()
      .notNull(),
    minimumCases: integer('minimum_cases').notNull(),
    /** Automatic points per event kind, e.g. { "breach": -1, "consultationBreach": -2 }. */
    pointRules: jsonb('point_rules').$type<Record<string, number>>().notNull(),
    validFrom: ts('valid_from').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('assessment_settings_area_idx').on(t.areaUnitId, t.validFrom)],
);

/**
 * A2: a plus or minus point entry of a unit — automatic (from a rule) or manual (with a
 * reason, the rule ID and an approver). Never edited: a correction is a new entry that
 * names the entry it corrects.
 */
export const assessmentPoints = pgTable(
  'assessment_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** When the fact happened: the entry belongs to the period containing it. */
    occurredAt: ts('occurred_at').notNull(),
    points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    ruleId: text('rule_id').notNull(),
    reason: text('reason').notNull(),
    automatic: text('automatic'),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    corrects: uuid('corrects'),
    approvedBy: uuid('approved_by').references(() => accounts.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('assessment_points_unit_idx').on(t.unitId, t.occurredAt),
    uniqueIndex('assessment_points_auto_uq').on(t.automatic, t.sourceType, t.sourceId),
  ],
);

/**
 * A1, A2: a published ranking — level, period, the frozen rows (unit, rates, score,
 * points, rank; units with too few cases listed apart) — never recomputed. A correction
 * is a new version with its reason; both remain visible.
 */
export const rankings = pgTable(
  'rankings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaUnitId: uuid('area_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** Who is ranked: townships, departments (with enterprises), agencies, communities, grids. */
    subject: text('subject').notNull(),
    /** week, month or quarter. */
    periodKind: text('period_kind').notNull(),
    periodFrom: ts('period_from').notNull(),
    periodTo: ts('period_to').notNull(),
    version: integer('version').notNull(),
    reason: text('reason'),
    rows: jsonb('rows').$type<Record<string, unknown>[]>().notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    publishedBy: uuid('published_by').references(() => accounts.id),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [
    uniqueIndex('rankings_version_uq').on(t.areaUnitId, t.subject, t.periodKind, t.periodFrom, t.version),
    check('rankings_period_check', sql`${t.periodKind} IN ('week', 'month', 'quarter')`),
  ],
);

/**
 * A3, A5, A6: alerts and accountability — a commendation or warning from a published
 * ranking (A3), an interview (约谈) of a unit's head (A5: bottom 3 twice running, or strong
 * complaints), a referral for discipline inspection (A5), a key case for special
 * supervision (A6). Never edited; closing one is recorded on it once.
 */
export const assessmentAlerts = pgTable(
  'assessment_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    /** The head of the unit at the time (person name and post), for an interview. */
    head: jsonb('head').$type<{ personId: string | null; name: string; post: string } | null>(),
    reason: text('reason').notNull(),
    ruleId: text('rule_id').notNull(),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => accounts.id),
    closingNote: text('closing_note'),
  },
  (t) => [
    index('assessment_alerts_kind_idx').on(t.kind, t.createdAt),
    uniqueIndex('assessment_alerts_source_uq').on(t.kind, t.unitId, t.sourceType, t.sourceId),
    check(
      'assessment_alerts_kind_check',
      sql`${t.kind} IN ('commendation', 'warning', 'interview', 'referral', 'key_case', 'trace')`,
    ),
  ],
);

const count = (name: string) => integer(name).notNull().default(0);
const seconds = (name: string) => numeric(name, { mode: 'string' }).notNull().default('0');

/**
 * A1, A2: one unit's settled figures of one Shanghai day (settle-days.ts) — the sums the
 * live statement adds up, so a period's figures are the sum of its settled days plus the
 * live computation of the rest (indicators.repository.ts). Duties count on the day of
 * their due time, cases on the day they closed, events and returns on the day they
 * happened. Hours are kept as seconds with their count, so means recombine exactly.
 */
export const assessmentDaily = pgTable(
  'assessment_daily',
  {
    unitId: uuid('unit_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    signDue: count('sign_due'),
    signOnTime: count('sign_on_time'),
    finishDue: count('finish_due'),
    finishOnTime: count('finish_on_time'),
    signSeconds: seconds('sign_seconds'),
    signMet: count('sign_met'),
    finishSeconds: seconds('finish_seconds'),
    finishMet: count('finish_met'),
    closed: count('closed'),
    firstTime: count('first_time'),
    satisfied: count('satisfied'),
    unsatisfied: count('unsatisfied'),
    extended: count('extended'),
    received: count('received'),
    dispatched: count('dispatched'),
    returned: count('returned'),
    returnedAgreed: count('returned_agreed'),
    returnedRefused: count('returned_refused'),
    returnedPending: count('returned_pending'),
    /** A2: breached duties of cases (and their tasks), and of ledger and consultation items. */
    breaches: count('breaches'),
    consultationBreaches: count('consultation_breaches'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] }), index('assessment_daily_day_idx').on(t.day)],
);

/** The days whose `assessment_daily` rows are settled (a day with no figures has no rows, but is settled). */
export const assessmentSettledDays = pgTable('assessment_settled_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  settledAt: ts('settled_at').notNull(),
});

/**
 * Settled days a later change has altered (a duty met late, an extension, a return
 * decided, a lead changed…): marked by the triggers of migration 0012 in the changing
 * transaction, computed live until settled again.
 */
export const assessmentDirtyDays = pgTable('assessment_dirty_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
});
