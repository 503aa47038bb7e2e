import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import {
  cancelObligation,
  meetObligation,
  openObligation,
  pauseObligation,
  resumeObligation,
} from '../obligations/index.ts';
import { dutyDeadline, dutyUnit } from './case-duties.ts';
import type { CaseDuty, CaseState } from './case-flow.ts';
import type { CaseUnits } from './case-scope.ts';
import { owedObligations } from './cases.repository.ts';
import type { SlaClass } from './cases.tables.ts';

export interface DutyEffects {
  cancels?: 'all' | undefined;
  meets?: readonly CaseDuty[] | undefined;
  pauses?: readonly CaseDuty[] | undefined;
  resumes?: readonly CaseDuty[] | undefined;
  opens?: readonly CaseDuty[] | undefined;
}

/**
 * Applies a step's obligation effects, in the order meet → cancel → pause → resume →
 * open (the step's own duty is met, the rest of the path cancelled; a step that meets C4
 * and opens the next C4 leaves one running). The case step
 * is authorised already: the obligations module is called as the system on its behalf.
 */
export async function applyDutyEffects(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  caseId: string;
  /** The state the case moves to (C4's owing unit depends on it). */
  state: CaseState;
  units: CaseUnits;
  slaClass: SlaClass | null;
  effects: DutyEffects;
  reason: string;
  defaultWarnRatio: number;
}): Promise<void> {
  const { db, clock, effects } = options;
  const base = { db, clock, caller: 'system' as const };
  if (effects.meets?.length) {
    for (const o of await owedObligations(db, options.caseId, [...effects.meets])) {
      await meetObligation({ ...base, obligationId: o.id });
    }
  }
  if (effects.cancels === 'all') {
    for (const o of await owedObligations(db, options.caseId)) {
      if (o.state === 'breached') continue; // a breach stays on the record
      await cancelObligation({ ...base, obligationId: o.id, reason: options.reason });
    }
  }
  if (effects.pauses?.length) {
    for (const o of await owedObligations(db, options.caseId, [...effects.pauses])) {
      if (o.state === 'running')
        await pauseObligation({ ...base, obligationId: o.id, reason: options.reason });
    }
  }
  if (effects.resumes?.length) {
    for (const o of await owedObligations(db, options.caseId, [...effects.resumes])) {
      if (o.state === 'paused')
        await resumeObligation({ ...base, obligationId: o.id, calendar: options.calendar });
    }
  }
  for (const duty of effects.opens ?? []) {
    const unitId = dutyUnit(duty, options.state, options.units);
    if (!unitId) throw new Error(`no unit owes ${duty} in state ${options.state}`);
    await openObligation({
      ...base,
      calendar: options.calendar,
      subject: { type: 'case', id: options.caseId },
      ruleId: duty,
      unitId,
      deadline: dutyDeadline(duty, options.slaClass),
      defaultWarnRatio: options.defaultWarnRatio,
    });
  }
}
