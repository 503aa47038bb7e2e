import type { WorkCalendar } from '../calendar/index.ts';
import { applyObligationAction } from './apply-obligation-action.ts';
import { dueTimes } from './due-time.ts';
import type { ObligationActionOptions } from './obligation-action-options.ts';
import type { ObligationRow } from './obligations.repository.ts';

/** Starts the clock again; the due time moves by the paused time (hour rules) or workdays (day rules). */
export function resumeObligation(
  options: ObligationActionOptions & { calendar: WorkCalendar },
): Promise<ObligationRow> {
  return applyObligationAction({
    ...options,
    action: 'resume',
    access: 'obligation.manage',
    change: (row, now) => {
      const from = row.pausedAt ?? now;
      const pauses = [...row.pauses, { from: from.toISOString(), to: now.toISOString() }];
      return {
        pausedAt: null,
        pauses,
        pausedMs: row.pausedMs + (now.getTime() - from.getTime()),
        ...dueTimes(options.calendar, { ...row, pauses }),
      };
    },
  });
}
