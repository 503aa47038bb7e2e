import { badRequest } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import { computeDue } from './compute-due.ts';
import { parseDeadlineRule } from './deadline-rule.ts';
import { isoDate, parseIsoDate, partsOf } from './local-time.ts';
import type { WorkCalendar } from './work-calendar.ts';

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time with an explicit offset (a time without one is ambiguous: refused). */
export function parseStart(text: string): Date {
  const match = ISO_WITH_OFFSET.exec(text);
  const date = match ? new Date(text) : null;
  const valid =
    match &&
    date &&
    !Number.isNaN(date.getTime()) &&
    parseIsoDate(match[1] ?? '') !== null &&
    Number(match[2]) < 24 &&
    Number(match[3]) < 60 &&
    Number(match[4] ?? 0) < 60;
  if (!valid || !date) {
    throw badRequest(
      'BAD_START',
      '开始时间须为带时区的 ISO 8601 时间，例如 2026-09-30T10:00:00+08:00',
      'start must be ISO 8601 with an offset, e.g. 2026-09-30T10:00:00+08:00',
      'start',
    );
  }
  return date;
}

export function dueFor(calendar: WorkCalendar, startText: string, ruleText: string) {
  const rule = parseDeadlineRule(ruleText);
  const start = parseStart(startText);
  return {
    start: toIsoShanghai(start),
    rule: rule.text,
    due: toIsoShanghai(computeDue(calendar, start, rule)),
  };
}

const MAX_SPAN_DAYS = 1100;

/** A date range from the query, checked: real dates, from ≤ to, at most about three years. */
export function parseRange(fromText: string, toText: string): { from: number; to: number } {
  const from = parseIsoDate(fromText);
  if (from === null)
    throw badRequest('BAD_DATE', '起始日期须为 YYYY-MM-DD', 'from must be YYYY-MM-DD', 'from');
  const to = parseIsoDate(toText);
  if (to === null) throw badRequest('BAD_DATE', '结束日期须为 YYYY-MM-DD', 'to must be YYYY-MM-DD', 'to');
  if (to < from) throw badRequest('BAD_RANGE', '结束日期早于起始日期', 'to is before from', 'to');
  if (to - from >= MAX_SPAN_DAYS) {
    throw badRequest('BAD_RANGE', '日期范围最多 1100 天', 'The range may cover at most 1100 days', 'to');
  }
  return { from, to };
}

export function daysBetween(calendar: WorkCalendar, fromText: string, toText: string) {
  const { from, to } = parseRange(fromText, toText);
  const days = [];
  for (let day = from; day <= to; day++) {
    const info = calendar.info(day);
    days.push({
      date: isoDate(day),
      weekday: partsOf(day).weekday,
      workday: info.workday,
      holiday: info.holiday,
      makeup: info.makeup,
    });
  }
  return { from: isoDate(from), to: isoDate(to), days };
}

export function workdaysBetween(calendar: WorkCalendar, fromText: string, toText: string) {
  const { from, to } = parseRange(fromText, toText);
  return { from: isoDate(from), to: isoDate(to), workdays: calendar.countWorkdays(from, to) };
}
