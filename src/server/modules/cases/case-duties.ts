import type { CaseDuty, CaseState } from './case-flow.ts';
import type { CaseUnits } from './case-scope.ts';
import type { SlaClass } from './cases.tables.ts';

/**
 * Default deadline of each case duty (C4–C11). The SLA class of the dispatch decides
 * arrival (C9: livelihood 1h, otherwise 2h) and completion (C10: complex 5wd, otherwise 3wd).
 */
export function dutyDeadline(duty: CaseDuty, slaClass: SlaClass | null): string {
  switch (duty) {
    case 'C4':
    case 'C7':
      return '2wh';
    case 'C8':
      return '2h';
    case 'C9':
      return slaClass === 'livelihood' ? '1h' : '2h';
    case 'C10':
      return slaClass === 'complex' ? '5wd' : '3wd';
    case 'C11':
      return '2wd';
  }
}

/** The unit that owes a duty, for a case in `state` (C4 depends on who approves next). */
export function dutyUnit(duty: CaseDuty, state: CaseState, units: CaseUnits): string | null {
  switch (duty) {
    case 'C4':
      return approverUnit(state, units);
    case 'C7':
      return (units.centre ?? units.area).id;
    case 'C8':
    case 'C9':
    case 'C10':
      return units.lead?.id ?? null;
    case 'C11':
      return units.place.id;
  }
}

/** Who must act next in a state: the unit whose inbox hears of the case. */
export function nextActorUnit(state: CaseState, units: CaseUnits): string | null {
  switch (state) {
    case 'awaiting_grid_head':
    case 'awaiting_secretary':
    case 'awaiting_township_leader':
      return approverUnit(state, units);
    case 'triage':
    case 'returned':
    case 'in_consultation':
    case 'extension_requested':
      return (units.centre ?? units.area).id;
    case 'dispatched':
    case 'signed':
    case 'on_site':
      return units.lead?.id ?? null;
    case 'finished':
      return units.place.id;
    default:
      return null;
  }
}

function approverUnit(state: CaseState, units: CaseUnits): string {
  if (state === 'awaiting_secretary') return (units.community ?? units.township ?? units.place).id;
  if (state === 'awaiting_township_leader') return (units.township ?? units.area).id;
  return units.place.id;
}
