import { conflict } from '../../core/errors.ts';

export type LedgerState = 'open' | 'crossed_off';
export type LedgerAction = 'report' | 'review' | 'cross_off' | 'reopen';

/** What a state means to code that reads items: branch on the type, not the name. */
export const LEDGER_STATES: Record<LedgerState, 'open' | 'closed'> = {
  open: 'open',
  crossed_off: 'closed',
};

/**
 * The item's states and transitions, in one table: the states an action leaves from,
 * the state it leads to, who takes it (the item's units, or the ledger's owner), and
 * the clocks it touches. Every use case goes through `planLedgerAction`.
 */
export const LEDGER_FLOW: Record<
  LedgerAction,
  { from: LedgerState[]; to: LedgerState | 'same'; by: 'unit' | 'owner'; clocks: string }
> = {
  // R8: a written report meets the running report clock and opens the next period's.
  report: { from: ['open'], to: 'same', by: 'unit', clocks: 'meets a report clock, opens the next' },
  // A returned report is owed again (a resubmission clock); an accepted one closes nothing.
  review: { from: ['open'], to: 'same', by: 'owner', clocks: 'returned: opens a resubmission clock' },
  // S5, S8: crossed off (销号) when done.
  cross_off: {
    from: ['open'],
    to: 'crossed_off',
    by: 'owner',
    clocks: 'meets the completion clock, cancels running report clocks',
  },
  reopen: {
    from: ['crossed_off'],
    to: 'open',
    by: 'owner',
    clocks: 'opens a report clock, and a completion clock when the due time lies ahead',
  },
};

/** The state after `action`, or a 409 naming the item's state. */
export function planLedgerAction(state: LedgerState, action: LedgerAction): LedgerState {
  const rule = LEDGER_FLOW[action];
  if (!rule.from.includes(state)) {
    throw state === 'crossed_off'
      ? conflict('ITEM_CROSSED_OFF', '该事项已销号', 'The item is crossed off')
      : conflict('ITEM_NOT_CROSSED_OFF', '该事项尚未销号', 'The item is not crossed off');
  }
  return rule.to === 'same' ? state : rule.to;
}

/** The actions open to someone in the given roles on an item in `state`. */
export function allowedLedgerActions(
  state: LedgerState,
  roles: { unit: boolean; owner: boolean },
): LedgerAction[] {
  return (Object.keys(LEDGER_FLOW) as LedgerAction[]).filter((action) => {
    const rule = LEDGER_FLOW[action];
    return rule.from.includes(state) && (rule.by === 'unit' ? roles.unit : roles.owner);
  });
}
