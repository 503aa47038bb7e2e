import { applyObligationAction } from './apply-obligation-action.ts';
import type { ObligationActionOptions } from './obligation-action-options.ts';
import type { ObligationRow } from './obligations.repository.ts';

/** The duty is done. Met after its breach it stays breached, with met_at after breached_at. */
export function meetObligation(options: ObligationActionOptions): Promise<ObligationRow> {
  return applyObligationAction({
    ...options,
    action: 'meet',
    access: 'obligation.manage',
    change: (_row, now) => ({ metAt: now, endedAt: now }),
  });
}
