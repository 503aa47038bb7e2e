import { asc, eq, or, sql } from 'drizzle-orm';
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
