import { and, eq, gt } from 'drizzle-orm';
import { conflict, notFound } from '../../core/errors.ts';
import { requireAccess } from '../auth/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { type AlertBase, insertAlerts, listAlertsOfSource, type NewAlert, presentAlert } from './alerts.ts';
import { rankings } from './assessment.tables.ts';

/** How many units lead and trail a ranking (A3 commendation and warning, A5 interviews). */
export const LIST_SIZE = 3;

interface FrozenRow {
  unitId: string;
  name: string;
  score: number | null;
  rank: number | null;
}

/**
 * A3, A5: the leading and trailing units of a frozen ranking. Only ranked rows count
 * (rank not null; units listed apart are neither). Leading: rank ≤ 3 (ties share a rank,
 * so a tie may lengthen the list). Trailing: fewer than 3 ranked units score strictly
 * lower. A unit is never in both: with fewer than six ranked units the leading list is
 * taken first and the trailing one from the rest.
 */
export function leadingAndTrailing(rows: readonly Record<string, unknown>[]) {
  const ranked = (rows as unknown as FrozenRow[]).filter((r) => r.rank !== null);
  const leading = ranked.filter((r) => (r.rank as number) <= LIST_SIZE);
  const lead = new Set(leading.map((r) => r.unitId));
  const trailing = ranked.filter(
    (r) => !lead.has(r.unitId) && ranked.filter((o) => (o.score ?? 0) < (r.score ?? 0)).length < LIST_SIZE,
  );
  return { leading, trailing, ranked: ranked.length };
}

/**
 * A3: the commendation list (leading units) and the warning list (trailing units) of a
 * published ranking, derived idempotently — a second call inserts nothing. Only the
 * newest version of a ranking is a source: a superseded version is 409 SUPERSEDED.
 */
export async function deriveRankingAlerts(options: AlertBase & { id: string }) {
  const { db } = options;
  const [ranking] = await db.select().from(rankings).where(eq(rankings.id, options.id));
  if (!ranking) throw notFound('Ranking', '排名', 'id');
  const area = await findOrgUnit(db, ranking.areaUnitId);
  requireAccess(options.caller, 'assessment.manage', area?.path ?? '/');
  const [newer] = await db
    .select({ id: rankings.id })
    .from(rankings)
    .where(
      and(
        eq(rankings.areaUnitId, ranking.areaUnitId),
        eq(rankings.subject, ranking.subject),
        eq(rankings.periodKind, ranking.periodKind),
        eq(rankings.periodFrom, ranking.periodFrom),
        gt(rankings.version, ranking.version),
      ),
    );
  if (newer) {
    throw conflict('SUPERSEDED', '该排名已有更正版本', 'A corrected version of this ranking exists', 'id');
  }
  const { leading, trailing, ranked } = leadingAndTrailing(ranking.rows);
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const period = { kind: ranking.periodKind, from: day(ranking.periodFrom), to: day(ranking.periodTo) };
  const alert = (kind: 'commendation' | 'warning', row: FrozenRow): NewAlert => ({
    kind,
    unitId: row.unitId,
    reason:
      kind === 'commendation'
        ? `排名第${row.rank}位，予以通报表扬`
        : `排名第${row.rank}位，予以通报批评、预警`,
    ruleId: 'A3',
    sourceType: 'ranking',
    sourceId: ranking.id,
    details: {
      subject: ranking.subject,
      period,
      version: ranking.version,
      unitName: row.name,
      rank: row.rank,
      score: row.score,
      ranked,
    },
  });
  await insertAlerts(options, [
    ...leading.map((r) => alert('commendation', r)),
    ...trailing.map((r) => alert('warning', r)),
  ]);
  return (await listAlertsOfSource(db, 'ranking', ranking.id)).map(presentAlert);
}
