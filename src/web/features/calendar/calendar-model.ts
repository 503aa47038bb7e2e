import type { CalendarDay, DayChange, OfficePeriod } from '../../lib/api-types.ts';

/**
 * Pure calendar logic for the work-calendar page: how a day is shown, the month grids,
 * the year list, the values of the day form. Dates are `YYYY-MM-DD` strings and are
 * computed in UTC, so the browser's own time zone never shifts a day.
 */

/** How a day looks: a plain workday, a rest day, a public holiday, or a make-up workday (调休补班). */
export type DayKind = 'workday' | 'rest' | 'holiday' | 'makeup';

export function dayKind(day: Pick<CalendarDay, 'workday' | 'holiday' | 'makeup'>): DayKind {
  if (day.workday) return day.makeup ? 'makeup' : 'workday';
  return day.holiday ? 'holiday' : 'rest';
}

/** Monday to Friday work, the weekend rests (weekday 0 = Sunday, as the API counts). */
export function isDefaultWorkday(weekday: number): boolean {
  return weekday >= 1 && weekday <= 5;
}

/** True when the day differs from its weekday default: an exception stored on the server. */
export function isAdjusted(day: CalendarDay): boolean {
  return day.workday !== isDefaultWorkday(day.weekday) || day.holiday !== null || day.makeup;
}

/** An adjustment that is neither a holiday nor a make-up day: a typhoon day off, a weekend at work. */
export function isAdHocAdjustment(day: CalendarDay): boolean {
  return isAdjusted(day) && day.holiday === null && !day.makeup;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The date `delta` days away (negative: earlier). */
export function addDays(date: string, delta: number): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  const moved = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + delta));
  return isoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The same day of the month `delta` months away, kept inside the shorter month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, delta: number): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  const index = parts.year * 12 + (parts.month - 1) + delta;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(parts.day, daysInMonth(year, month)));
}

/** The whole year, as `GET /api/calendar/days` takes it. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

/** Columns of a month grid: the week starts on Monday, as Chinese calendars do. */
export const WEEK_COLUMNS: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

/**
 * A month as rows of seven cells (Monday first), each a date or null for the blanks
 * before the 1st and after the last day.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const leading = (weekdayOf(year, month, 1) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: leading }, () => null);
  const count = daysInMonth(year, month);
  for (let day = 1; day <= count; day++) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Today's date in Asia/Shanghai (fixed UTC+8), whatever the browser's zone. */
export function shanghaiToday(now: number = Date.now()): string {
  const d = new Date(now + 8 * 60 * 60 * 1000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The years to choose from: every year from the earliest loaded one (or the current
 * year) to the year after the latest loaded or current one (to add it), ascending.
 */
export function yearChoices(loaded: readonly number[], currentYear: number): number[] {
  const first = Math.min(...loaded, currentYear);
  const last = Math.max(...loaded, currentYear) + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The file format the import expects, from the file's extension; null when it is neither. */
export function importFormatOf(fileName: string): 'json' | 'ics' | null {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.ics') || lower.endsWith('.ical') || lower.endsWith('.ifb')) return 'ics';
  return null;
}

/** The values of the day form. */
export interface DayFormValues {
  workday: boolean;
  holiday: string;
  makeup: boolean;
  reason: string;
}

export function dayFormValues(day: CalendarDay): Omit<DayFormValues, 'reason'> {
  return { workday: day.workday, holiday: day.holiday ?? '', makeup: day.makeup };
}

/** What the day returns to when its exception is removed. */
export function defaultDayValues(day: CalendarDay): Omit<DayFormValues, 'reason'> {
  return { workday: isDefaultWorkday(day.weekday), holiday: '', makeup: false };
}

/** The body of `PUT /api/calendar/days` for one day: a blank holiday name is none. */
export function dayChangeOf(date: string, values: DayFormValues): { days: DayChange[]; reason: string } {
  const holiday = values.holiday.trim();
  return {
    days: [
      { date, workday: values.workday, holiday: holiday === '' ? null : holiday, makeup: values.makeup },
    ],
    reason: values.reason.trim(),
  };
}

/**
 * The start of the deadline calculator as the API wants it: the wall-clock time picked
 * is a time in Asia/Shanghai, written with its +08:00 offset (the browser's zone plays no part).
 */
export function shanghaiStart(parts: WallClock): string {
  return `${isoDate(parts.year, parts.month, parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:00+08:00`;
}

/** Office periods for display: `09:00–12:00, 13:30–17:30`. */
export function formatPeriods(periods: readonly OfficePeriod[], separator = ', '): string {
  return periods.map((p) => `${p.start}–${p.end}`).join(separator);
}

/** The office hours that apply when none are configured (the server's default). */
export const DEFAULT_OFFICE_PERIODS: readonly OfficePeriod[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Counts per kind, for the legend: how many holidays, make-up days… in the year shown. */
export function countKinds(days: readonly CalendarDay[]): Record<DayKind, number> {
  const counts: Record<DayKind, number> = { workday: 0, rest: 0, holiday: 0, makeup: 0 };
  for (const day of days) counts[dayKind(day)] += 1;
  return counts;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The date and time now on a wall clock in Asia/Shanghai. */
export function shanghaiWallClock(now: number = Date.now()): WallClock {
  const d = new Date(now + 8 * 60 * 60 * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

export interface HolidayEntry {
  name: string;
  /** First and last rest day, both included. */
  off: [string, string];
  /** The make-up workdays of this holiday. */
  work: string[];
}

/**
 * The holidays of a year as an arrangement form starts from: each run of consecutive
 * rest days with the same holiday name is one entry, and each make-up day of that name
 * joins the run nearest to it. Only the days given are seen.
 */
export function holidaysOfDays(days: readonly CalendarDay[]): HolidayEntry[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const entries: HolidayEntry[] = [];
  let last: HolidayEntry | null = null;
  for (const day of sorted) {
    if (day.workday || !day.holiday) continue;
    if (last && last.name === day.holiday && addDays(last.off[1], 1) === day.date) {
      last.off[1] = day.date;
    } else {
      last = { name: day.holiday, off: [day.date, day.date], work: [] };
      entries.push(last);
    }
  }
  const distance = (date: string, entry: HolidayEntry) => {
    const at = Date.parse(date);
    const from = Date.parse(entry.off[0]);
    const to = Date.parse(entry.off[1]);
    return at < from ? from - at : at > to ? at - to : 0;
  };
  for (const day of sorted) {
    if (!day.makeup || !day.holiday) continue;
    const candidates = entries.filter((entry) => entry.name === day.holiday);
    if (candidates.length === 0) continue;
    const nearest = candidates.reduce((best, entry) =>
      distance(day.date, entry) < distance(day.date, best) ? entry : best,
    );
    nearest.work.push(day.date);
  }
  return entries;
}
