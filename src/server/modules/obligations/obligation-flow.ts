import { conflict } from '../../core/errors.ts';
import type { ObligationState } from './obligations.tables.ts';

/** What a state means to code that reads obligations: branch on the type, not the name. */
export type StateType = 'open' | 'paused' | 'overdue' | 'done' | 'closed';

export function stateTypeOf(state: ObligationState, metAt: Date | null): StateType {
  switch (state) {
    case 'running':
      return 'open';
    case 'paused':
      return 'paused';
    case 'breached':
      // A breach stays a breach; met late it is done but still counted as breached.
      return metAt ? 'done' : 'overdue';
    case 'met':
      return 'done';
    case 'waived':
    case 'cancelled':
      return 'closed';
  }
}

export type ObligationAction =
  | 'meet'
  | 'pause'
  | 'resume'
  | 'extend'
  | 'waive'
  | 'cancel'
  | 'warn'
  | 'breach';

/**
 * The obligation's states and transitions, in one table. `system` actions come from
 * the scanner only. Every use case goes through `nextState`.
 */
const FLOW: Record<
  ObligationAction,
  { from: ObligationState[]; to: ObligationState | 'same'; system?: true }
> = {
  meet: { from: ['running', 'paused', 'breached'], to: 'met' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  // C10: an extension is asked for before the deadline; a breach cannot be undone by one.
  extend: { from: ['running', 'paused'], to: 'same' },
  // Waiving forgives a duty still owed; a breach stays on the record.
  waive: { from: ['running', 'paused'], to: 'waived' },
  cancel: { from: ['running', 'paused'], to: 'cancelled' },
  warn: { from: ['running'], to: 'same', system: true },
  breach: { from: ['running'], to: 'breached', system: true },
};

const STATE_ZH: Record<ObligationState, string> = {
  running: '进行中',
  paused: '已暂停',
  met: '已履行',
  breached: '已超期',
  waived: '已豁免',
  cancelled: '已取消',
};

const ACTION_ZH: Record<ObligationAction, string> = {
  meet: '履行',
  pause: '暂停',
  resume: '恢复',
  extend: '延期',
  waive: '豁免',
  cancel: '取消',
  warn: '预警',
  breach: '判定超期',
};

/**
 * The state after `action`, or a 409 naming the current state. A breached duty met
 * late stays `breached` (with met_at after breached_at); meeting it twice is refused.
 */
export function nextState(
  current: ObligationState,
  action: ObligationAction,
  metAt: Date | null,
): ObligationState {
  const rule = FLOW[action];
  const allowed = rule.from.includes(current) && !(action === 'meet' && current === 'breached' && metAt);
  if (!allowed) {
    throw conflict(
      'OBLIGATION_STATE',
      `该义务${current === 'breached' && metAt ? '已超期履行' : STATE_ZH[current]}，不能${ACTION_ZH[action]}`,
      `The obligation is ${current === 'breached' && metAt ? 'already met late' : current}; it cannot be ${action}ed`,
    );
  }
  if (rule.to === 'same') return current;
  if (action === 'meet' && current === 'breached') return 'breached';
  return rule.to;
}
