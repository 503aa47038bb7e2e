import { applyObligationAction } from './apply-obligation-action.ts';
import type { ObligationActionOptions } from './obligation-action-options.ts';
import type { ObligationRow } from './obligations.repository.ts';

/** The duty no longer exists (its case was merged or withdrawn). */
export function cancelObligation(
  options: ObligationActionOptions & { reason: string },
): Promise<ObligationRow> {
  return applyObligationAction({
    ...options,
    action: 'cancel',
    access: 'obligation.manage',
    change: (_row, now) => ({ endedAt: now, pausedAt: null }),
    payload: { reason: options.reason },
  });
}
