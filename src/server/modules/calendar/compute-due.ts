import { type DeadlineRule, LAST_WORKDAY } from './deadline-rule.ts';
import { dayNumberOf, dayOfDate, daysInMonth, instantAt, OFFSET_MS, partsOf } from './local-time.ts';
import type { WorkCalendar } from './work-calendar.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function msOfDay(instant: Date): number {
  return (((instant.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

function at(day: number, ms: number): Date {
  return new Date(day * DAY_MS + ms - OFFSET_MS);
}

/** The instant a rule falls due for a duty that starts at `start`. */
export function computeDue(calendar: WorkCalendar, start: Date, rule: DeadlineRule): Date {
  const startDay = dayNumberOf(start);
  switch (rule.kind) {
    case 'hours':
      return new Date(start.getTime() + rule.hours * 3_600_000);
    case 'workHours':
      return addWorkingTime(calendar, start, rule.hours * 3_600_000);
    case 'workdays': {
      const day = calendar.nthWorkdayAfter(startDay, rule.days);
      return instantAt(day, rule.at ?? calendar.closeMinute(day));
    }
    case 'days': {
      const day = calendar.workdayOnOrAfter(startDay + rule.days);
      return instantAt(day, rule.at ?? calendar.closeMinute(day));
    }
    case 'monthDay': {
      const { year, month } = partsOf(startDay);
      const index = year * 12 + (month - 1) + rule.monthsAhead;
      return onDayOfMonth(calendar, Math.floor(index / 12), (index % 12) + 1, rule.day, rule.at);
    }
    case 'quarterDay': {
      const { year, month } = partsOf(startDay);
      return onDayOfMonth(calendar, year, Math.floor((month - 1) / 3) * 3 + 3, rule.day, rule.at);
    }
  }
}

/**
 * The given day of a month (the month's last day when it is shorter, so `M+1@31` is
 * the end of February), moved to the next workday when it is a rest day.
 */
function onDayOfMonth(
  calendar: WorkCalendar,
  year: number,
  month: number,
  dayOfMonth: number,
  atMinute: number | null,
): Date {
  if (dayOfMonth === LAST_WORKDAY) {
    // The month's last workday: back from its last day (R2: held by the month's end).
    let last = dayOfDate(year, month, daysInMonth(year, month));
    while (!calendar.isWorkday(last)) last -= 1;
    return instantAt(last, atMinute ?? calendar.closeMinute(last));
  }
  const day = calendar.workdayOnOrAfter(
    dayOfDate(year, month, Math.min(dayOfMonth, daysInMonth(year, month))),
  );
  return instantAt(day, atMinute ?? calendar.closeMinute(day));
}

/**
 * `start` plus `ms` of office time: only time inside office periods of workdays
 * counts, and a start outside office hours counts from the next opening.
 */
export function addWorkingTime(calendar: WorkCalendar, start: Date, ms: number): Date {
  let day = dayNumberOf(start);
  let cursor = msOfDay(start);
  let left = ms;
  if (left <= 0) return start;
  // A year of days is far more than any rule needs; the bound only guards bad data.
  for (let guard = 0; guard < 3700; guard++) {
    for (const period of calendar.periods(day)) {
      const end = period.end * MINUTE_MS;
      if (cursor >= end) continue;
      const from = Math.max(cursor, period.start * MINUTE_MS);
      if (left <= end - from) return at(day, from + left);
      left -= end - from;
      cursor = end;
    }
    day += 1;
    cursor = 0;
  }
  throw new RangeError('no office time found within ten years');
}

/** Office time (ms) between two instants. */
export function workingTimeBetween(calendar: WorkCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const lastDay = dayNumberOf(to);
  let total = 0;
  for (let day = dayNumberOf(from); day <= lastDay; day++) {
    for (const period of calendar.periods(day)) {
      const start = Math.max(at(day, period.start * MINUTE_MS).getTime(), from.getTime());
      const end = Math.min(at(day, period.end * MINUTE_MS).getTime(), to.getTime());
      if (end > start) total += end - start;
    }
  }
  return total;
}

/**
 * When to warn: after `ratio` of the window. Working-time rules measure the window in
 * office time (a warning should not fire at night for a 2-working-hour duty); the
 * others in natural time.
 */
export function computeWarnAt(
  calendar: WorkCalendar,
  start: Date,
  due: Date,
  rule: DeadlineRule,
  ratio: number,
): Date {
  if (rule.kind === 'workHours' || rule.kind === 'workdays') {
    const office = workingTimeBetween(calendar, start, due);
    if (office > 0) return addWorkingTime(calendar, start, office * ratio);
  }
  return new Date(start.getTime() + Math.max(0, due.getTime() - start.getTime()) * ratio);
}
