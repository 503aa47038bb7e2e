import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { indicatorPeriod } from './indicator-period.ts';

const refusal = (from: string, to: string) => {
  try {
    indicatorPeriod(from, to);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.field, status: error.status };
  }
  return null;
};

describe('indicator period', () => {
  it('A1: a period is whole Shanghai days [from, to)', () => {
    const september = indicatorPeriod('2026-09-01', '2026-10-01');
    expect(september.from.toISOString()).toBe('2026-08-31T16:00:00.000Z');
    expect(september.to.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    // One day: 2026-09-21 00:00 to 24:00 Beijing time.
    const day = indicatorPeriod('2026-09-21', '2026-09-22');
    expect(day.to.getTime() - day.from.getTime()).toBe(86_400_000);
  });

  it('A1: from must be before to, and a period is at most 400 days', () => {
    expect(refusal('2026-09-01', '2026-09-01')).toEqual({ code: 'BAD_PERIOD', field: 'to', status: 400 });
    expect(refusal('2026-09-02', '2026-09-01')).toEqual({ code: 'BAD_PERIOD', field: 'to', status: 400 });
    // 2026-01-01 + 400 days = 2027-02-05: allowed; one more day is not.
    expect(refusal('2026-01-01', '2027-02-05')).toBeNull();
    expect(refusal('2026-01-01', '2027-02-06')).toEqual({ code: 'BAD_PERIOD', field: 'to', status: 400 });
  });

  it('A1: a date that is not a real day is refused with its field', () => {
    expect(refusal('2026-02-30', '2026-03-01')).toEqual({ code: 'BAD_DATE', field: 'from', status: 400 });
    expect(refusal('2026-02-01', '2026-13-01')).toEqual({ code: 'BAD_DATE', field: 'to', status: 400 });
  });
});
