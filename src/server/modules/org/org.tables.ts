import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Geometry } from 'geojson';
import type { GridType, OrgKind } from '../../../shared/org-rules.ts';

export { GRID_TYPES, type GridType, ORG_KINDS, type OrgKind } from '../../../shared/org-rules.ts';

/**
 * One tree of org units. `path` is the materialised path of ids
 * (`/<root id>/<child id>/…/<own id>/`): a subtree is `path LIKE '<prefix>%'`, served
 * by a text_pattern_ops index on PGlite and PostgreSQL alike.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    /** GB/T 2260 (districts), statistical codes (townships 9, communities 12 digits), grid codes (15). */
    code: text('code').notNull(),
    /** The short name people use: 兴华社区. */
    name: text('name').notNull(),
    /** The official name when it differs: 兴华社区居民委员会. */
    fullName: text('full_name'),
    kind: text('kind').$type<OrgKind>().notNull(),
    /** For grids: village group, residential compound, street block or public unit (G2). */
    gridType: text('grid_type').$type<GridType>(),
    /** For stationed agencies: the district department that sends them (G7). */
    departmentId: uuid('department_id').references((): AnyPgColumn => orgUnits.id),
    /** Depth in the tree; the root is 0. */
    level: integer('level').notNull(),
    path: text('path').notNull(),
    /** GeoJSON Polygon or MultiPolygon (grids; townships for the coverage check), WGS 84. */
    boundary: jsonb('boundary').$type<Geometry>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('org_units_code_uq').on(t.code),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_kind_idx').on(t.kind),
    check('org_units_path_shape', sql`${t.path} LIKE '/%/'`),
  ],
);

/** A person of the platform: staff, volunteers, household representatives. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Mobile number; shown masked (138****8000) unless the reader's role needs it. */
    phone: text('phone'),
    /** Resident ID number; shown masked (110105********0123) unless the reader's role needs it. */
    idNumber: text('id_number'),
    /** The login account, when the person has one. */
    accountId: uuid('account_id'),
    /** The unit the person belongs to (for scope: who may see this person). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('people_account_uq').on(t.accountId),
    uniqueIndex('people_id_number_uq').on(t.idNumber),
    index('people_unit_idx').on(t.unitId),
    index('people_name_idx').on(t.name),
  ],
);

/**
 * A post: a person in a role at a unit from one date to another (定人定岗, G3).
 * The partial unique index keeps a grid to one active grid head, in the database.
 */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** Free text for the post: 第一责任人, 首席民警, 楼院长… */
    title: text('title'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Null while the post is held. */
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('posts_one_grid_head_uq')
      .on(t.unitId)
      .where(sql`${t.role} = 'grid_head' AND ${t.endsOn} IS NULL`),
    index('posts_unit_idx').on(t.unitId, t.role),
    index('posts_person_idx').on(t.personId),
    check('posts_dates', sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** G4 five-level linkage: who contracts (分包) which unit; the contractor is the escalation contact. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The contractor's own unit (city, district, township, community or an enforcement department). */
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The unit contracted. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<'leader' | 'mass_work_team' | 'enforcement'>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('contracts_unit_idx').on(t.unitId), index('contracts_person_idx').on(t.personId)],
);

/** G5: a mass-work team sent by a department and stationed at a township. */
export const workTeams = pgTable('work_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  departmentId: uuid('department_id')
    .notNull()
    .references(() => orgUnits.id),
  townshipId: uuid('township_id')
    .notNull()
    .references(() => orgUnits.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const workTeamMembers = pgTable(
  'work_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => workTeams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    leader: integer('leader').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] })],
);

/** G6: households of a grid, each with its family representative, grouped under a 联户代表. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => orgUnits.id),
    address: text('address').notNull(),
    representativeId: uuid('representative_id').references(() => people.id),
    /** The 联户代表 of the households this one is grouped with. */
    jointRepresentativeId: uuid('joint_representative_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('households_grid_idx').on(t.gridId),
    index('households_joint_idx').on(t.jointRepresentativeId),
  ],
);
