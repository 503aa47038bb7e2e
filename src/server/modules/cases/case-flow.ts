import type { Role } from '../auth/index.ts';

/**
 * The life of a case (C1–C16) as data: one table of state × action → next state, who
 * may act, which obligations the step opens, meets, pauses or resumes. Every case use
 * case goes through `planTransition`; no code sets a case's state directly. Code
 * branches on a state's type, never on its name.
 */
export const CASE_STATES = {
  // C4 gating: the call waits for approval up the grid.
  awaiting_grid_head: 'gating',
  awaiting_secretary: 'gating',
  awaiting_township_leader: 'gating',
  // C7 triage at a centre (also after a return the centre agreed to, or an escalation).
  triage: 'open',
  // C8–C10 department report.
  dispatched: 'open',
  signed: 'open',
  on_site: 'open',
  extension_requested: 'paused',
  returned: 'open',
  // C11 verification by the grid head.
  finished: 'open',
  // R-series: responsibility unclear, waiting for the consultation.
  in_consultation: 'paused',
  // Closed states; none is reached without feedback to the raiser (C12).
  closed: 'closed',
  closed_at_grid: 'closed',
  refused: 'closed',
  merged: 'closed',
} as const;

export type CaseState = keyof typeof CASE_STATES;
export type CaseStateType = (typeof CASE_STATES)[CaseState];

/** Deadline obligations the flow manages, by the rule that creates them. */
export type CaseDuty =
  | 'C4' // an approver's gating decision (default 2wh)
  | 'C7' // the centre's triage (default 2wh)
  | 'C8' // the lead unit signs (default 2h)
  | 'C9' // the lead unit arrives on site (1h livelihood, 2h simple)
  | 'C10' // the lead unit finishes (3wd general, 5wd complex; extensible)
  | 'C11'; // the grid head verifies and rates (default 2wd)

export interface CaseTransition {
  from: CaseState[];
  to: CaseState;
  /** Roles that may take the step (scope is checked against the case's units too). */
  roles: readonly Role[];
  opens?: CaseDuty[];
  meets?: CaseDuty[];
  pauses?: CaseDuty[];
  resumes?: CaseDuty[];
  /** Obligations cancelled because the case leaves their path (merged, refused…). */
  cancels?: 'all';
  /** The step needs feedback to the raiser (C12): closing steps. */
  feedback?: true;
  /** The step needs a reason (send back, refuse, return, unsatisfied rating…). */
  reason?: true;
  /** The step needs the result of the handling (finish, fix on the spot). */
  result?: true;
  /** C9: the step needs a position and at least one photo (arrival on site). */
  photoAndPosition?: true;
}

const CENTRE: readonly Role[] = ['centre_dispatcher'];
const DEPARTMENT: readonly Role[] = ['dept_handler', 'dept_head', 'agency_head'];

