import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnits } from './org.tables.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export async function findOrgUnit(db: Db, id: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export async function findOrgUnitByCode(db: Db, code: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return row;
}

/** Units inside any of the subtrees (path prefixes); ['/'] means all. Ordered as a tree walk. */
export async function listOrgUnitsInScope(db: Db, prefixes: string[]): Promise<OrgUnitRow[]> {
  if (prefixes.length === 0) return [];
  const where = prefixes.includes('/')
    ? undefined
    : or(...prefixes.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
  return db.select().from(orgUnits).where(where).orderBy(asc(orgUnits.level), asc(orgUnits.code));
}

export async function rootOrgUnit(db: Db): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.level, 0))
    .orderBy(asc(orgUnits.createdAt))
    .limit(1);
  return row;
}

/** Units in scope matching a search (name or code), a kind and/or a parent. */
export async function searchOrgUnits(
  db: Db,
  query: {
    scope: string[];
    q?: string | undefined;
    kind?: string | undefined;
    parentId?: string | undefined;
    limit: number;
  },
): Promise<OrgUnitRow[]> {
  if (query.scope.length === 0) return [];
  const scope = query.scope.includes('/')
    ? undefined
    : or(...query.scope.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        scope,
        query.q ? or(ilike(orgUnits.name, `%${query.q}%`), ilike(orgUnits.code, `${query.q}%`)) : undefined,
        query.kind ? eq(orgUnits.kind, query.kind as OrgUnitRow['kind']) : undefined,
        query.parentId ? eq(orgUnits.parentId, query.parentId) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.level), asc(orgUnits.code))
    .limit(query.limit);
}
