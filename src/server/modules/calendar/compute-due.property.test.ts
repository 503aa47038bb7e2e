import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterPause } from '../obligations/due-time.ts';
import { calendarFromArrangements } from './calendar-from-arrangements.ts';
import { computeDue, workingTimeBetween } from './compute-due.ts';
import { parseDeadlineRule } from './deadline-rule.ts';
import { dayNumberOf, dayOfDate, daysInMonth, minuteOfDay, partsOf } from './local-time.ts';
import { OFFICIAL_ARRANGEMENTS } from './official/arrangements.ts';

const calendar = calendarFromArrangements(OFFICIAL_ARRANGEMENTS);
const FROM = new Date('2025-01-01T00:00:00+08:00').getTime();
const TO = new Date('2026-12-20T00:00:00+08:00').getTime();
/** Any start in 2025–2026, to the minute. */
const start = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => new Date(m * 60_000));
const due = (s: Date, rule: string) => computeDue(calendar, s, parseDeadlineRule(rule));
const CLOSE = 17 * 60 + 30;
const runs = { numRuns: 400 };

describe('deadline arithmetic, properties', () => {
  it('C10: due is never before the start', () => {
    fc.assert(
      fc.property(
        start,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('h', 'wh', 'wd', 'd'),
        (s, n, unit) => {
          expect(due(s, `${n}${unit}`).getTime()).toBeGreaterThanOrEqual(s.getTime());
        },
      ),
      runs,
    );
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (s, k, d) => {
        expect(due(s, `M+${k}@${d}`).getTime()).toBeGreaterThan(s.getTime());
      }),
      runs,
    );
  });

  it('C10: N working days land on a workday at office close, with exactly N workdays after the start day', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 40 }), (s, n) => {
        const d = due(s, `${n}wd`);
        const day = dayNumberOf(d);
        expect(calendar.isWorkday(day)).toBe(true);
        expect(minuteOfDay(d)).toBe(CLOSE);
        // Make-up Saturdays count, holidays do not: the count after the start day is exactly n.
        expect(calendar.countWorkdays(dayNumberOf(s) + 1, day)).toBe(n);
      }),
      runs,
    );
  });

  it('is monotonic in N for every rule kind', () => {
    fc.assert(
      fc.property(
        start,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('h', 'wh', 'wd', 'd'),
        (s, n, unit) => {
          expect(due(s, `${n + 1}${unit}`).getTime()).toBeGreaterThanOrEqual(due(s, `${n}${unit}`).getTime());
        },
      ),
      runs,
    );
  });

  it('counts exactly N hours of office time for N working hours', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 40 }), (s, n) => {
        expect(workingTimeBetween(calendar, s, due(s, `${n}wh`))).toBe(n * 3_600_000);
      }),
      runs,
    );
  });

  it('D15: day rules and month/quarter rules move to the first workday on or after the nominal day', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 60 }), (s, n) => {
        const nominal = dayNumberOf(s) + n;
        const day = dayNumberOf(due(s, `${n}d`));
        expect(calendar.isWorkday(day)).toBe(true);
        expect(calendar.countWorkdays(nominal, day - 1)).toBe(0);
      }),
      runs,
    );
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 28 }), (s, d) => {
        const { year, month } = partsOf(dayNumberOf(s));
        const lastMonth = Math.floor((month - 1) / 3) * 3 + 3;
        const nominal = dayOfDate(year, lastMonth, Math.min(d, daysInMonth(year, lastMonth)));
        const day = dayNumberOf(due(s, `Q@${d}`));
        expect(day).toBeGreaterThanOrEqual(nominal);
        expect(calendar.isWorkday(day)).toBe(true);
        expect(calendar.countWorkdays(nominal, day - 1)).toBe(0);
      }),
      runs,
    );
  });

  it('C10: paused time does not count', () => {
    const pause = fc.tuple(start, fc.integer({ min: 1, max: 72 * 60 }), fc.integer({ min: 0, max: 600 }));
    fc.assert(
      fc.property(pause, fc.integer({ min: 1, max: 24 }), ([s, pauseMinutes, offset], n) => {
        const rule = parseDeadlineRule(`${n}h`);
        const d = computeDue(calendar, s, rule);
        const from = new Date(s.getTime() + Math.min(offset * 60_000, d.getTime() - s.getTime()));
        const to = new Date(from.getTime() + pauseMinutes * 60_000);
        expect(afterPause(calendar, rule, d, from, to).getTime() - d.getTime()).toBe(pauseMinutes * 60_000);
      }),
      runs,
    );
    fc.assert(
      fc.property(pause, fc.integer({ min: 1, max: 24 }), ([s, pauseMinutes, offset], n) => {
        const rule = parseDeadlineRule(`${n}wh`);
        const d = computeDue(calendar, s, rule);
        const from = new Date(s.getTime() + Math.min(offset * 60_000, d.getTime() - s.getTime()));
        const to = new Date(from.getTime() + pauseMinutes * 60_000);
        const moved = afterPause(calendar, rule, d, from, to);
        // Office time worked: before the pause plus after it equals the rule's n hours.
        const worked = workingTimeBetween(calendar, s, from) + workingTimeBetween(calendar, to, moved);
        expect(worked).toBe(n * 3_600_000);
      }),
      runs,
    );
    fc.assert(
      fc.property(
        start,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (s, n, pausedDays) => {
          const rule = parseDeadlineRule(`${n}wd`);
          const d = computeDue(calendar, s, rule);
          const from = s;
          const to = new Date(s.getTime() + pausedDays * 86_400_000);
          const skipped = calendar.countWorkdays(dayNumberOf(from), dayNumberOf(to) - 1);
          const moved = afterPause(calendar, rule, d, from, to);
          expect(calendar.countWorkdays(dayNumberOf(d) + 1, dayNumberOf(moved))).toBe(skipped);
          expect(minuteOfDay(moved)).toBe(minuteOfDay(d));
        },
      ),
      runs,
    );
  });
});
