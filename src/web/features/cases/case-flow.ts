/**
 * What the case pages need from the server's state table (src/server/modules/cases/
 * case-flow.ts): each state's type, and for each action the states it leaves from, the
 * roles that may take it and what its form must ask for. The server decides; this copy
 * only picks the queue of "my" cases and lays out the forms. The browser test compares
 * it with the server's table, so the two cannot drift apart unnoticed.
 */

/** State → type (gating, open, paused, closed), in the order of the flow. */
export const CASE_STATES = {
  awaiting_grid_head: 'gating',
  awaiting_secretary: 'gating',
  awaiting_township_leader: 'gating',
  triage: 'open',
  dispatched: 'open',
  signed: 'open',
  on_site: 'open',
  extension_requested: 'paused',
  returned: 'open',
  finished: 'open',
  in_consultation: 'paused',
  closed: 'closed',
  closed_at_grid: 'closed',
  refused: 'closed',
  merged: 'closed',
} as const;

export type CaseState = keyof typeof CASE_STATES;
export type CaseStateType = (typeof CASE_STATES)[CaseState];

export const CASE_STATE_LIST = Object.keys(CASE_STATES) as CaseState[];

export function isCaseState(state: string): state is CaseState {
  return Object.hasOwn(CASE_STATES, state);
}

/** An action's row: where it leaves from, who takes it, what the server requires with it. */
export interface CaseActionRule {
  from: readonly CaseState[];
  roles: readonly string[];
  /** A reason is required (send back, refuse, return, unsatisfied…). */
  reason?: true;
  /** Feedback to the raiser is required (C12: the closing steps). */
  feedback?: true;
  /** The result of the handling is required (finish, fix on the spot). */
  result?: true;
  /** C9: a position and at least one photo are required (arrival on site). */
  photoAndPosition?: true;
}

const CENTRE = ['centre_dispatcher'] as const;
const DEPARTMENT = ['dept_handler', 'dept_head', 'agency_head'] as const;
const GATING = ['awaiting_grid_head', 'awaiting_secretary', 'awaiting_township_leader'] as const;
const GATEKEEPERS = ['grid_head', 'community_secretary', 'township_leader'] as const;

/** The actions in the order the case page offers them (forward steps first). */
export const CASE_ACTIONS = {
  approve_as_grid_head: { from: ['awaiting_grid_head'], roles: ['grid_head'] },
  forward_to_secretary: { from: ['awaiting_grid_head'], roles: ['grid_head'] },
  approve_as_secretary: { from: ['awaiting_secretary'], roles: ['community_secretary'] },
  forward_to_township: {
    from: ['awaiting_grid_head', 'awaiting_secretary'],
    roles: ['grid_head', 'community_secretary'],
  },
  approve_as_township: { from: ['awaiting_township_leader'], roles: ['township_leader'] },
  send_back: { from: GATING, roles: GATEKEEPERS, reason: true, feedback: true },
  solve_at_grid: { from: GATING, roles: GATEKEEPERS, feedback: true },
  dispatch: { from: ['triage', 'returned'], roles: CENTRE },
  refuse_return: { from: ['returned'], roles: CENTRE, reason: true },
  refuse: { from: ['triage'], roles: CENTRE, reason: true, feedback: true },
  merge: { from: ['triage'], roles: CENTRE, feedback: true },
  mark_unclear: { from: ['triage', 'returned'], roles: CENTRE, reason: true },
  consultation_decided: { from: ['in_consultation'], roles: ['social_mgmt_officer', ...CENTRE] },
  escalate: { from: ['triage'], roles: CENTRE, reason: true },
  sign: { from: ['dispatched'], roles: DEPARTMENT },
  arrive: { from: ['signed'], roles: DEPARTMENT, photoAndPosition: true },
  request_extension: { from: ['on_site'], roles: DEPARTMENT, reason: true },
  approve_extension: { from: ['extension_requested'], roles: CENTRE },
  refuse_extension: { from: ['extension_requested'], roles: CENTRE, reason: true },
  return_case: { from: ['dispatched', 'signed'], roles: DEPARTMENT, reason: true },
  finish: { from: ['on_site'], roles: DEPARTMENT, result: true },
  fix_on_spot: { from: ['dispatched'], roles: ['agency_head', 'dept_handler'], result: true },
  rate_satisfied: { from: ['finished'], roles: ['grid_head'], feedback: true },
  rate_unsatisfied: { from: ['finished'], roles: ['grid_head'], reason: true },
} as const satisfies Record<string, CaseActionRule>;

