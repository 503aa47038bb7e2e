/** The org module: units (G1, G2, G7), people and posts (G3), contracting and teams (G4, G5), households (G6), grids. */
export { addContract } from './add-contract.ts';
export { type CreateOrgUnitOptions, createOrgUnit } from './create-org-unit.ts';
export { createPerson } from './create-person.ts';
export { createWorkTeam } from './create-work-team.ts';
export { type CountyDivisions, loadCountyDivisions } from './division-source.ts';
export { endPost } from './end-post.ts';
export { type Area, type CoverageReport, checkBoundary, checkCoverage } from './grid-geometry.ts';
export { GridIndex, GridIndexStore } from './grid-index.ts';
export { handOverGridHead } from './hand-over-grid-head.ts';
export { addHousehold, assignJointRepresentative } from './households.ts';
export { type DivisionsReport, importDivisions } from './import-divisions.ts';
export { describeImportIssue, ImportInvalidError, importPeople } from './import-people.ts';
export {
  findOrgUnit,
  findOrgUnitByCode,
  listOrgUnitsInScope,
  type OrgUnitRow,
  rootOrgUnit,
} from './org.repository.ts';
export {
  contracts,
  GRID_TYPES,
  type GridType,
  households,
  ORG_KINDS,
  type OrgKind,
  orgUnits,
  people,
  posts,
  workTeamMembers,
  workTeams,
} from './org.tables.ts';
export { activeGridHead, findPerson } from './people.repository.ts';
export { ROLE_LABELS } from './people-sheet.ts';
export { maskIdNumber, maskPersonalText, maskPhone } from './personal-data.ts';
export { responsibilityChain } from './responsibility-chain.ts';
export { startPost } from './start-post.ts';
export { updatePerson } from './update-person.ts';
