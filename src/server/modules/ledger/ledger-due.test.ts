import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { fixedDueRule, periodOf } from './ledger-due.ts';

const at = (iso: string) => new Date(iso);

describe('a completion clock at a fixed time', () => {
  it.each([
    ['2026-09-18T09:00:00+08:00', '2026-10-30T17:00:00+08:00', 'M+1@30@17:00'],
    ['2026-09-18T09:00:00+08:00', '2026-09-18T17:30:00+08:00', 'M+0@18@17:30'],
    ['2026-12-20T09:00:00+08:00', '2027-01-05T00:00:00+08:00', 'M+1@5@00:00'],
    // 23:30 UTC on the 31st is already 1 November in Asia/Shanghai.
    ['2026-10-01T09:00:00+08:00', '2026-10-31T23:30:00Z', 'M+1@1@07:30'],
    ['2026-09-18T09:00:00+08:00', '2034-12-31T17:00:00+08:00', 'M+99@31@17:00'],
  ])('R7: from %s, due %s is %s', (start, due, rule) => {
    expect(fixedDueRule(at(start), at(due))).toBe(rule);
  });

  it.each([
    ['2026-09-18T09:00:00+08:00', 'DUE_IN_PAST'],
    ['2026-09-18T08:00:00+08:00', 'DUE_IN_PAST'],
    ['2035-01-01T17:00:00+08:00', 'DUE_TOO_FAR'],
    ['not a date', 'BAD_TIME'],
  ])('R7: refuses due %s with %s naming dueAt', (due, code) => {
    let caught: unknown;
    try {
      fixedDueRule(at('2026-09-18T09:00:00+08:00'), at(due));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ status: 400, code, field: 'dueAt' });
  });

  it('R8: a period is the Asia/Shanghai month', () => {
    expect(periodOf(at('2026-09-30T16:30:00Z'))).toBe('2026-10');
    expect(periodOf(at('2026-09-30T15:59:00Z'))).toBe('2026-09');
  });
});
