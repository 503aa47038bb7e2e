import { type CalendarArrangement, daysOfArrangement } from './calendar-arrangement.ts';
import { parseIsoDate } from './local-time.ts';
import { type OfficeSchedule, WorkCalendar } from './work-calendar.ts';

/** A calendar straight from arrangements, without a database (tests, benchmarks, tools). */
export function calendarFromArrangements(
  arrangements: CalendarArrangement[],
  schedules: OfficeSchedule[] = [],
): WorkCalendar {
  return new WorkCalendar(
    arrangements.flatMap(daysOfArrangement).map((d) => ({
      day: parseIsoDate(d.date) ?? 0,
      workday: d.workday,
      holiday: d.holiday,
      makeup: d.makeup,
    })),
    schedules,
  );
}
