/** The obligations module: every deadline of every module, one scanner, one state table. */
export { applyCalendarChange, type CalendarChange } from './apply-calendar-change.ts';
export { cancelObligation } from './cancel-obligation.ts';
export { dueTimes } from './due-time.ts';
export { extendObligation } from './extend-obligation.ts';
export { meetObligation } from './meet-obligation.ts';
export { stateTypeOf } from './obligation-flow.ts';
export { obligationView, presentObligation } from './obligation-view.ts';
export {
  countObligations,
  findObligation,
  listObligations,
  type ObligationRow,
  ruleSettings,
} from './obligations.repository.ts';
export { obligations } from './obligations.tables.ts';
export { openObligation } from './open-obligation.ts';
export { pauseObligation } from './pause-obligation.ts';
export { recomputeObligations } from './recompute-obligations.ts';
export { resumeObligation } from './resume-obligation.ts';
export { scanObligations } from './scan-obligations.ts';
export { setRuleSettings } from './set-rule-settings.ts';
export { waiveObligation } from './waive-obligation.ts';
