import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../lib/api-types.ts';
import {
  addDays,
  addMonths,
  countKinds,
  DEFAULT_OFFICE_PERIODS,
  dayChangeOf,
  dayKind,
  daysInMonth,
  defaultDayValues,
  formatPeriods,
  holidaysOfDays,
  importFormatOf,
  isAdHocAdjustment,
  isAdjusted,
  monthWeeks,
  parseIsoDate,
  shanghaiStart,
  shanghaiToday,
  shanghaiWallClock,
  yearChoices,
  yearRange,
} from './calendar-model.ts';

function day(date: string, weekday: number, over: Partial<CalendarDay> = {}): CalendarDay {
  const workday = weekday >= 1 && weekday <= 5;
  return { date, weekday, workday, holiday: null, makeup: false, ...over };
}

describe('dayKind and adjustments', () => {
  it('tells workdays, rest days, holidays and make-up days apart', () => {
    expect(dayKind(day('2026-10-08', 4))).toBe('workday');
    expect(dayKind(day('2026-10-11', 0))).toBe('rest');
    expect(dayKind(day('2026-10-01', 4, { workday: false, holiday: '国庆节' }))).toBe('holiday');
    expect(dayKind(day('2026-10-10', 6, { workday: true, holiday: '国庆节', makeup: true }))).toBe('makeup');
  });

  it('marks a day that differs from its weekday default', () => {
    expect(isAdjusted(day('2026-10-08', 4))).toBe(false);
    expect(isAdjusted(day('2026-10-11', 0))).toBe(false);
    const typhoon = day('2026-11-20', 5, { workday: false });
    expect(isAdjusted(typhoon)).toBe(true);
    expect(isAdHocAdjustment(typhoon)).toBe(true);
    const saturdayAtWork = day('2026-11-21', 6, { workday: true });
    expect(isAdHocAdjustment(saturdayAtWork)).toBe(true);
    // Holidays and make-up days have their own colours: not "ad hoc".
    expect(isAdHocAdjustment(day('2026-10-01', 4, { workday: false, holiday: '国庆节' }))).toBe(false);
    expect(isAdHocAdjustment(day('2026-10-10', 6, { holiday: '国庆节', makeup: true, workday: true }))).toBe(
      false,
    );
  });

  it('counts the kinds of a list of days', () => {
    const counts = countKinds([
      day('2026-10-01', 4, { workday: false, holiday: '国庆节' }),
      day('2026-10-08', 4),
      day('2026-10-10', 6, { workday: true, holiday: '国庆节', makeup: true }),
      day('2026-10-11', 0),
    ]);
    expect(counts).toEqual({ workday: 1, rest: 1, holiday: 1, makeup: 1 });
  });
});

describe('dates', () => {
  it('parses only real dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2027-02-29')).toBeNull();
    expect(parseIsoDate('2027-13-01')).toBeNull();
    expect(parseIsoDate('2027-1-01')).toBeNull();
  });

  it('moves by days and months across boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('knows month lengths and the year range', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(yearRange(2027)).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });

  it('lays a month out in weeks starting on Monday', () => {
    // October 2026 starts on a Thursday and ends on a Saturday.
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks.at(-1)).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      null,
    ]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    // February 2027 starts on a Monday: no blank before the 1st.
    expect(monthWeeks(2027, 2)[0]?.[0]).toBe('2027-02-01');
  });

  it('takes today and now in Asia/Shanghai, whatever the zone of the browser', () => {
    // 2026-09-30T17:30Z is 01:30 on 1 October in Shanghai.
    const instant = Date.parse('2026-09-30T17:30:00Z');
    expect(shanghaiToday(instant)).toBe('2026-10-01');
    expect(shanghaiWallClock(instant)).toEqual({ year: 2026, month: 10, day: 1, hour: 1, minute: 30 });
  });
});

