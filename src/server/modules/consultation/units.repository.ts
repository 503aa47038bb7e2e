import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';

export async function unitsOfIds(db: Db, ids: string[]): Promise<Map<string, OrgUnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
