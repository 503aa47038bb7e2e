import { describe, expect, it } from 'vitest';
import { dayNumber, dayNumberOf, dayText, liveRanges, settleableDays } from './assessment-days.ts';

const at = (iso: string) => new Date(iso);
const n = dayNumber;

describe('A1 settled days: which days, what is left live', () => {
  it('A1: the Shanghai day of an instant turns at 16:00 UTC', () => {
    expect(dayText(dayNumberOf(at('2026-09-20T15:59:59Z')))).toBe('2026-09-20');
    expect(dayText(dayNumberOf(at('2026-09-20T16:00:00Z')))).toBe('2026-09-21');
  });

  it('A1: only whole days of the period before today may be settled', () => {
    const from = at('2026-09-01T00:00:00+08:00');
    const to = at('2026-10-01T00:00:00+08:00');
    expect(settleableDays(from, to, at('2026-10-15T09:00:00+08:00'))).toEqual({
      first: n('2026-09-01'),
      end: n('2026-10-01'),
    });
    // Running month: up to yesterday; a period starting mid-day leaves its first day live.
    expect(settleableDays(from, to, at('2026-09-15T00:00:00+08:00'))).toEqual({
      first: n('2026-09-01'),
      end: n('2026-09-15'),
    });
    expect(settleableDays(at('2026-09-01T09:00:00+08:00'), to, at('2026-10-15T09:00:00+08:00')).first).toBe(
      n('2026-09-02'),
    );
  });

  it('A1: the live ranges are the period less its settled days, merged', () => {
    const from = at('2026-09-01T00:00:00+08:00');
    const to = at('2026-09-06T00:00:00+08:00');
    const day = (d: string) => at(`${d}T00:00:00+08:00`);
    expect(liveRanges(from, to, [])).toEqual([{ from, to }]);
    expect(
      liveRanges(from, to, ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05'].map(n)),
    ).toEqual([]);
    expect(liveRanges(from, to, ['2026-09-04', '2026-09-01', '2026-09-02'].map(n))).toEqual([
      { from: day('2026-09-03'), to: day('2026-09-04') },
      { from: day('2026-09-05'), to },
    ]);
    // A day outside the period is ignored.
    expect(liveRanges(from, to, [n('2026-09-06')])).toEqual([{ from, to }]);
  });
});
