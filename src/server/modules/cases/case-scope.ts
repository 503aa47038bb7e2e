import type { Actor, Role } from '../auth/index.ts';
import type { OrgUnitRow } from '../org/index.ts';
import type { CaseRow } from './cases.repository.ts';

/** The units a case touches, resolved from its row: where it happened, who triages, who handles. */
export interface CaseUnits {
  /** The grid, or (outside every grid) the raiser's unit: gating and rating happen here. */
  place: OrgUnitRow;
  community: OrgUnitRow | null;
  township: OrgUnitRow | null;
  /** The division whose centre triages it (C7, C15). */
  area: OrgUnitRow;
  centre: OrgUnitRow | null;
  lead: OrgUnitRow | null;
  /** Units with a cooperating task on the case (C7): they read it and act on their task. */
  cooperating: OrgUnitRow[];
}

/** Grid-side roles act where the case happened. */
const PLACE_ROLES: readonly Role[] = [
  'grid_worker',
  'grid_head',
  'volunteer',
  'household_rep',
  'community_secretary',
  'township_leader',
];
/** Centre-side roles act on the area whose centre holds the case. */
const AREA_ROLES: readonly Role[] = [
  'centre_dispatcher',
  'social_mgmt_officer',
  'supervision_officer',
  'leader',
];
/** Department-side roles act on cases led by their unit. */
const LEAD_ROLES: readonly Role[] = ['dept_handler', 'dept_head', 'agency_head'];

/** The org path a role's grant must cover to act on (or read) this case. */
export function scopePathFor(role: Role, units: CaseUnits): string | null {
  if (PLACE_ROLES.includes(role)) return units.place.path;
  if (AREA_ROLES.includes(role)) return units.area.path;
  if (LEAD_ROLES.includes(role)) return units.lead?.path ?? null;
  return null;
}

/** The caller's roles whose grants cover this case (each role where it applies). */
export function rolesOnCase(actor: Actor, units: CaseUnits): Role[] {
  const roles = actor.grants
    .filter((g) => {
      const path = scopePathFor(g.role, units);
      return path?.startsWith(g.orgPath) ?? false;
    })
    .map((g) => g.role);
  return [...new Set(roles)];
}

/** Whether the caller may see the case at all; outside it, the case does not exist for them (404). */
export function canSeeCase(actor: Actor, row: CaseRow, units: CaseUnits): boolean {
  return (
    row.raisedBy === actor.id ||
    rolesOnCase(actor, units).length > 0 ||
    units.cooperating.some((unit) => cooperatingRoles(actor, unit).length > 0)
  );
}

/** The caller's department roles that cover a cooperating unit (its task's sign and finish). */
export function cooperatingRoles(actor: Actor, unit: OrgUnitRow): Role[] {
  return actor.grants
    .filter((g) => LEAD_ROLES.includes(g.role) && unit.path.startsWith(g.orgPath))
    .map((g) => g.role);
}