export const CASE_FLOW = {
  // C4: a grid worker's call is checked by the grid head, a grid head's by the community
  // secretary, a call to a city department also by the township leader in charge.
  approve_as_grid_head: {
    from: ['awaiting_grid_head'],
    to: 'triage',
    roles: ['grid_head'],
    meets: ['C4'],
    opens: ['C7'],
  },
  forward_to_secretary: {
    from: ['awaiting_grid_head'],
    to: 'awaiting_secretary',
    roles: ['grid_head'],
    meets: ['C4'],
    opens: ['C4'],
  },
  approve_as_secretary: {
    from: ['awaiting_secretary'],
    to: 'triage',
    roles: ['community_secretary'],
    meets: ['C4'],
    opens: ['C7'],
  },
  forward_to_township: {
    from: ['awaiting_grid_head', 'awaiting_secretary'],
    to: 'awaiting_township_leader',
    roles: ['grid_head', 'community_secretary'],
    meets: ['C4'],
    opens: ['C4'],
  },
  approve_as_township: {
    from: ['awaiting_township_leader'],
    to: 'triage',
    roles: ['township_leader'],
    meets: ['C4'],
    opens: ['C7'],
  },
  send_back: {
    from: ['awaiting_grid_head', 'awaiting_secretary', 'awaiting_township_leader'],
    to: 'closed_at_grid',
    roles: ['grid_head', 'community_secretary', 'township_leader'],
    meets: ['C4'],
    reason: true,
    feedback: true,
  },
  solve_at_grid: {
    from: ['awaiting_grid_head', 'awaiting_secretary', 'awaiting_township_leader'],
    to: 'closed_at_grid',
    roles: ['grid_head', 'community_secretary', 'township_leader'],
    meets: ['C4'],
    feedback: true,
  },
  // C7 triage; C15/C16 escalation level by level.
  // Dispatching a returned case means the centre agreed with the return (it counts against
  // the routing, not the department); refuse_return sends it back to the same unit.
  dispatch: { from: ['triage', 'returned'], to: 'dispatched', roles: CENTRE, meets: ['C7'], opens: ['C8'] },
  refuse_return: {
    from: ['returned'],
    to: 'dispatched',
    roles: CENTRE,
    meets: ['C7'],
    opens: ['C8'],
    reason: true,
  },
  refuse: {
    from: ['triage'],
    to: 'refused',
    roles: CENTRE,
    meets: ['C7'],
    reason: true,
    feedback: true,
    cancels: 'all',
  },
  // C7: a duplicate is merged into the case it repeats (mergeIntoId); its raiser still hears (C12).
  merge: { from: ['triage'], to: 'merged', roles: CENTRE, meets: ['C7'], feedback: true, cancels: 'all' },
  mark_unclear: {
    from: ['triage', 'returned'],
    to: 'in_consultation',
    roles: CENTRE,
    meets: ['C7'],
    reason: true,
  },
  consultation_decided: {
    from: ['in_consultation'],
    to: 'triage',
    roles: ['social_mgmt_officer', ...CENTRE],
    opens: ['C7'],
  },
  escalate: { from: ['triage'], to: 'triage', roles: CENTRE, meets: ['C7'], opens: ['C7'], reason: true },
  // C8–C10 department report.
  sign: { from: ['dispatched'], to: 'signed', roles: DEPARTMENT, meets: ['C8'], opens: ['C9', 'C10'] },
  arrive: { from: ['signed'], to: 'on_site', roles: DEPARTMENT, meets: ['C9'], photoAndPosition: true },
  // C10: asked for once on site (arrival, C9, is met by then).
  request_extension: { from: ['on_site'], to: 'extension_requested', roles: DEPARTMENT, reason: true },
  approve_extension: { from: ['extension_requested'], to: 'on_site', roles: CENTRE },
  refuse_extension: { from: ['extension_requested'], to: 'on_site', roles: CENTRE, reason: true },
  return_case: {
    from: ['dispatched', 'signed'],
    to: 'returned',
    roles: DEPARTMENT,
    reason: true,
    cancels: 'all',
    opens: ['C7'],
  },
  // The lead unit's finish waits for its cooperating units' tasks or records why not.
  finish: {
    from: ['on_site'],
    to: 'finished',
    roles: DEPARTMENT,
    meets: ['C10'],
    opens: ['C11'],
    result: true,
  },
  // C16: what a stationed agency can fix on the spot it fixes at once and reports.
  fix_on_spot: {
    from: ['dispatched'],
    to: 'finished',
    roles: ['agency_head', 'dept_handler'],
    meets: ['C8'],
    opens: ['C11'],
    result: true,
  },
  // C11 verification; an unsatisfied rating sends the case back to the same unit.
  rate_satisfied: { from: ['finished'], to: 'closed', roles: ['grid_head'], meets: ['C11'], feedback: true },
  rate_unsatisfied: {
    from: ['finished'],
    to: 'dispatched',
    roles: ['grid_head'],
    meets: ['C11'],
    opens: ['C8'],
    reason: true,
  },
} as const satisfies Record<string, CaseTransition>;

export type CaseAction = keyof typeof CASE_FLOW;

export interface PlannedTransition {
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  rule: CaseTransition;
}

/** The actions the table allows from a state (the 409 answer lists them). */
export function allowedActions(state: CaseState): CaseAction[] {
  return (Object.keys(CASE_FLOW) as CaseAction[]).filter((action) =>
    (CASE_FLOW[action].from as readonly CaseState[]).includes(state),
  );
}

export type PlanResult =
  | { ok: true; plan: PlannedTransition }
  | { ok: false; reason: 'state'; allowed: CaseAction[] }
  | { ok: false; reason: 'role' };

/**
 * Whether `action` may be taken from `state` by someone holding `roles`, and what it
 * does. Pure: the use cases add scope, version and the writing.
 */
export function planTransition(state: CaseState, action: CaseAction, roles: readonly Role[]): PlanResult {
  const rule: CaseTransition = CASE_FLOW[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'state', allowed: allowedActions(state) };
  if (!rule.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'role' };
  return { ok: true, plan: { action, from: state, to: rule.to, rule } };
}

/** The gating state a call starts in (C4), from who raises it and where it is aimed. */
export function firstState(raiser: Role | 'resident', aimsAtCityDepartment: boolean): CaseState {
  if (raiser === 'grid_worker' || raiser === 'volunteer' || raiser === 'household_rep')
    return 'awaiting_grid_head';
  if (raiser === 'grid_head') return 'awaiting_secretary';
  if (aimsAtCityDepartment && raiser === 'community_secretary') return 'awaiting_township_leader';
  // Residents' demands arrive through channels (hotline, app) straight at the centre.
  return 'triage';
}
