import { badRequest } from '../../core/errors.ts';
import { parseClock } from './local-time.ts';

/**
 * The deadline language (docs/DESIGN.md, "Deadline rules"):
 *   2h        2 natural hours
 *   2wh       2 working hours (office hours on workdays)
 *   3wd       office close of the 3rd workday after the start date
 *   3wd@12:00 12:00 of the 3rd workday after the start date
 *   20d       office close of the 20th day after the start date, moved to the next workday
 *   M+1@15    the 15th of the next month at office close, moved likewise (M+0@18: this month)
 *   Q@25      the 25th of the last month of the start's quarter at office close, moved likewise
 *   M+0@L     the last workday of the month (of the quarter's last month for Q@L), at office close
 * `@HH:MM` may also follow `d`, `M+k@D` and `Q@D` to replace office close.
 */
/** `@L` in `M+k@L` and `Q@L`: the last workday of the month. */
export const LAST_WORKDAY = 0;

export type DeadlineRule =
  | { kind: 'hours'; hours: number; text: string }
  | { kind: 'workHours'; hours: number; text: string }
  | { kind: 'workdays'; days: number; at: number | null; text: string }
  | { kind: 'days'; days: number; at: number | null; text: string }
  | { kind: 'monthDay'; monthsAhead: number; day: number; at: number | null; text: string }
  | { kind: 'quarterDay'; day: number; at: number | null; text: string };

/** Hour rules pause by elapsed time; day rules move by paused workdays. */
export function isHourRule(rule: DeadlineRule): boolean {
  return rule.kind === 'hours' || rule.kind === 'workHours';
}

const badRule = (text: string, zh: string, en: string) =>
  badRequest('BAD_RULE', `期限规则“${text}”无效：${zh}`, `Bad deadline rule "${text}": ${en}`, 'rule');

const MAX_HOURS = 24 * 366;
const MAX_DAYS = 3660;

export function parseDeadlineRule(input: string): DeadlineRule {
  const text = input.trim();
  const [body = '', atText, ...rest] = text.split('@');

  const hourMatch = /^(\d+(?:\.\d+)?)(h|wh)$/.exec(body);
  if (hourMatch) {
    const match = hourMatch;
    if (atText !== undefined) throw badRule(text, '小时规则不能指定时刻', 'hour rules take no @time');
    const hours = Number(match[1]);
    if (!(hours > 0 && hours <= MAX_HOURS)) throw badRule(text, '小时数须大于 0', 'hours must be above 0');
    return { kind: match[2] === 'h' ? 'hours' : 'workHours', hours, text };
  }

  const dayMatch = /^(\d+)(wd|d)$/.exec(body);
  if (dayMatch) {
    const match = dayMatch;
    const days = Number(match[1]);
    if (!(days >= 1 && days <= MAX_DAYS))
      throw badRule(text, '天数须在 1 到 3660 之间', 'days must be 1 to 3660');
    if (rest.length > 0) throw badRule(text, '只能有一个 @', 'only one @ is allowed');
    const at = atText === undefined ? null : clock(text, atText);
    return match[2] === 'wd' ? { kind: 'workdays', days, at, text } : { kind: 'days', days, at, text };
  }

  const monthMatch = /^M\+(\d{1,2})$/.exec(body);
  if (monthMatch) {
    const match = monthMatch;
    if (atText === undefined)
      throw badRule(text, '须写明日期，例如 M+1@15', 'the day is missing, as in M+1@15');
    if (rest.length > 1)
      throw badRule(text, '格式应为 M+1@15 或 M+1@15@12:00', 'write M+1@15 or M+1@15@12:00');
    return {
      kind: 'monthDay',
      monthsAhead: Number(match[1]),
      day: dayOfMonth(text, atText),
      at: optionalClock(text, rest[0]),
      text,
    };
  }

  if (body === 'Q') {
    if (atText === undefined) throw badRule(text, '须写明日期，例如 Q@25', 'the day is missing, as in Q@25');
    if (rest.length > 1) throw badRule(text, '格式应为 Q@25 或 Q@25@12:00', 'write Q@25 or Q@25@12:00');
    return { kind: 'quarterDay', day: dayOfMonth(text, atText), at: optionalClock(text, rest[0]), text };
  }

  throw badRule(
    text,
    '可用的写法：2h、2wh、3wd、3wd@12:00、20d、M+1@15、Q@25',
    'known forms are 2h, 2wh, 3wd, 3wd@12:00, 20d, M+1@15, Q@25',
  );
}

function clock(text: string, value: string): number {
  const minutes = parseClock(value);
  if (minutes === null) throw badRule(text, '时刻须为 HH:MM', 'the time must be HH:MM');
  return minutes;
}

function optionalClock(text: string, value: string | undefined): number | null {
  return value === undefined ? null : clock(text, value);
}

/** The day of month of `M+k@D` / `Q@D`; `L` is the month's last workday (returned as 0). */
function dayOfMonth(text: string, value: string): number {
  if (value === 'L') return LAST_WORKDAY;
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 31) {
    throw badRule(text, '日期须为 1 到 31', 'the day of month must be 1 to 31');
  }
  return Number(value);
}
