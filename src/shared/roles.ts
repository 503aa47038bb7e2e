/**
 * Roles an account can hold at an org unit (G3, G7 and the foundation's three
 * administrator roles). A role held at a unit applies to that unit's subtree.
 */
export const BUSINESS_ROLES = [
  'grid_worker',
  'grid_head',
  'community_secretary',
  'township_leader',
  'centre_dispatcher',
  'dept_handler',
  'dept_liaison',
  'dept_head',
  'agency_head',
  'supervision_officer',
  'social_mgmt_officer',
  'establishment_officer',
  'legal_officer',
  'leader',
  'volunteer',
  'household_rep',
] as const;

/**
 * MLPS 2.0 (等保 2.0) level 3 separation of duties: accounts and settings, roles and
 * policies, and the audit trail are three different people; none of them acts in
 * the business.
 */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;

export const ROLES = [...BUSINESS_ROLES, ...ADMIN_ROLES] as const;
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}
