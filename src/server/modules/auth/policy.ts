import { BUSINESS_ROLES, type Role } from './roles.ts';

/** What the HTTP edge knows about the caller once the session is resolved. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  /** The unit the account works for; recorded on every event it causes. */
  orgUnitId: string | null;
  mustChangePassword: boolean;
  /** Hash of the session token, to end this session. */
  sessionTokenHash: string;
  grants: ActorGrant[];
}

export interface ActorGrant {
  role: Role;
  orgUnitId: string;
  /** Materialised path of the unit; the grant covers every path starting with it. */
  orgPath: string;
}

interface Rule {
  /** Roles allowed; 'authenticated' means any logged-in account, with or without roles. */
  roles: readonly Role[] | 'authenticated';
  /** Whether the resource's org unit must lie inside a grant of an allowed role. */
  scoped: boolean;
  /** Allowed while the account still has to change its initial password. */
  duringPasswordChange?: boolean;
}

/**
 * The one table of who may do what. Every route names an action from it; an action
 * that is not here is denied (deny by default). Administrator roles appear only in
 * administration actions, never in business ones (MLPS separation of duties).
 */
export const POLICY = {
  'session.self': { roles: 'authenticated', scoped: false, duringPasswordChange: true },
  'org.read': { roles: [...BUSINESS_ROLES, 'system_admin', 'security_admin'], scoped: true },
  // The security administrator must see whom they grant roles to.
  'account.read': { roles: ['system_admin', 'security_admin'], scoped: true },
  'account.create': { roles: ['system_admin'], scoped: true },
  'account.reset_password': { roles: ['system_admin'], scoped: true },
  'account.unlock': { roles: ['system_admin'], scoped: true },
  'role.read': { roles: ['security_admin'], scoped: true },
  'role.grant': { roles: ['security_admin'], scoped: true },
  'role.revoke': { roles: ['security_admin'], scoped: true },
  'audit.read': { roles: ['audit_admin'], scoped: false },
  'audit.verify': { roles: ['audit_admin'], scoped: false },
  // The organisation: its structure and its people are kept by the system administrator
  // (定人定岗 records); granting access roles stays with the security administrator.
  'org.manage': { roles: ['system_admin'], scoped: true },
  'person.read': { roles: [...BUSINESS_ROLES, 'system_admin'], scoped: true },
  'person.manage': { roles: ['system_admin'], scoped: true },
  // Who sees phone numbers unmasked: those who must call people (dispatchers, heads,
  // secretaries, leaders) and the keeper of the roster. ID numbers: person.manage only.
  'person.contact': {
    roles: [
      'centre_dispatcher',
      'grid_head',
      'community_secretary',
      'township_leader',
      'leader',
      'dept_head',
      'system_admin',
    ],
    scoped: true,
  },
  // Point → grid answers for anyone at work: a call can be raised about any place.
  'grid.locate': { roles: BUSINESS_ROLES, scoped: false },
  'calendar.read': { roles: 'authenticated', scoped: false },
  'calendar.manage': { roles: ['system_admin'], scoped: false },
  'obligation.rules': { roles: ['system_admin'], scoped: false },
  'webhook.manage': { roles: ['system_admin'], scoped: false },
  // C5: source systems (12345 hotline, petitions, public opinion, Open311 clients) and their
  // API keys, within the administrator's scope.
  'intake.manage': { roles: ['system_admin'], scoped: true },
  'notification.read': { roles: 'authenticated', scoped: false },
  // Issue 8: my to-do list — only the duties of my own units, so anyone signed in may ask.
  'workbench.read': { roles: 'authenticated', scoped: false },
  'obligation.read': { roles: BUSINESS_ROLES, scoped: true },
  // Opening, meeting, pausing and cancelling duties by hand: the centre and the
  // supervision office, and the owing unit's own staff for meeting them.
  'obligation.manage': {
    roles: ['centre_dispatcher', 'supervision_officer', 'dept_handler', 'dept_head', 'agency_head'],
    scoped: true,
  },
  // C10: the centre approves an extension; supervisors and leaders may too.
  'obligation.extend': { roles: ['centre_dispatcher', 'supervision_officer', 'leader'], scoped: true },
  'obligation.waive': { roles: ['supervision_officer', 'leader'], scoped: true },
  // Photos of calls, arrivals and results: whoever raises or acts on cases uploads them.
  'file.upload': {
    roles: [
      'grid_worker',
      'grid_head',
      'volunteer',
      'household_rep',
      'community_secretary',
      'township_leader',
      'centre_dispatcher',
      'dept_handler',
      'dept_head',
      'agency_head',
    ],
    scoped: false,
  },
  // R1, C7: reading the responsibility catalogue and its suggestions.
  'routing.read': {
    roles: [
      'centre_dispatcher',
      'social_mgmt_officer',
      'establishment_officer',
      'legal_officer',
      'supervision_officer',
      'leader',
    ],
    scoped: true,
  },
  // R1, R3: the 编办 keeps the responsibility catalogue; the 社管办 records consultation decisions.
  'routing.manage': { roles: ['establishment_officer', 'social_mgmt_officer'], scoped: true },
  // R2–R7: the consultation cycle — read by the convenors (R3), leaders, supervision and centres.
  'consultation.read': {
    roles: [
      'social_mgmt_officer',
      'establishment_officer',
      'legal_officer',
      'supervision_officer',
      'leader',
      'centre_dispatcher',
    ],
    scoped: true,
  },
  // R7: the minutes and the special report, also for the units that attended or are involved.
  'consultation.papers': {
    roles: [
      'social_mgmt_officer',
      'establishment_officer',
      'legal_officer',
      'supervision_officer',
      'leader',
      'centre_dispatcher',
      'dept_handler',
      'dept_head',
      'agency_head',
      'township_leader',
    ],
    scoped: true,
  },
  // R4–R7: the 社管办 runs the cycle.
  'consultation.manage': { roles: ['social_mgmt_officer'], scoped: true },
  // R9: the involved units submit written material.
  'consultation.material': {
    roles: ['dept_handler', 'dept_head', 'agency_head', 'township_leader'],
    scoped: true,
  },
  // R7, C7: the centre dispatches the cases waiting on a decided item.
  'consultation.dispatch': { roles: ['centre_dispatcher'], scoped: true },
  // The category catalogue is no secret: every signed-in account may read it.
  'category.read': { roles: 'authenticated', scoped: false },
  // C2: the catalogue itself (add, change, retire, delete) is reference data the system administrator keeps.
  'category.manage': { roles: ['system_admin'], scoped: false },
  // C1: who may call from a grid. Residents come later through the channels (C5).
  'case.raise': {
    roles: ['grid_worker', 'grid_head', 'volunteer', 'household_rep', 'community_secretary'],
    scoped: true,
  },
  // Reading a case: whoever raises, gates, triages, handles or oversees cases; the use
  // case checks that a grant covers the case's grid, centre area or lead unit.
  'case.read': {
    roles: [
      'grid_worker',
      'grid_head',
      'volunteer',
      'household_rep',
      'community_secretary',
      'township_leader',
      'centre_dispatcher',
      'dept_handler',
      'dept_head',
      'agency_head',
      'social_mgmt_officer',
      'supervision_officer',
      'leader',
    ],
    scoped: true,
  },
  // Acting on a case: the roles of CASE_FLOW (cases/case-flow.ts), which says who may take
  // each step; the use case checks the step's role and scope.
  'case.act': {
    roles: [
      'grid_head',
      'community_secretary',
      'township_leader',
      'centre_dispatcher',
      'dept_handler',
      'dept_head',
      'agency_head',
      'social_mgmt_officer',
    ],
    scoped: true,
  },
  // C13: the weekly summary and monthly analysis of a unit's subtree; the use case checks
  // that a grant covers the unit asked for.
  'case.report': {
    roles: [
      'centre_dispatcher',
      'supervision_officer',
      'social_mgmt_officer',
      'leader',
      'township_leader',
      'dept_head',
      'agency_head',
    ],
    scoped: true,
  },
  // A1: the indicators of a unit and its children; the use case checks that a grant covers the unit.
  // A3–A6: also the list of alerts of the units under an area.
  'assessment.read': {
    roles: [
      'leader',
      'supervision_officer',
      'centre_dispatcher',
      'social_mgmt_officer',
      'township_leader',
      'dept_head',
      'agency_head',
    ],
    scoped: true,
  },
  // Issue 7 §5: the leaders' dashboard of an area (figures, rankings, overdue, grid density).
  'dashboard.read': {
    roles: ['leader', 'township_leader', 'supervision_officer', 'centre_dispatcher'],
    scoped: true,
  },
  // A2: assessment settings, manual points, publishing and correcting rankings.
  // A3–A6: also deriving alerts, flagging key cases, tracing cases and closing alerts.
  'assessment.manage': { roles: ['supervision_officer', 'leader'], scoped: true },
  // C13: random spot checks of closed cases (不定期抽查督办), drawn and reviewed by supervisors.
  'case.spotcheck': { roles: ['supervision_officer', 'centre_dispatcher'], scoped: true },
  // R7, R8, S8: the ledger of tracked items (台账) is read by its owners, the leaders and the
  // units that carry items out; the use case checks that a grant covers the lead or a
  // cooperating unit.
  'ledger.read': {
    roles: [
      'social_mgmt_officer',
      'supervision_officer',
      'leader',
      'dept_handler',
      'dept_liaison',
      'dept_head',
      'agency_head',
      'township_leader',
      'community_secretary',
    ],
    scoped: true,
  },
  // R8: the lead and cooperating units report on their items in writing.
  'ledger.report': {
    roles: [
      'dept_handler',
      'dept_liaison',
      'dept_head',
      'agency_head',
      'township_leader',
      'community_secretary',
    ],
    scoped: true,
  },
  // R7, S5, S8: the owner of each kind of ledger (ledger/ledger-kinds.ts) puts items on it,
  // reviews reports, crosses items off (销号) and reopens them.
  'ledger.manage': { roles: ['social_mgmt_officer', 'supervision_officer'], scoped: true },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

export function isAction(name: string): name is Action {
  return Object.hasOwn(POLICY, name);
}

function ruleOf(action: string): Rule | undefined {
  return isAction(action) ? POLICY[action] : undefined;
}

function allowedGrants(actor: Actor, rule: Rule): ActorGrant[] {
  if (rule.roles === 'authenticated') return actor.grants;
  const roles: readonly Role[] = rule.roles;
  return actor.grants.filter((g) => roles.includes(g.role));
}

/**
 * May `actor` do `action` — on `resource` when given (its org unit must lie inside
 * one of the actor's grants for a scoped action), or at all when not given (the
 * route-level check; listings then filter by `scopeOf`).
 */
export function authorize(actor: Actor | null, action: string, resource?: { orgPath: string }): boolean {
  const rule = ruleOf(action);
  if (!rule || !actor) return false;
  if (actor.mustChangePassword && !rule.duringPasswordChange) return false;
  if (rule.roles === 'authenticated') return true;
  const grants = allowedGrants(actor, rule);
  if (grants.length === 0) return false;
  if (!rule.scoped || !resource) return true;
  return grants.some((g) => resource.orgPath.startsWith(g.orgPath));
}

/**
 * The subtrees (path prefixes) in which the actor may do `action`; empty when
 * nowhere. An unscoped action returns ['/'] (everything) for an allowed actor.
 */
export function scopeOf(actor: Actor, action: string): string[] {
  const rule = ruleOf(action);
  if (!rule || !authorize(actor, action)) return [];
  if (!rule.scoped || rule.roles === 'authenticated') return ['/'];
  const paths = allowedGrants(actor, rule).map((g) => g.orgPath);
  // A path inside another path adds nothing; keep the outermost ones.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/** Every action the actor may do somewhere: the web shows its menu from this. */
export function actionsOf(actor: Actor): Action[] {
  return (Object.keys(POLICY) as Action[]).filter((action) => authorize(actor, action));
}
