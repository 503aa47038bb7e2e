import { badRequest } from '../../core/errors.ts';
import { dayNumberOf, isoDate, minuteOfDay } from '../calendar/index.ts';

const MAX_MONTHS_AHEAD = 99;

/**
 * The deadline rule of a clock that must fall due at a fixed time: `M+k@D@HH:MM`, the
 * D-th of the k-th month after the start at that minute (Asia/Shanghai). Obligations
 * only take rules, and this one lands exactly on `dueAt` when that is a workday; on a
 * rest day the clock moves to the next workday at the same minute, as a statutory
 * deadline does (Civil Code art. 203). Seconds are dropped. Calendar changes recompute
 * it like any other rule.
 */
export function fixedDueRule(startedAt: Date, dueAt: Date): string {
  if (Number.isNaN(dueAt.getTime()))
    throw badRequest('BAD_TIME', '完成期限不是有效的时间', 'dueAt is not a valid time', 'dueAt');
  if (dueAt.getTime() <= startedAt.getTime()) {
    throw badRequest('DUE_IN_PAST', '完成期限须晚于现在', 'The due time must be in the future', 'dueAt');
  }
  const [startYear, startMonth] = monthOf(startedAt);
  const [dueYear, dueMonth, dueDay] = monthOf(dueAt);
  const monthsAhead = dueYear * 12 + dueMonth - (startYear * 12 + startMonth);
  if (monthsAhead > MAX_MONTHS_AHEAD) {
    throw badRequest(
      'DUE_TOO_FAR',
      `完成期限不能超过 ${MAX_MONTHS_AHEAD} 个月`,
      `The due time must lie within ${MAX_MONTHS_AHEAD} months`,
      'dueAt',
    );
  }
  const minute = minuteOfDay(dueAt);
  const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return `M+${monthsAhead}@${dueDay}@${clock}`;
}

/** Year, month and day of month of an instant in Asia/Shanghai. */
function monthOf(instant: Date): [number, number, number] {
  const [year, month, day] = isoDate(dayNumberOf(instant)).split('-').map(Number);
  return [year ?? 0, month ?? 0, day ?? 0];
}

/** The month (`2026-10`) an instant falls in, Asia/Shanghai: the form of a report's period. */
export function periodOf(instant: Date): string {
  return isoDate(dayNumberOf(instant)).slice(0, 7);
}
