import { describe, expect, it } from 'vitest';
import { parseDay, previousPeriod, reportPeriod } from './report-period.ts';

const week = (day: string) => reportPeriod('week', parseDay(day, 'date'));
const month = (day: string) => reportPeriod('month', parseDay(day, 'date'));

describe('C13 report periods', () => {
  it('C13: a week runs Monday to Sunday in Asia/Shanghai', () => {
    for (const day of ['2026-09-21', '2026-09-23', '2026-09-27']) {
      expect(week(day)).toMatchObject({ firstDay: '2026-09-21', lastDay: '2026-09-27' });
    }
    const period = week('2026-09-27');
    expect(period.from.toISOString()).toBe('2026-09-20T16:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-09-27T16:00:00.000Z');
    // Across a year's end.
    expect(week('2027-01-01')).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03' });
  });

  it('C13: a month is the calendar month, and the previous one is compared with it', () => {
    const feb = month('2028-02-10');
    expect(feb).toMatchObject({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
    expect(feb.from.toISOString()).toBe('2028-01-31T16:00:00.000Z');
    expect(previousPeriod(month('2026-01-15'))).toMatchObject({
      firstDay: '2025-12-01',
      lastDay: '2025-12-31',
    });
    expect(previousPeriod(week('2026-09-23'))).toMatchObject({
      firstDay: '2026-09-14',
      lastDay: '2026-09-20',
    });
  });

  it('C13: a day that does not exist is refused, naming the field', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-09-01', '2026-9-1']) {
      expect(() => parseDay(bad, 'from')).toThrow(
        expect.objectContaining({ code: 'BAD_DATE', field: 'from' }),
      );
    }
  });
});
