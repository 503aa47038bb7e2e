/** The calendar module: workdays, holidays, make-up days, office hours and deadline arithmetic. */

export { listCalendarYears, loadWorkCalendar } from './calendar.repository.ts';
export { type CalendarArrangement, calendarArrangement, type DayChange } from './calendar-arrangement.ts';
export { parseStart } from './calendar-queries.ts';
export { CalendarStore } from './calendar-store.ts';
export { addWorkingTime, computeDue, computeWarnAt, workingTimeBetween } from './compute-due.ts';
export { type DeadlineRule, isHourRule, parseDeadlineRule } from './deadline-rule.ts';
export { loadArrangement } from './load-arrangement.ts';
export { dayNumberOf, instantAt, isoDate, minuteOfDay, parseIsoDate } from './local-time.ts';
export {
  addOfficeSchedule,
  type DateSpan,
  type OfficeScheduleInput,
  type OfficeScheduleRow,
  removeOfficeSchedule,
} from './office-schedules.ts';
export { parseCalendarFile } from './parse-calendar-file.ts';
export { seedOfficialCalendar } from './seed-official-calendar.ts';
export { setCalendarDays } from './set-calendar-days.ts';
export { WorkCalendar } from './work-calendar.ts';
