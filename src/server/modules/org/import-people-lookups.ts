import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnits, people, posts } from './org.tables.ts';

/**
 * What the people import reads before it plans: the units, people, posts and grid heads
 * the sheet names, in chunks (one IN list each).
 */

export type UnitRow = Pick<typeof orgUnits.$inferSelect, 'id' | 'code' | 'name' | 'kind' | 'path'>;
export type ExistingPerson = Pick<
  typeof people.$inferSelect,
  'id' | 'name' | 'phone' | 'idNumber' | 'unitId'
> & {
  path: string;
};

/** Keeps each IN list well below the 65 535 parameters one statement may carry. */
const CHUNK = 1000;
export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function unitsByCode(db: Db, codes: string[]): Promise<Map<string, UnitRow>> {
  const found = new Map<string, UnitRow>();
  for (const part of chunks(codes)) {
    const rows = await db
      .select({
        id: orgUnits.id,
        code: orgUnits.code,
        name: orgUnits.name,
        kind: orgUnits.kind,
        path: orgUnits.path,
      })
      .from(orgUnits)
      .where(inArray(orgUnits.code, part));
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

export async function peopleByIdNumber(db: Db, idNumbers: string[]): Promise<Map<string, ExistingPerson>> {
  const found = new Map<string, ExistingPerson>();
  for (const part of chunks(idNumbers)) {
    const rows = await db
      .select({
        id: people.id,
        name: people.name,
        phone: people.phone,
        idNumber: people.idNumber,
        unitId: people.unitId,
        path: orgUnits.path,
      })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(inArray(people.idNumber, part));
    for (const row of rows) if (row.idNumber) found.set(row.idNumber, row);
  }
  return found;
}

/** `personId role unitId` of every active post of these people. */
export async function activePostKeys(db: Db, personIds: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const part of chunks(personIds)) {
    const rows = await db
      .select({ personId: posts.personId, role: posts.role, unitId: posts.unitId })
      .from(posts)
      .where(and(inArray(posts.personId, part), isNull(posts.endsOn)));
    for (const row of rows) keys.add(`${row.personId} ${row.role} ${row.unitId}`);
  }
  return keys;
}

/** The active grid head of each of these grids. */
export async function activeGridHeads(db: Db, gridIds: string[]) {
  const heads = new Map<string, { personId: string; name: string }>();
  for (const part of chunks(gridIds)) {
    const rows = await db
      .select({ unitId: posts.unitId, personId: posts.personId, name: people.name })
      .from(posts)
      .innerJoin(people, eq(people.id, posts.personId))
      .where(and(inArray(posts.unitId, part), eq(posts.role, 'grid_head'), isNull(posts.endsOn)));
    for (const row of rows) heads.set(row.unitId, { personId: row.personId, name: row.name });
  }
  return heads;
}
