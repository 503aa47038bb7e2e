import { badRequest } from '../../core/errors.ts';

/** An assessment period: whole Shanghai days [firstDay, toDay) as instants [from, to). */
export interface IndicatorPeriod {
  from: Date;
  /** Exclusive: the first instant after the period. */
  to: Date;
  /** The days as asked (YYYY-MM-DD, Asia/Shanghai); `toDay` is the first day after. */
  fromDay: string;
  toDay: string;
}

/** Longest period asked at once; a year and a bit, so a year against the last can be read. */
export const MAX_PERIOD_DAYS = 400;

const DAY_MS = 86_400_000;
/** China Standard Time has had no daylight saving since 1991: midnight is 16:00 UTC the day before. */
const OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD` as a UTC day number, or 400 BAD_DATE naming `field` (2026-02-30 is refused, not rolled over). */
function dayNumber(text: string, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const back = new Date(Date.UTC(y, m - 1, d));
  if (!match || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw badRequest(
      'BAD_DATE',
      `日期无效：${text}（应为 YYYY-MM-DD）`,
      `Not a date: ${text} (YYYY-MM-DD)`,
      field,
    );
  }
  return back.getTime() / DAY_MS;
}

/**
 * A1: the period [from, to) of whole days in Asia/Shanghai (`to` is the first day after
 * it: September is from=2026-09-01&to=2026-10-01). Refused with 400 BAD_PERIOD on `to`
 * when `to` is not after `from` or the period is longer than MAX_PERIOD_DAYS. Pure.
 */
export function indicatorPeriod(fromDay: string, toDay: string): IndicatorPeriod {
  const first = dayNumber(fromDay, 'from');
  const next = dayNumber(toDay, 'to');
  if (next <= first) {
    throw badRequest(
      'BAD_PERIOD',
      '统计期的结束日期须晚于开始日期',
      'The period must end after it starts (to > from)',
      'to',
    );
  }
  if (next - first > MAX_PERIOD_DAYS) {
    throw badRequest(
      'BAD_PERIOD',
      `统计期最长 ${MAX_PERIOD_DAYS} 天`,
      `A period is at most ${MAX_PERIOD_DAYS} days`,
      'to',
    );
  }
  return {
    from: new Date(first * DAY_MS - OFFSET_MS),
    to: new Date(next * DAY_MS - OFFSET_MS),
    fromDay,
    toDay,
  };
}
