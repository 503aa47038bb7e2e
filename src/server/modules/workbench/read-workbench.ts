import type { Clock } from '../../core/clock.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, actionsOf, isAdminRole, type Role } from '../auth/index.ts';
import { type DutyRow, openDutiesOf } from './workbench.repository.ts';

export interface ReadWorkbenchOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** Most duties listed (the counts cover them all up to this many). */
  limit?: number;
}

export type DutyUrgency = 'overdue' | 'due_soon' | 'running';

/** The page a duty is done on: the case, the ledger item, the session, or the R9 list. */
export function dutyLink(
  row: Pick<DutyRow, 'subjectType' | 'caseId' | 'ledgerItemId' | 'sessionId'>,
): string | null {
  const id = encodeURIComponent;
  if (row.caseId) return `/cases/${id(row.caseId)}`;
  if (row.ledgerItemId) return `/ledger/items/${id(row.ledgerItemId)}`;
  // R9: an involved unit sends its written material from 会商材料.
  if (row.subjectType === 'consultation_item') return '/consultation/mine';
  if (row.sessionId) return `/consultation/sessions/${id(row.sessionId)}`;
  return null;
}

/** Overdue: breached, or running past due; due soon: running past its warning time. */
export function urgencyOf(row: Pick<DutyRow, 'state' | 'dueAt' | 'warnAt'>, now: Date): DutyUrgency {
  if (row.state === 'breached' || new Date(row.dueAt) <= now) return 'overdue';
  return new Date(row.warnAt) <= now ? 'due_soon' : 'running';
}

/**
 * The roles that act on each case duty (the state table's actors, case-flow.ts): a grid
 * worker shares the grid with its grid head but does not approve (C4) or rate (C11).
 * Duties of other rules (ledger reports R8, consultation material R9, the sessions'
 * R2/R4/R5…) are the owing unit's business for any of its business roles.
 */
const CASE_RULE_ROLES: Record<string, readonly Role[]> = {
  C4: ['grid_head', 'community_secretary', 'township_leader'],
  C7: ['centre_dispatcher'],
  C8: ['dept_handler', 'dept_head', 'dept_liaison', 'agency_head', 'township_leader'],
  C9: ['dept_handler', 'dept_head', 'dept_liaison', 'agency_head', 'township_leader'],
  C10: ['dept_handler', 'dept_head', 'dept_liaison', 'agency_head', 'township_leader'],
  C11: ['grid_head'],
};

/** Whether someone holding `roles` at the owing unit acts on a duty of `ruleId`. */
export function actsOn(ruleId: string, roles: ReadonlySet<Role>): boolean {
  const actors = CASE_RULE_ROLES[ruleId];
  return actors ? actors.some((r) => roles.has(r)) : roles.size > 0;
}

/**
 * The caller's workbench (issue 8): what their units owe now, most urgent first — the
 * duties of the unit the account works for and of the units of its business grants
 * (not their subtrees: a leader's district is the dashboard's, not a to-do list) — with
 * counts by urgency and the actions the web shows as the role's shortcuts. Administrator
 * roles owe no business duties (MLPS separation): their list is empty.
 */
export async function readWorkbench(options: ReadWorkbenchOptions) {
  const { actor } = options;
  const now = options.clock.now();
  const business = actor.grants.filter((g) => !isAdminRole(g.role));
  // The roles held at each unit: a grant's own unit, and the account's unit for all of them
  // (a centre dispatcher works for the centre with a grant over its township).
  const rolesAt = new Map<string, Set<Role>>();
  const hold = (unitId: string, role: Role) =>
    rolesAt.set(unitId, (rolesAt.get(unitId) ?? new Set()).add(role));
  for (const g of business) {
    hold(g.orgUnitId, g.role);
    if (actor.orgUnitId) hold(actor.orgUnitId, g.role);
  }
  const limit = options.limit ?? 100;
  const open = await openDutiesOf(options.db, [...rolesAt.keys()], 500);
  const rows = open.filter((row) => actsOn(row.ruleId, rolesAt.get(row.unitId) ?? new Set())).slice(0, limit);
  const duties = rows.map((row) => ({
    id: row.id,
    ruleId: row.ruleId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    unit: { id: row.unitId, name: row.unitName },
    dueAt: toIsoShanghai(new Date(row.dueAt)),
    urgency: urgencyOf(row, now),
    link: dutyLink(row),
    case: row.caseId
      ? {
          id: row.caseId,
          number: row.caseNumber,
          state: row.caseState,
          category: { code: row.category, nameZh: row.categoryZh, nameEn: row.categoryEn },
        }
      : null,
    title: row.title,
  }));
  const count = (u: DutyUrgency) => duties.filter((d) => d.urgency === u).length;
  return {
    asOf: toIsoShanghai(now),
    roles: [...new Set(actor.grants.map((g) => g.role))],
    actions: actionsOf(actor),
    counts: { overdue: count('overdue'), dueSoon: count('due_soon'), running: count('running') },
    duties,
  };
}
export type Workbench = Awaited<ReturnType<typeof readWorkbench>>;