export type CaseAction = keyof typeof CASE_ACTIONS;

export function isCaseAction(action: string): action is CaseAction {
  return Object.hasOwn(CASE_ACTIONS, action);
}

/**
 * Whose turn it is in each open state: the roles the case waits on (the server's
 * `nextActorUnit`). The table lets an approver send a call back from any gating state,
 * but a call awaiting the secretary is the secretary's work, not the grid head's; and a
 * case waiting for the monthly consultation is the social management office's.
 */
export const WAITING_ON: Partial<Record<CaseState, readonly string[]>> = {
  awaiting_grid_head: ['grid_head'],
  awaiting_secretary: ['community_secretary'],
  awaiting_township_leader: ['township_leader'],
  triage: CENTRE,
  returned: CENTRE,
  extension_requested: CENTRE,
  in_consultation: ['social_mgmt_officer'],
  dispatched: DEPARTMENT,
  signed: DEPARTMENT,
  on_site: DEPARTMENT,
  finished: ['grid_head'],
};

/** The states that wait on someone holding `roles`: the queue of "待我处理", in flow order. */
export function queueStates(roles: readonly string[]): CaseState[] {
  return CASE_STATE_LIST.filter((state) => WAITING_ON[state]?.some((role) => roles.includes(role)));
}

/** The fields an action's form shows; `required` ones the server refuses the step without. */
export interface ActionFields {
  reason: 'required' | 'hidden';
  feedback: 'required' | 'hidden';
  result: 'required' | 'hidden';
  /** Lead unit (required), cooperating units and SLA class: dispatch. */
  dispatch: boolean;
  /** The new finish time: approve_extension. */
  dueAt: boolean;
  /** The case this one repeats: merge. */
  mergeInto: boolean;
  /** Position and photos (C9: both required on arrival). */
  photoAndPosition: 'required' | 'hidden';
  /** A free note, offered on every step. */
  note: boolean;
}

/**
 * The form of one action. An action this release does not know (the server added it)
 * still gets a form: a note, and the server's refusal names anything else it needs.
 */
export function actionFields(action: string): ActionFields {
  const rule: CaseActionRule | undefined = isCaseAction(action) ? CASE_ACTIONS[action] : undefined;
  return {
    reason: rule?.reason ? 'required' : 'hidden',
    feedback: rule?.feedback ? 'required' : 'hidden',
    result: rule?.result ? 'required' : 'hidden',
    dispatch: action === 'dispatch',
    dueAt: action === 'approve_extension',
    mergeInto: action === 'merge',
    photoAndPosition: rule?.photoAndPosition ? 'required' : 'hidden',
    note: true,
  };
}

/** Steps that end or turn back the case: their buttons are not the primary one. */
const SECONDARY_ACTIONS: ReadonlySet<string> = new Set([
  'send_back',
  'refuse',
  'refuse_return',
  'merge',
  'mark_unclear',
  'escalate',
  'return_case',
  'request_extension',
  'refuse_extension',
  'rate_unsatisfied',
  'forward_to_secretary',
  'forward_to_township',
]);

/** Orders the steps the server lists as the table does, unknown ones last; the first forward step is primary. */
export function orderActions(actions: readonly string[]): { action: string; primary: boolean }[] {
  const order = Object.keys(CASE_ACTIONS);
  const rank = (action: string) => {
    const index = order.indexOf(action);
    return index === -1 ? order.length : index;
  };
  const sorted = [...actions].sort((a, b) => rank(a) - rank(b));
  const primary = sorted.find((action) => !SECONDARY_ACTIONS.has(action));
  return sorted.map((action) => ({ action, primary: action === primary }));
}
