import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarDays, calendarYears, officeSchedules } from './calendar.tables.ts';
import type { DayChange } from './calendar-arrangement.ts';
import { parseClock, parseIsoDate } from './local-time.ts';
import { type DayException, type OfficeSchedule, WorkCalendar } from './work-calendar.ts';

/** Reads the whole calendar (a few dozen rows a year) into its in-memory form. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const [days, schedules] = await Promise.all([
    db.select().from(calendarDays),
    db.select().from(officeSchedules).orderBy(asc(officeSchedules.validFrom)),
  ]);
  const exceptions: DayException[] = days.map((d) => ({
    day: parseIsoDate(d.day) ?? 0,
    workday: d.workday,
    holiday: d.holiday,
    makeup: d.makeup,
  }));
  return new WorkCalendar(exceptions, schedules.map(toSchedule));
}

function toSchedule(row: typeof officeSchedules.$inferSelect): OfficeSchedule {
  return {
    from: parseIsoDate(row.validFrom) ?? 0,
    to: row.validTo ? parseIsoDate(row.validTo) : null,
    periods: row.periods.map((p) => ({ start: parseClock(p.start) ?? 0, end: parseClock(p.end) ?? 0 })),
  };
}

export async function listOfficeSchedules(db: Db) {
  return db.select().from(officeSchedules).orderBy(asc(officeSchedules.validFrom));
}

export async function listCalendarYears(db: Db) {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findCalendarYear(db: Db, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row;
}

export async function exceptionsBetween(db: Db, from: string, to: string) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, from), lte(calendarDays.day, to)))
    .orderBy(asc(calendarDays.day));
}

export async function exceptionsOn(db: Db, dates: string[]) {
  if (dates.length === 0) return [];
  return db.select().from(calendarDays).where(inArray(calendarDays.day, dates));
}

/** Is this day exactly what weekdays/weekends give by default (so no row is needed)? */
export function isDefaultDay(change: DayChange): boolean {
  const day = parseIsoDate(change.date) ?? 0;
  const weekday = (((day + 4) % 7) + 7) % 7;
  const weekend = weekday === 0 || weekday === 6;
  return change.holiday === null && !change.makeup && change.workday === !weekend;
}

export { calendarDays, calendarYears, officeSchedules };
