import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases } from '../cases/index.ts';
import { obligations } from '../obligations/index.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';
import { intakeSources } from './intake.tables.ts';

export type IntakeSourceRow = typeof intakeSources.$inferSelect;
export type IntakeCaseRow = typeof cases.$inferSelect;

/** Sources whose area lies in one of the subtrees (['/']: all), with their area unit. */
export async function listSources(
  db: Db,
  scope: string[],
): Promise<{ source: IntakeSourceRow; area: OrgUnitRow }[]> {
  if (scope.length === 0) return [];
  const inScope: SQL | undefined = scope.includes('/')
    ? undefined
    : or(...scope.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
  return db
    .select({ source: intakeSources, area: orgUnits })
    .from(intakeSources)
    .innerJoin(orgUnits, eq(orgUnits.id, intakeSources.areaUnitId))
    .where(inScope)
    .orderBy(asc(intakeSources.code));
}

export async function findSource(db: Db, id: string, forUpdate = false) {
  const query = db
    .select({ source: intakeSources, area: orgUnits })
    .from(intakeSources)
    .innerJoin(orgUnits, eq(orgUnits.id, intakeSources.areaUnitId))
    .where(eq(intakeSources.id, id));
  const [row] = forUpdate ? await query.for('update', { of: intakeSources }) : await query;
  return row;
}

/** The enabled source holding the key with this hash. */
export async function findSourceByKeyHash(db: Db, keyHash: string): Promise<IntakeSourceRow | undefined> {
  const [row] = await db
    .select()
    .from(intakeSources)
    .where(and(eq(intakeSources.keyHash, keyHash), isNull(intakeSources.disabledAt)));
  return row;
}

export async function insertSource(
  db: Db,
  values: typeof intakeSources.$inferInsert,
): Promise<IntakeSourceRow> {
  const [row] = await db.insert(intakeSources).values(values).returning();
  if (!row) throw new Error('intake source insert returned nothing');
  return row;
}

export async function updateSource(
  db: Db,
  id: string,
  changes: Partial<typeof intakeSources.$inferInsert>,
): Promise<IntakeSourceRow> {
  const [row] = await db.update(intakeSources).set(changes).where(eq(intakeSources.id, id)).returning();
  if (!row) throw new Error('intake source update returned nothing');
  return row;
}

export async function findUnit(db: Db, id: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export async function findUnitByCode(db: Db, code: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return row;
}

/** The unit and its ancestors, root first (from the materialised path). */
export async function ancestorsOf(db: Db, unit: OrgUnitRow): Promise<OrgUnitRow[]> {
  const ids = unit.path.split('/').filter(Boolean);
  const rows = await db.select().from(orgUnits).where(inArray(orgUnits.id, ids));
  return rows.sort((a, b) => a.level - b.level);
}

/** Townships in a subtree (the unit itself included) that have a boundary. */
export async function townshipsUnder(db: Db, path: string): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'township'),
        sql`${orgUnits.path} LIKE ${`${path}%`}`,
        isNotNull(orgUnits.boundary),
      ),
    );
}

/** C5: the case a source handed in under its own reference. */
export async function findCaseBySourceRef(
  db: Db,
  sourceId: string,
  sourceRef: string,
): Promise<IntakeCaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.sourceId, sourceId), eq(cases.sourceRef, sourceRef)));
  return row;
}

/** Names of units by id (lead units, for Open311's agency_responsible). */
export async function unitNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The earliest due time of each case's running duty (Open311's expected_datetime). */
export async function runningDueTimes(db: Db, caseIds: string[]): Promise<Map<string, Date>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({
      caseId: obligations.subjectId,
      dueAt: sql<Date>`min(${obligations.dueAt})`.mapWith(obligations.dueAt),
    })
    .from(obligations)
    .where(
      and(
        eq(obligations.subjectType, 'case'),
        inArray(obligations.subjectId, caseIds),
        eq(obligations.state, 'running'),
      ),
    )
    .groupBy(obligations.subjectId);
  return new Map(rows.map((r) => [r.caseId, r.dueAt]));
}
