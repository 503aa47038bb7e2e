import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { makeTranslate } from '../../i18n/translate.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import type { Obligation } from './case-types.ts';
import { clockOf, clockText, deadlineLabel, formatDuration, ruleLabel, sortDuties } from './clocks.ts';

const zh = makeTranslate(zhCN);
const english = makeTranslate(en);
const at = (iso: string) => Date.parse(iso);

function duty(patch: Partial<Obligation>): Obligation {
  return {
    id: 'o1',
    subject: { type: 'case', id: 'c1' },
    ruleId: 'C8',
    unitId: 'u1',
    unitName: null,
    personId: null,
    deadline: '2h',
    startedAt: '2026-09-21T09:00:00+08:00',
    baseDueAt: '2026-09-21T11:00:00+08:00',
    extendedDueAt: null,
    dueAt: '2026-09-21T11:00:00+08:00',
    warnAt: '2026-09-21T10:36:00+08:00',
    state: 'running',
    stateType: 'open',
    warnedAt: null,
    metAt: null,
    breachedAt: null,
    endedAt: null,
    pausedAt: null,
    pausedMs: 0,
    ...patch,
  };
}

describe('clockOf', () => {
  it('C8: a running sign-in shows the time left, warned after warnAt, overdue after dueAt', () => {
    expect(clockOf(duty({}), at('2026-09-21T09:30:00+08:00'))).toEqual({
      status: 'running',
      ms: 90 * 60_000,
    });
    expect(clockOf(duty({}), at('2026-09-21T10:40:00+08:00'))).toEqual({ status: 'warned', ms: 20 * 60_000 });
    expect(
      clockOf(duty({ warnedAt: '2026-09-21T10:36:00+08:00' }), at('2026-09-21T09:00:00+08:00')).status,
    ).toBe('warned');
    expect(clockOf(duty({}), at('2026-09-21T11:05:00+08:00'))).toEqual({ status: 'overdue', ms: 5 * 60_000 });
  });

  it('tells met, met late, breached, paused and no longer owed apart', () => {
    const now = at('2026-09-21T12:00:00+08:00');
    expect(clockOf(duty({ state: 'met', metAt: '2026-09-21T10:00:00+08:00' }), now).status).toBe('met');
    expect(
      clockOf(
        duty({
          state: 'breached',
          breachedAt: '2026-09-21T11:00:00+08:00',
          metAt: '2026-09-21T11:30:00+08:00',
        }),
        now,
      ),
    ).toEqual({ status: 'metLate', ms: 30 * 60_000 });
    expect(clockOf(duty({ state: 'breached', breachedAt: '2026-09-21T11:00:00+08:00' }), now)).toEqual({
      status: 'breached',
      ms: 60 * 60_000,
    });
    expect(clockOf(duty({ state: 'paused' }), now).status).toBe('paused');
    expect(clockOf(duty({ state: 'cancelled' }), now).status).toBe('cancelled');
    expect(clockOf(duty({ state: 'waived' }), now).status).toBe('waived');
  });
});

describe('formatDuration', () => {
  it('uses the two largest units in both languages', () => {
    expect(formatDuration(zh, 90 * 60_000)).toBe('1小时30分钟');
    expect(formatDuration(english, 90 * 60_000)).toBe('1 h 30 min');
    expect(formatDuration(zh, (26 * 60 + 5) * 60_000)).toBe('1天2小时');
    expect(formatDuration(zh, 3 * 24 * 60 * 60_000 + 59_000)).toBe('3天');
    expect(formatDuration(zh, 45 * 60_000)).toBe('45分钟');
    expect(formatDuration(zh, 30_000)).toBe('不到1分钟');
    expect(formatDuration(english, -5 * 60_000)).toBe('5 min');
  });
});

describe('labels', () => {
  it('names the rules and their deadlines', () => {
    expect(ruleLabel(zh, 'C8')).toBe('C8 签收');
    expect(ruleLabel(english, 'C11')).toBe('C11 verification');
    expect(ruleLabel(zh, 'C99')).toBe('C99');
    expect(deadlineLabel(zh, '2h')).toBe('2小时');
    expect(deadlineLabel(zh, '2wh')).toBe('2个工作小时');
    expect(deadlineLabel(zh, '3wd')).toBe('3个工作日');
    expect(deadlineLabel(english, '20d')).toBe('20 days');
    expect(deadlineLabel(zh, '3wd@12:00')).toBe('3个工作日（12:00前）');
    expect(deadlineLabel(zh, 'M+1@15')).toBe('M+1@15');
  });

  it('says how a duty stands', () => {
    expect(clockText(zh, { status: 'running', ms: 90 * 60_000 })).toBe('进行中，剩余 1小时30分钟');
    expect(clockText(english, { status: 'met', ms: null })).toBe('Met on time');
    expect(clockText(zh, { status: 'metLate', ms: 5 * 60_000 })).toBe('超时完成（晚 5分钟）');
  });
});

describe('sortDuties', () => {
  it('puts running duties first, soonest due first, then the rest as they started', () => {
    const now = at('2026-09-21T09:30:00+08:00');
    const c4 = duty({ id: 'c4', ruleId: 'C4', state: 'met', startedAt: '2026-09-21T08:00:00+08:00' });
    const c7 = duty({ id: 'c7', ruleId: 'C7', state: 'met', startedAt: '2026-09-21T08:30:00+08:00' });
    const c9 = duty({ id: 'c9', ruleId: 'C9', dueAt: '2026-09-21T11:00:00+08:00' });
    const c10 = duty({ id: 'c10', ruleId: 'C10', dueAt: '2026-09-24T17:30:00+08:00' });
    expect(sortDuties([c10, c7, c9, c4], now).map((d) => d.id)).toEqual(['c9', 'c10', 'c4', 'c7']);
  });
});
