/** Every table of every module, for drizzle-kit and the typed database handle. */
export * from '../modules/auth/accounts.tables.ts';
export * from '../modules/calendar/calendar.tables.ts';
export * from '../modules/cases/cases.tables.ts';
export * from '../modules/events/events.tables.ts';
export * from '../modules/events/notifications.tables.ts';
export * from '../modules/events/webhooks.tables.ts';
export * from '../modules/obligations/obligations.tables.ts';
export * from '../modules/org/org.tables.ts';
