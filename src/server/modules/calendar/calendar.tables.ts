import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Days that differ from the default (weekdays work, weekends rest): holidays and
 * make-up workdays. A day set back to its default is deleted.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  workday: boolean('workday').notNull(),
  holiday: text('holiday'),
  makeup: boolean('makeup').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Years whose official arrangement is loaded; other years follow weekends only. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Office hours from one date to another (summer and winter hours); none means 09:00–12:00, 13:30–17:30. */
export const officeSchedules = pgTable('office_schedules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  /** [{"start": "09:00", "end": "12:00"}, …] in local time, ascending, not overlapping. */
  periods: jsonb('periods').$type<{ start: string; end: string }[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
