/**
 * The organisation's rules as data, shared by server and web: unit kinds and where
 * they sit (G1, G2, G7), which roles are held at which kinds (G3), and who may contract
 * whom (G4). The server enforces them; the web uses them to offer only valid choices.
 */
import type { Role } from './roles.ts';

/** Kinds of org unit (G1 four levels, G2 three-level grid, G7 departments and agencies). */
export const ORG_KINDS = [
  'city',
  'district',
  'township',
  'community',
  'grid',
  'department',
  'agency',
  'centre',
  'office',
  'enterprise',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** G2: the kinds of L3 grid. */
export const GRID_TYPES = ['village_group', 'compound', 'block', 'public_unit'] as const;
export type GridType = (typeof GRID_TYPES)[number];

/**
 * G1/G2/G7: where each kind of unit may sit. The four levels nest city → district →
 * township → community, grids (L3) sit in communities; departments, offices and
 * enterprises belong to a city or district; agencies are stationed in a township;
 * every level has its centre.
 */
export const PARENT_KINDS: Record<OrgKind, (OrgKind | null)[]> = {
  city: [null],
  district: ['city'],
  township: ['district'],
  community: ['township'],
  grid: ['community'],
  department: ['city', 'district'],
  agency: ['township'],
  centre: ['city', 'district', 'township', 'community'],
  office: ['city', 'district', 'township'],
  enterprise: ['city', 'district'],
};

/** G3/G7: the kinds of unit at which each role is held (定岗). Admin roles may sit anywhere. */
export const ROLE_UNIT_KINDS: Record<Role, OrgKind[] | 'any'> = {
  grid_worker: ['grid'],
  grid_head: ['grid'],
  volunteer: ['grid', 'community'],
  household_rep: ['grid'],
  community_secretary: ['community'],
  township_leader: ['township'],
  centre_dispatcher: ['centre'],
  dept_handler: ['department', 'agency', 'enterprise'],
  dept_liaison: ['department', 'agency', 'enterprise'],
  dept_head: ['department', 'enterprise'],
  agency_head: ['agency'],
  supervision_officer: ['office'],
  social_mgmt_officer: ['office'],
  establishment_officer: ['office'],
  legal_officer: ['office'],
  leader: ['city', 'district', 'township'],
  system_admin: 'any',
  security_admin: 'any',
  audit_admin: 'any',
};

/**
 * G4: which unit kinds a contractor's unit may contract (分包): city leaders contract
 * districts, district leaders and teams townships, township leaders communities,
 * village cadres their groups and compounds; enforcement departments contract the
 * level below their own.
 */
export const CONTRACT_LEVELS: { from: OrgKind; to: OrgKind }[] = [
  { from: 'city', to: 'district' },
  { from: 'district', to: 'township' },
  { from: 'township', to: 'community' },
  { from: 'community', to: 'grid' },
  { from: 'department', to: 'district' },
  { from: 'department', to: 'township' },
];

/** Digits a code of each division level has (GB/T 2260 and the statistical codes). */
export const CODE_PATTERNS: Partial<Record<OrgKind, RegExp>> = {
  city: /^\d{6}$/,
  district: /^\d{6}$/,
  township: /^\d{9}$/,
  community: /^\d{12}$/,
  grid: /^\d{15}$/,
};
