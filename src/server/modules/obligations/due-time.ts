import {
  addWorkingTime,
  computeDue,
  computeWarnAt,
  type DeadlineRule,
  dayNumberOf,
  instantAt,
  minuteOfDay,
  parseDeadlineRule,
  type WorkCalendar,
  workingTimeBetween,
} from '../calendar/index.ts';
import type { PauseSpan } from './obligations.tables.ts';

export interface DueInput {
  startedAt: Date;
  deadline: string;
  extendedDueAt: Date | null;
  pauses: PauseSpan[];
  warnRatio: number;
}

/**
 * Due and warning times of an obligation, from its rule, its extension and its
 * closed pauses — always recomputed from these, so a calendar change gives the
 * same answer as if the calendar had been so from the start.
 */
export function dueTimes(
  calendar: WorkCalendar,
  input: DueInput,
): { baseDueAt: Date; dueAt: Date; warnAt: Date } {
  const rule = parseDeadlineRule(input.deadline);
  const baseDueAt = input.extendedDueAt ?? computeDue(calendar, input.startedAt, rule);
  let dueAt = baseDueAt;
  for (const pause of input.pauses)
    dueAt = afterPause(calendar, rule, dueAt, new Date(pause.from), new Date(pause.to));
  return { baseDueAt, dueAt, warnAt: computeWarnAt(calendar, input.startedAt, dueAt, rule, input.warnRatio) };
}

/**
 * Paused time does not count: for hour rules the time left at the pause starts again
 * at the resume (working time for `wh`); for day rules the due date moves on by the
 * workdays the pause covered (the day of resuming not included).
 */
export function afterPause(
  calendar: WorkCalendar,
  rule: DeadlineRule,
  due: Date,
  from: Date,
  to: Date,
): Date {
  if (to <= from) return due;
  switch (rule.kind) {
    case 'hours':
      return new Date(to.getTime() + Math.max(0, due.getTime() - from.getTime()));
    case 'workHours':
      return addWorkingTime(calendar, to, workingTimeBetween(calendar, from, due));
    default: {
      const skipped = calendar.countWorkdays(dayNumberOf(from), dayNumberOf(to) - 1);
      if (skipped === 0) return due;
      const day = calendar.nthWorkdayAfter(dayNumberOf(due), skipped);
      return instantAt(day, minuteOfDay(due) + (due.getTime() % 60_000) / 60_000);
    }
  }
}
