import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rankings } from './assessment.tables.ts';

/** A5: a calendar month 'YYYY-MM' in China time as [from, to), and the month before. */
export function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const at = (year: number, mon: number) => {
    const yy = mon === 0 ? year - 1 : mon === 13 ? year + 1 : year;
    const mm = mon === 0 ? 12 : mon === 13 ? 1 : mon;
    return new Date(`${yy}-${String(mm).padStart(2, '0')}-01T00:00:00+08:00`);
  };
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return { from: at(y, m), to: at(y, m + 1), previous };
}

/**
 * A5: a stable UUID naming a derivation (what, area, month), as the source of alerts that
 * come from a month rather than a row, so deriving again hits the unique index.
 */
export function derivationId(what: string, areaUnitId: string, month: string): string {
  const h = createHash('sha1').update(`${what}:${areaUnitId}:${month}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** A5: the newest version of the published monthly ranking of an area, subject and month. */
export async function publishedMonthRanking(db: Db, areaUnitId: string, subject: string, month: string) {
  const [row] = await db
    .select()
    .from(rankings)
    .where(
      and(
        eq(rankings.areaUnitId, areaUnitId),
        eq(rankings.subject, subject),
        eq(rankings.periodKind, 'month'),
        eq(rankings.periodFrom, monthRange(month).from),
      ),
    )
    .orderBy(desc(rankings.version))
    .limit(1);
  return row;
}
