/** Every table of every module, for drizzle-kit and the typed database handle. */

export * from '../modules/assessment/assessment.tables.ts';
export * from '../modules/auth/accounts.tables.ts';
export * from '../modules/calendar/calendar.tables.ts';
export * from '../modules/cases/case-work.tables.ts';
export * from '../modules/cases/cases.tables.ts';
export * from '../modules/consultation/consultation.tables.ts';
export * from '../modules/events/events.tables.ts';
export * from '../modules/events/notifications.tables.ts';
export * from '../modules/events/webhooks.tables.ts';
export * from '../modules/files/files.tables.ts';
export * from '../modules/intake/intake.tables.ts';
export * from '../modules/ledger/ledger.tables.ts';
export * from '../modules/obligations/obligations.tables.ts';
export * from '../modules/org/org.tables.ts';
export * from '../modules/routing/routing.tables.ts';
