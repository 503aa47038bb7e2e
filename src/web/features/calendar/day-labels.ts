import type { Translate } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { CalendarDay } from '../../lib/api-types.ts';
import { type DayKind, dayKind, isAdHocAdjustment, parseIsoDate } from './calendar-model.ts';

/** Short day names by weekday (0 = Sunday), as the column heads show them: 日 一 二 … */
export const WEEKDAY_SHORT: readonly MessageKey[] = [
  'calendar.weekdayShort.0',
  'calendar.weekdayShort.1',
  'calendar.weekdayShort.2',
  'calendar.weekdayShort.3',
  'calendar.weekdayShort.4',
  'calendar.weekdayShort.5',
  'calendar.weekdayShort.6',
];

/** Full day names by weekday (0 = Sunday): 星期日, 星期一 … */
export const WEEKDAY_LONG: readonly MessageKey[] = [
  'calendar.weekday.0',
  'calendar.weekday.1',
  'calendar.weekday.2',
  'calendar.weekday.3',
  'calendar.weekday.4',
  'calendar.weekday.5',
  'calendar.weekday.6',
];

export const MONTH_NAMES: readonly MessageKey[] = [
  'calendar.month.1',
  'calendar.month.2',
  'calendar.month.3',
  'calendar.month.4',
  'calendar.month.5',
  'calendar.month.6',
  'calendar.month.7',
  'calendar.month.8',
  'calendar.month.9',
  'calendar.month.10',
  'calendar.month.11',
  'calendar.month.12',
];

export const KIND_LABELS: Record<DayKind, MessageKey> = {
  workday: 'calendar.kind.workday',
  rest: 'calendar.kind.rest',
  holiday: 'calendar.kind.holiday',
  makeup: 'calendar.kind.makeup',
};

/** 2026年10月1日 星期四 / Thursday, October 1, 2026. */
export function dateLabel(t: Translate, date: string, weekday: number): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return t('calendar.dateLabel', {
    year: parts.year,
    month: parts.month,
    monthName: t(MONTH_NAMES[parts.month - 1] ?? 'calendar.month.1'),
    day: parts.day,
    weekday: t(WEEKDAY_LONG[weekday] ?? 'calendar.weekday.0'),
  });
}

/** What a screen reader (and a tooltip) says of a day: date, kind, holiday name, adjusted. */
export function dayDescription(t: Translate, day: CalendarDay): string {
  const parts = [dateLabel(t, day.date, day.weekday)];
  if (day.holiday) parts.push(day.holiday);
  parts.push(t(KIND_LABELS[dayKind(day)]));
  if (isAdHocAdjustment(day)) parts.push(t('calendar.kind.adjusted'));
  return parts.join(t('calendar.separator'));
}
