import { describe, expect, it } from 'vitest';
import { toIsoShanghai } from '../../core/time.ts';
import { calendarFromArrangements } from './calendar-from-arrangements.ts';
import { computeDue, workingTimeBetween } from './compute-due.ts';
import { parseDeadlineRule } from './deadline-rule.ts';
import { dayOfDate } from './local-time.ts';
import { OFFICIAL_ARRANGEMENTS } from './official/arrangements.ts';

const calendar = calendarFromArrangements(OFFICIAL_ARRANGEMENTS);
const due = (start: string, rule: string) =>
  toIsoShanghai(computeDue(calendar, new Date(start), parseDeadlineRule(rule)));

describe('deadline arithmetic on the 2025–2026 official calendar', () => {
  it('C8: 2 natural hours after dispatch', () => {
    expect(due('2026-02-09T10:00:00+08:00', '1h')).toBe('2026-02-09T11:00:00+08:00');
    expect(due('2026-09-30T23:30:00+08:00', '2h')).toBe('2026-10-01T01:30:00+08:00');
  });

  it('C8: 2 working hours from Friday 16:30 end on the make-up Sunday at 10:00', () => {
    expect(due('2026-09-18T16:30:00+08:00', '2wh')).toBe('2026-09-20T10:00:00+08:00');
  });

  it('counts working hours from the next opening when started outside office hours', () => {
    expect(due('2026-09-21T07:00:00+08:00', '2wh')).toBe('2026-09-21T11:00:00+08:00');
    expect(due('2026-09-21T12:10:00+08:00', '1wh')).toBe('2026-09-21T14:30:00+08:00');
    expect(due('2026-09-21T11:30:00+08:00', '1wh')).toBe('2026-09-21T14:00:00+08:00');
    expect(due('2026-09-21T16:30:00+08:00', '1wh')).toBe('2026-09-21T17:30:00+08:00');
  });

  it('C10: 3 working days from Wednesday 30 September end on the make-up Saturday 10 October at close', () => {
    expect(due('2026-09-30T10:00:00+08:00', '3wd')).toBe('2026-10-10T17:30:00+08:00');
  });

  it('C10: the start date itself is not counted (Civil Code art. 201)', () => {
    expect(due('2026-09-21T08:00:00+08:00', '1wd')).toBe('2026-09-22T17:30:00+08:00');
    expect(due('2026-09-21T23:59:00+08:00', '1wd')).toBe('2026-09-22T17:30:00+08:00');
  });

  it('S7: report by 12:00 on the 3rd day', () => {
    expect(due('2026-03-02T15:00:00+08:00', '3wd@12:00')).toBe('2026-03-05T12:00:00+08:00');
  });

  it('D4: a draft is due 15 working days after receipt, over the Spring Festival', () => {
    // Feb 10 (Tue) → workdays 11,12,13,14(Sat, make-up),24,25,26,27,28(Sat, make-up),Mar 2,3,4,5,6,9.
    expect(due('2026-02-10T09:00:00+08:00', '15wd')).toBe('2026-03-09T17:30:00+08:00');
  });

  it('D15: 20 days, moved to the next workday when the 20th day is a rest day (Civil Code art. 203)', () => {
    expect(due('2026-09-10T10:00:00+08:00', '20d')).toBe('2026-09-30T17:30:00+08:00');
    expect(due('2026-09-15T10:00:00+08:00', '20d')).toBe('2026-10-08T17:30:00+08:00');
  });

  it('R8: the 15th of next month at close, moved off rest days', () => {
    expect(due('2026-09-22T10:00:00+08:00', 'M+1@15')).toBe('2026-10-15T17:30:00+08:00');
    // 2026-11-15 is a Sunday.
    expect(due('2026-10-20T10:00:00+08:00', 'M+1@15')).toBe('2026-11-16T17:30:00+08:00');
    expect(due('2026-12-20T10:00:00+08:00', 'M+1@15')).toBe('2027-01-15T17:30:00+08:00');
  });

  it('R2: a monthly meeting is held by the last workday of its month (M+0@L), never moved into the next', () => {
    // 2026-10-31 is a Saturday: the last workday is Friday the 30th.
    expect(due('2026-10-01T00:00:00+08:00', 'M+0@L')).toBe('2026-10-30T17:30:00+08:00');
    expect(due('2026-09-01T09:00:00+08:00', 'M+0@L')).toBe('2026-09-30T17:30:00+08:00');
    expect(due('2026-09-01T09:00:00+08:00', 'M+1@L@12:00')).toBe('2026-10-30T12:00:00+08:00');
  });

  it('R4: collection closes on the 18th of this month; R5: the agenda is fixed by the 21st', () => {
    expect(due('2026-09-01T09:00:00+08:00', 'M+0@18')).toBe('2026-09-18T17:30:00+08:00');
    // 2026-03-21 is a Saturday.
    expect(due('2026-03-01T09:00:00+08:00', 'M+0@21')).toBe('2026-03-23T17:30:00+08:00');
  });

  it('E2: the duty report is due on the 25th of the quarter’s last month', () => {
    // 2026-09-25 falls in the Mid-Autumn holiday (25–27): moved to Monday the 28th.
    expect(due('2026-07-01T09:00:00+08:00', 'Q@25')).toBe('2026-09-28T17:30:00+08:00');
    expect(due('2026-01-05T09:00:00+08:00', 'Q@25')).toBe('2026-03-25T17:30:00+08:00');
  });

  it('clamps a day beyond the month to its last day', () => {
    // February 2026 has 28 days; the 28th is a Saturday, but a make-up workday.
    expect(due('2026-01-10T09:00:00+08:00', 'M+1@31')).toBe('2026-02-28T17:30:00+08:00');
    expect(due('2027-01-10T09:00:00+08:00', 'M+1@30')).toBe('2027-03-01T17:30:00+08:00');
  });

  it('takes an explicit time of day on day rules', () => {
    expect(due('2026-09-10T10:00:00+08:00', '20d@09:00')).toBe('2026-09-30T09:00:00+08:00');
    expect(due('2026-09-22T10:00:00+08:00', 'M+1@15@12:00')).toBe('2026-10-15T12:00:00+08:00');
  });

  it('counts office time between two instants', () => {
    const monday = new Date('2026-09-21T00:00:00+08:00');
    const tuesday = new Date('2026-09-22T00:00:00+08:00');
    expect(workingTimeBetween(calendar, monday, tuesday)).toBe(7 * 3_600_000);
  });

  it('knows the 2025 and 2026 holidays and make-up days', () => {
    expect(calendar.isWorkday(dayOfDate(2026, 10, 8))).toBe(true);
    expect(calendar.isWorkday(dayOfDate(2026, 10, 7))).toBe(false);
    expect(calendar.info(dayOfDate(2026, 2, 14))).toMatchObject({
      workday: true,
      makeup: true,
      holiday: '春节',
    });
    expect(calendar.isWorkday(dayOfDate(2025, 10, 11))).toBe(true);
    expect(calendar.isWorkday(dayOfDate(2025, 10, 8))).toBe(false);
    expect(calendar.isWorkday(dayOfDate(2027, 1, 1))).toBe(true); // 2027 not published yet: weekdays rule
  });
});
