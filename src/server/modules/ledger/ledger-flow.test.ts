import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { allowedLedgerActions, LEDGER_FLOW, type LedgerAction, planLedgerAction } from './ledger-flow.ts';
import { LEDGER_KINDS } from './ledger-kinds.ts';

const ACTIONS = Object.keys(LEDGER_FLOW) as LedgerAction[];

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('the ledger item’s state table', () => {
  it('R8: an open item takes reports and reviews; a crossed-off one refuses them (ITEM_CROSSED_OFF)', () => {
    expect(planLedgerAction('open', 'report')).toBe('open');
    expect(planLedgerAction('open', 'review')).toBe('open');
    expect(codeOf(() => planLedgerAction('crossed_off', 'report'))).toBe('ITEM_CROSSED_OFF');
    expect(codeOf(() => planLedgerAction('crossed_off', 'review'))).toBe('ITEM_CROSSED_OFF');
  });

  it('R7: crossing off and reopening alternate', () => {
    expect(planLedgerAction('open', 'cross_off')).toBe('crossed_off');
    expect(planLedgerAction('crossed_off', 'reopen')).toBe('open');
    expect(codeOf(() => planLedgerAction('crossed_off', 'cross_off'))).toBe('ITEM_CROSSED_OFF');
    expect(codeOf(() => planLedgerAction('open', 'reopen'))).toBe('ITEM_NOT_CROSSED_OFF');
  });

  it('R7, R8: the units report, the owner reviews, crosses off and reopens', () => {
    expect(allowedLedgerActions('open', { unit: true, owner: false })).toEqual(['report']);
    expect(allowedLedgerActions('open', { unit: false, owner: true })).toEqual(['review', 'cross_off']);
    expect(allowedLedgerActions('crossed_off', { unit: true, owner: true })).toEqual(['reopen']);
    expect(allowedLedgerActions('open', { unit: false, owner: false })).toEqual([]);
    // Every action is reachable from some state.
    for (const action of ACTIONS) expect(LEDGER_FLOW[action].from.length).toBeGreaterThan(0);
  });

  it('R7, R8: every kind’s report rule differs from its completion rule (the ledger tells the clocks apart by it)', () => {
    for (const kind of Object.values(LEDGER_KINDS)) {
      expect(kind.reportRuleId).not.toBe(kind.dueRuleId);
      expect(kind.reportRuleId).toMatch(/^[A-Z]\d{1,2}$/);
      expect(kind.dueRuleId).toMatch(/^[A-Z]\d{1,2}$/);
    }
    expect(LEDGER_KINDS.consultation).toEqual({
      ownerRole: 'social_mgmt_officer',
      dueRuleId: 'R7',
      reportRuleId: 'R8',
    });
  });
});
