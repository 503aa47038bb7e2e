import { badRequest } from '../../core/errors.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { applyObligationAction } from './apply-obligation-action.ts';
import { dueTimes } from './due-time.ts';
import type { ObligationActionOptions } from './obligation-action-options.ts';
import type { ObligationRow } from './obligations.repository.ts';

/**
 * C10: an approved extension sets a new due time (later than the current one). Pauses
 * before it are folded into the new date; the approver and reason go into the event.
 */
export function extendObligation(
  options: ObligationActionOptions & { calendar: WorkCalendar; dueAt: Date; reason: string },
): Promise<ObligationRow> {
  return applyObligationAction({
    ...options,
    action: 'extend',
    access: 'obligation.extend',
    change: (row) => {
      if (options.dueAt <= row.dueAt) {
        throw badRequest(
          'EXTENSION_NOT_LATER',
          '延期后的期限须晚于当前期限',
          'The new due time must be later than the current one',
          'dueAt',
        );
      }
      const times = dueTimes(options.calendar, { ...row, extendedDueAt: options.dueAt, pauses: [] });
      return { extendedDueAt: options.dueAt, pauses: [], ...times, warnedAt: null };
    },
    payload: { newDueAt: options.dueAt.toISOString(), reason: options.reason },
  });
}
