import { applyObligationAction } from './apply-obligation-action.ts';
import type { ObligationActionOptions } from './obligation-action-options.ts';
import type { ObligationRow } from './obligations.repository.ts';

/** Forgives a duty still owed, with the reason on record. */
export function waiveObligation(
  options: ObligationActionOptions & { reason: string },
): Promise<ObligationRow> {
  return applyObligationAction({
    ...options,
    action: 'waive',
    access: 'obligation.waive',
    change: (_row, now) => ({ endedAt: now, pausedAt: null }),
    payload: { reason: options.reason },
  });
}