describe('yearChoices', () => {
  it('offers the loaded years, the current year and the one after the latest', () => {
    expect(yearChoices([2025, 2026], 2026)).toEqual([2025, 2026, 2027]);
    expect(yearChoices([2026, 2025, 2027], 2026)).toEqual([2025, 2026, 2027, 2028]);
    expect(yearChoices([], 2026)).toEqual([2026, 2027]);
    expect(yearChoices([2025], 2026)).toEqual([2025, 2026, 2027]);
  });

  it('leaves no gap between the loaded years and the current one', () => {
    expect(yearChoices([2025, 2026], 2028)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(yearChoices([2030], 2026)).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
  });
});

describe('importFormatOf', () => {
  it('picks the format from the extension', () => {
    expect(importFormatOf('2027.json')).toBe('json');
    expect(importFormatOf('节假日 2027.ICS')).toBe('ics');
    expect(importFormatOf('holidays.txt')).toBeNull();
    expect(importFormatOf('json')).toBeNull();
  });
});

describe('day form', () => {
  it('sends a blank holiday name as none and trims the reason', () => {
    expect(
      dayChangeOf('2026-11-20', { workday: false, holiday: '  ', makeup: false, reason: ' 台风停工 ' }),
    ).toEqual({
      days: [{ date: '2026-11-20', workday: false, holiday: null, makeup: false }],
      reason: '台风停工',
    });
    expect(
      dayChangeOf('2026-10-10', { workday: true, holiday: ' 国庆节 ', makeup: true, reason: 'x' }).days[0],
    ).toEqual({ date: '2026-10-10', workday: true, holiday: '国庆节', makeup: true });
  });

  it('restores a day to its weekday default', () => {
    expect(defaultDayValues(day('2026-10-01', 4, { workday: false, holiday: '国庆节' }))).toEqual({
      workday: true,
      holiday: '',
      makeup: false,
    });
    expect(defaultDayValues(day('2026-10-10', 6, { workday: true, makeup: true }))).toEqual({
      workday: false,
      holiday: '',
      makeup: false,
    });
  });
});

describe('shanghaiStart', () => {
  it('writes the picked wall-clock time with the +08:00 offset', () => {
    expect(shanghaiStart({ year: 2026, month: 9, day: 30, hour: 10, minute: 0 })).toBe(
      '2026-09-30T10:00:00+08:00',
    );
    expect(shanghaiStart({ year: 2027, month: 1, day: 5, hour: 8, minute: 5 })).toBe(
      '2027-01-05T08:05:00+08:00',
    );
  });
});

describe('formatPeriods', () => {
  it('joins the periods', () => {
    expect(formatPeriods(DEFAULT_OFFICE_PERIODS)).toBe('09:00–12:00, 13:30–17:30');
    expect(formatPeriods(DEFAULT_OFFICE_PERIODS, '、')).toBe('09:00–12:00、13:30–17:30');
    expect(formatPeriods([])).toBe('');
  });
});

describe('holidaysOfDays', () => {
  it('turns runs of holiday rest days into entries and attaches each make-up day to its nearest run', () => {
    const days: CalendarDay[] = [
      day('2026-09-20', 0, { workday: true, holiday: '国庆节', makeup: true }),
      day('2026-10-01', 4, { workday: false, holiday: '国庆节' }),
      day('2026-10-02', 5, { workday: false, holiday: '国庆节' }),
      day('2026-10-03', 6, { workday: false, holiday: '国庆节' }),
      day('2026-10-08', 4),
      day('2026-10-10', 6, { workday: true, holiday: '国庆节', makeup: true }),
      day('2026-10-11', 0),
      day('2026-11-20', 5, { workday: false }),
    ];
    // Shuffled input: the order must not matter.
    expect(holidaysOfDays([...days].reverse())).toEqual([
      { name: '国庆节', off: ['2026-10-01', '2026-10-03'], work: ['2026-09-20', '2026-10-10'] },
    ]);
  });

  it('keeps two holidays apart when they touch, and two runs of one name apart when they do not', () => {
    const entries = holidaysOfDays([
      day('2026-01-01', 4, { workday: false, holiday: '元旦' }),
      day('2026-01-02', 5, { workday: false, holiday: '元旦' }),
      day('2026-01-03', 6, { workday: false, holiday: '春节' }),
      day('2026-12-31', 4, { workday: false, holiday: '元旦' }),
      day('2026-12-27', 0, { workday: true, holiday: '元旦', makeup: true }),
    ]);
    expect(entries).toEqual([
      { name: '元旦', off: ['2026-01-01', '2026-01-02'], work: [] },
      { name: '春节', off: ['2026-01-03', '2026-01-03'], work: [] },
      { name: '元旦', off: ['2026-12-31', '2026-12-31'], work: ['2026-12-27'] },
    ]);
  });
});
