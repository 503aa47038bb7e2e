import { badRequest } from '../../core/errors.ts';

/** C13: a weekly summary (每周一汇总) or a monthly analysis (每月一研判). */
export type ReportPeriodKind = 'week' | 'month';

/** A reporting period in China Standard Time: [from, to) as instants, and its days. */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  from: Date;
  /** Exclusive: the first instant after the period. */
  to: Date;
  /** First and last day (YYYY-MM-DD, Asia/Shanghai). */
  firstDay: string;
  lastDay: string;
}

const DAY_MS = 86_400_000;
/** China Standard Time has had no daylight saving since 1991: midnight is 16:00 UTC the day before. */
const OFFSET_MS = 8 * 3_600_000;

/** A calendar day as a UTC day number (days since 1970-01-01). */
type DayNumber = number;

/**
 * `YYYY-MM-DD` as a day number, or a 400 naming `field` when it is not a real date
 * (2026-02-30 is refused rather than rolled over into March).
 */
export function parseDay(text: string, field: string): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (!match || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw badRequest(
      'BAD_DATE',
      `日期无效：${text}（应为 YYYY-MM-DD）`,
      `Not a date: ${text} (YYYY-MM-DD)`,
      field,
    );
  }
  return ms / DAY_MS;
}

/** The instant a Shanghai day starts. */
export function dayStart(day: DayNumber): Date {
  return new Date(day * DAY_MS - OFFSET_MS);
}

export function dayText(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * C13: the week (Monday to Sunday) or the calendar month that contains `day`, in
 * Asia/Shanghai. Pure: the same day always gives the same period.
 */
export function reportPeriod(kind: ReportPeriodKind, day: DayNumber): ReportPeriod {
  const date = new Date(day * DAY_MS);
  let first: DayNumber;
  let next: DayNumber;
  if (kind === 'week') {
    // getUTCDay: 0 is Sunday; a Chinese week starts on Monday.
    first = day - ((date.getUTCDay() + 6) % 7);
    next = first + 7;
  } else {
    first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
    next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
  }
  return {
    kind,
    from: dayStart(first),
    to: dayStart(next),
    firstDay: dayText(first),
    lastDay: dayText(next - 1),
  };
}

/** The period just before `period` (the previous week or month), for the comparison. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const firstDay = parseDay(period.firstDay, 'date');
  return reportPeriod(period.kind, firstDay - 1);
}
