/** The org module: the tree of units (G1, G2, G7). People, posts and grids arrive with the org issue. */
export { type CreateOrgUnitOptions, createOrgUnit } from './create-org-unit.ts';
export {
  findOrgUnit,
  findOrgUnitByCode,
  listOrgUnitsInScope,
  type OrgUnitRow,
  rootOrgUnit,
} from './org.repository.ts';
export { ORG_KINDS, type OrgKind, orgUnits } from './org.tables.ts';
