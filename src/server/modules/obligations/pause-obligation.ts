import { applyObligationAction } from './apply-obligation-action.ts';
import type { ObligationActionOptions } from './obligation-action-options.ts';
import type { ObligationRow } from './obligations.repository.ts';

/** Stops the clock (e.g. waiting for the caller's own information); paused time does not count. */
export function pauseObligation(
  options: ObligationActionOptions & { reason: string },
): Promise<ObligationRow> {
  return applyObligationAction({
    ...options,
    action: 'pause',
    access: 'obligation.manage',
    change: (_row, now) => ({ pausedAt: now }),
    payload: { reason: options.reason },
  });
}
