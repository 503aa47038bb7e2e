/** The cases module: calls, gating, triage, dispatch and the department report (C1–C16). */
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
export { type CaseView, caseView, presentCase } from './case-view.ts';
export { caseIdempotency, caseNumberCounters, cases } from './cases.tables.ts';
export { type CallInput, RAISER_ROLES, type SubmitCallOptions, submitCall } from './submit-call.ts';
