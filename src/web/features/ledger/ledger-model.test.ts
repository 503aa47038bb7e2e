import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  ledgerQueryOf,
  orderedActions,
  periodChoices,
  reportBody,
  unreviewed,
} from './ledger-model.ts';
import type { LedgerReport } from './ledger-types.ts';

const clocks = { overdueReports: 0, lateReports: 0, nextReportDueAt: null, completionOverdue: false };

describe('ledger items', () => {
  it('is overdue with a report past its date or the item past its due time', () => {
    expect(isOverdue({ clocks })).toBe(false);
    expect(isOverdue({ clocks: { ...clocks, lateReports: 2 } })).toBe(false);
    expect(isOverdue({ clocks: { ...clocks, overdueReports: 1 } })).toBe(true);
    expect(isOverdue({ clocks: { ...clocks, completionOverdue: true } })).toBe(true);
  });

  it('offers the periods from the item’s month to now in Shanghai, newest first', () => {
    expect(periodChoices('2026-10-27T15:00:00+08:00', Date.parse('2027-01-05T09:00:00+08:00'))).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
      '2026-10',
    ]);
    // 20:00 UTC on 30 November is 1 December in Shanghai.
    expect(periodChoices('2026-11-30T20:00:00Z', Date.parse('2026-12-02T09:00:00+08:00'))).toEqual([
      '2026-12',
    ]);
  });

  it('orders the steps the server allows', () => {
    expect(orderedActions(['review', 'cross_off', 'report'])).toEqual(['report', 'cross_off', 'review']);
    expect(orderedActions(['reopen', 'unknown'])).toEqual(['reopen']);
  });

  it('sends a report with trimmed text and no empty explanation', () => {
    expect(
      reportBody({ period: '2026-11', done: false, progress: ' 已制定方案 ', explanation: ' ' }),
    ).toEqual({
      period: '2026-11',
      done: false,
      progress: '已制定方案',
    });
    expect(reportBody({ period: '2026-11', done: true, progress: 'x', explanation: ' 无 ' })).toEqual({
      period: '2026-11',
      done: true,
      progress: 'x',
      explanation: '无',
    });
  });

  it('lists the reports waiting for review, oldest first', () => {
    const report = (id: string, submittedAt: string, review: LedgerReport['review']) =>
      ({ id, submittedAt, review }) as LedgerReport;
    expect(
      unreviewed([
        report('b', '2026-11-10T09:00:00+08:00', null),
        report('a', '2026-11-01T09:00:00+08:00', null),
        report('c', '2026-10-01T09:00:00+08:00', 'accepted'),
      ]).map((r) => r.id),
    ).toEqual(['a', 'b']);
  });
});

describe('the ledger list in the address', () => {
  const kinds = ['consultation', 'supervision'];
  it('R7: reads kind, state, search, overdue and sort; open items by default, unknown values dropped', () => {
    expect(ledgerQueryOf(new URLSearchParams(''), kinds)).toEqual({ state: 'open' });
    expect(ledgerQueryOf(new URLSearchParams('state=all&kind=nope&sort=price&overdue=1'), kinds)).toEqual({});
    expect(
      ledgerQueryOf(
        new URLSearchParams('kind=supervision&state=crossed_off&q= 外墙 &overdue=true&sort=next_report'),
        kinds,
      ),
    ).toEqual({ kind: 'supervision', state: 'crossed_off', q: '外墙', overdue: 'true', sort: 'next_report' });
  });
});
