import { and, between, eq, gte, lte, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CaseRow } from './cases.repository.ts';
import { cases } from './cases.tables.ts';

/** C7: a duplicate is the same category within 100 m and 72 h. */
export const DUPLICATE_METRES = 100;
export const DUPLICATE_HOURS = 72;

/** Great-circle distance in metres (haversine on a 6 371 km sphere). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * C7: cases that may repeat this one — same category, raised within 72 h of it, placed
 * within 100 m, not merged away, nearest first. A bounding box narrows the search on the
 * category/time index; the exact distance is computed here.
 */
export async function findDuplicates(db: Db, row: CaseRow): Promise<{ row: CaseRow; metres: number }[]> {
  if (row.lat === null || row.lng === null) return [];
  const dLat = DUPLICATE_METRES / 111_000;
  const dLng = DUPLICATE_METRES / (111_000 * Math.max(0.1, Math.cos((row.lat * Math.PI) / 180)));
  const window = DUPLICATE_HOURS * 3_600_000;
  const near = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.category, row.category),
        ne(cases.id, row.id),
        notInArray(cases.state, ['merged']),
        gte(cases.createdAt, new Date(row.createdAt.getTime() - window)),
        lte(cases.createdAt, new Date(row.createdAt.getTime() + window)),
        between(cases.lat, row.lat - dLat, row.lat + dLat),
        between(cases.lng, row.lng - dLng, row.lng + dLng),
      ),
    )
    .limit(50);
  const origin = { lat: row.lat, lng: row.lng };
  return near
    .map((c) => ({ row: c, metres: distanceMetres(origin, { lat: c.lat as number, lng: c.lng as number }) }))
    .filter((c) => c.metres <= DUPLICATE_METRES)
    .sort((a, b) => a.metres - b.metres);
}
