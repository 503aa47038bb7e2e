import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnits } from './org.tables.ts';

/** The grids under a township (or any unit), by path. */
export async function gridsOfTownship(db: Db, path: string) {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'grid'), sql`${orgUnits.path} LIKE ${`${path}%`}`))
    .orderBy(asc(orgUnits.code));
}

/** A unit and its ancestors, root first: for "which community, township, district". */
export async function ancestorsOf(db: Db, path: string) {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const rows = await db.select().from(orgUnits).where(inArray(orgUnits.id, ids));
  return rows.sort((a, b) => a.level - b.level);
}
