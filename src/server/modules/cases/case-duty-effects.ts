import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import {
  cancelObligation,
  meetObligation,
  openObligation,
  pauseObligation,
  resumeObligation,
  ruleSettings,
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
      deadline: (await configuredDeadline(db, duty)) ?? dutyDeadline(duty, options.slaClass),
      defaultWarnRatio: options.defaultWarnRatio,
    });
  }
}

/**
 * C4, C7, C8, C11: an administrator may set another default for the rule (another city,
 * other limits: PUT /api/obligation-rules). C9 and C10 depend on the case's SLA class
 * (the category catalogue), so one setting per rule cannot hold them.
 */
async function configuredDeadline(db: Db, duty: CaseDuty): Promise<string | null> {
  if (duty === 'C9' || duty === 'C10') return null;
  return (await ruleSettings(db, duty))?.deadline ?? null;
}
