import type { Translate } from '../../i18n/translate.ts';
import { actionFields } from './case-flow.ts';
import { actionLabel } from './case-labels.ts';
import type { CaseTask } from './case-types.ts';
import type { PhotoPurpose } from './photos.ts';

/**
 * One thing a reader can do on the case page: a step of the state table, a cooperating
 * unit's task step, or the lead unit's progress note. Each opens the same kind of form.
 */
export type CaseStep =
  | { kind: 'flow'; action: string }
  | { kind: 'task'; action: 'sign' | 'finish'; task: CaseTask }
  | { kind: 'progress' }
  /** C14: the centre records a joint consultation of several units, or refers the case to mediation. */
  | { kind: 'record'; record: RecordKind };

export type RecordKind = 'joint_consultation' | 'mediation_referral';

/** Units that may sit in a joint consultation, and bodies a case may be referred to for mediation (the server's lists). */
export const CONSULT_KINDS = ['department', 'enterprise', 'agency', 'township', 'office', 'centre'] as const;
export const MEDIATION_KINDS = ['office', 'agency', 'centre'] as const;

/** A step's name: its action's (签收, 派遣…), 签收任务 / 完成任务 for a task, 报告进展. */
export function stepTitle(t: Translate, step: CaseStep): string {
  if (step.kind === 'flow') return actionLabel(t, step.action);
  if (step.kind === 'task') return t(step.action === 'sign' ? 'taskAction.sign' : 'taskAction.finish');
  if (step.kind === 'record')
    return t(
      step.record === 'joint_consultation'
        ? 'recordAction.joint_consultation'
        : 'recordAction.mediation_referral',
    );
  return t('case.addProgress');
}

/** What a step's form shows; `required` fields the server refuses the step without. */
export interface StepForm {
  reason: boolean;
  feedback: boolean;
  result: boolean;
  dispatch: boolean;
  dueAt: boolean;
  mergeInto: boolean;
  /** Position and photos both required (C9 arrival). */
  position: boolean;
  /** Photos offered (and their purpose), required or not. */
  photos: { purpose: PhotoPurpose; required: boolean } | null;
  /** The free note: optional on flow steps, the whole content of a progress note. */
  note: 'optional' | 'required' | 'hidden';
  /** C14: the record's units, decision and minutes. */
  record: RecordKind | null;
}

export function stepForm(step: CaseStep): StepForm {
  if (step.kind === 'record') {
    return {
      reason: false,
      feedback: false,
      result: false,
      dispatch: false,
      dueAt: false,
      mergeInto: false,
      position: false,
      photos: null,
      note: 'hidden',
      record: step.record,
    };
  }
  if (step.kind === 'progress') {
    return {
      reason: false,
      feedback: false,
      result: false,
      dispatch: false,
      dueAt: false,
      mergeInto: false,
      position: false,
      photos: { purpose: 'progress', required: false },
      note: 'required',
      record: null,
    };
  }
  if (step.kind === 'task') {
    const finishing = step.action === 'finish';
    return {
      reason: false,
      feedback: false,
      result: finishing,
      dispatch: false,
      dueAt: false,
      mergeInto: false,
      position: false,
      photos: finishing ? { purpose: 'finish', required: false } : null,
      note: 'hidden',
      record: null,
    };
  }
  const fields = actionFields(step.action);
  const arrival = fields.photoAndPosition === 'required';
  const finishing = step.action === 'finish' || step.action === 'fix_on_spot';
  return {
    reason: fields.reason === 'required',
    feedback: fields.feedback === 'required',
    result: fields.result === 'required',
    dispatch: fields.dispatch,
    dueAt: fields.dueAt,
    mergeInto: fields.mergeInto,
    position: arrival,
    photos: arrival
      ? { purpose: 'arrival', required: true }
      : finishing
        ? { purpose: 'finish', required: false }
        : null,
    note: 'optional',
    record: null,
  };
}

/** A step the reader only confirms (nothing to fill in): sign, approve… */
export function isBareStep(form: StepForm): boolean {
  return (
    !form.reason &&
    !form.feedback &&
    !form.result &&
    !form.dispatch &&
    !form.dueAt &&
    !form.mergeInto &&
    !form.position &&
    form.photos === null &&
    form.note !== 'required' &&
    form.record === null
  );
}

/** Case states in which the department side works (tasks, progress notes): the server's HANDLING_STATES. */
export const HANDLING_STATES: readonly string[] = ['dispatched', 'signed', 'on_site', 'extension_requested'];

/** The lead unit reports progress once it has signed. */
export const PROGRESS_STATES: readonly string[] = ['signed', 'on_site', 'extension_requested'];

/** Department roles: the lead unit's and cooperating units' people. */
export const DEPARTMENT_ROLES: readonly string[] = ['dept_handler', 'dept_head', 'agency_head'];

/** The steps a cooperating task offers the reader, who must hold a department role at its unit. */
export function taskSteps(
  task: CaseTask,
  caseState: string,
  myUnits: ReadonlySet<string>,
): ('sign' | 'finish')[] {
  if (!myUnits.has(task.unitId) || !HANDLING_STATES.includes(caseState)) return [];
  if (task.state === 'dispatched') return ['sign'];
  if (task.state === 'signed') return ['finish'];
  return [];
}

/** Tasks of the current round not done yet: finishing the case then needs a reason (pendingReason). */
export function openTasks(tasks: readonly CaseTask[], round: number): CaseTask[] {
  return tasks.filter(
    (task) => task.round === round && (task.state === 'dispatched' || task.state === 'signed'),
  );
}

/** C14 records are the centre's, while the case is not closed. */
export function mayRecord(roles: readonly string[], stateType: string): boolean {
  return roles.includes('centre_dispatcher') && stateType !== 'closed';
}
