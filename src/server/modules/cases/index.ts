/** The cases module: calls, gating, triage, dispatch and the department report (C1–C16). */
export { actOnTask } from './act-on-task.ts';
export { addProgress } from './add-progress.ts';
export { type ApplyCaseActionOptions, applyCaseAction, type CaseActionInput } from './apply-case-action.ts';
export {
  allowedActions,
  CASE_FLOW,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  firstState,
  planTransition,
} from './case-flow.ts';
export { type CaseSummary, type SummarizeCasesOptions, summarizeCases } from './case-summary.ts';
export { type CaseView, caseView, presentCase } from './case-view.ts';
export {
  caseRecords,
  caseReturns,
  caseSpotCheckItems,
  caseSpotChecks,
  caseTasks,
} from './case-work.tables.ts';
export { caseIdempotency, caseNumberCounters, cases } from './cases.tables.ts';
export {
  type CallElement,
  type CallInput,
  ELEMENTS,
  type OpenCaseOptions,
  openCase,
  RAISER_ROLES,
  requireElements,
  type SubmitCallOptions,
  submitCall,
} from './submit-call.ts';
