import { and, asc, eq, max } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/append-event.ts';
import { findOrgUnit } from '../org/index.ts';
import { rankings } from './assessment.tables.ts';
import { type ComputedRanking, computeRanking, type Subject } from './compute-ranking.ts';
import { assertPublishPeriod, type PeriodKind } from './ranking-period.ts';

export interface RankingAsk {
  db: Db;
  clock: Clock;
  caller: Caller;
  areaUnitId: string;
  subject: Subject;
  period: PeriodKind;
  date: string;
}

/** A1, A2: the live ranking (nothing written); `assessment.read` over the area. */
export async function previewRanking(options: RankingAsk): Promise<ComputedRanking> {
  const area = await findOrgUnit(options.db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.read', area.path);
  return computeRanking(options.db, {
    area,
    subject: options.subject,
    period: options.period,
    date: options.date,
    now: options.clock.now(),
  });
}

/**
 * A1, A2: freezes a ranking — its rows (ranked and apart, rank null) and the settings
 * used, with the level and the area — into a `rankings` row. Never recomputed.
 */
async function freeze(options: RankingAsk, version: number, reason: string | null) {
  const { db } = options;
  const area = await findOrgUnit(db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.manage', area.path);
  assertPublishPeriod(area.kind, options.period);
  const now = options.clock.now();
  const computed = await computeRanking(db, {
    area,
    subject: options.subject,
    period: options.period,
    date: options.date,
    now,
  });
  const actor = eventActor(options.caller);
  const same = and(
    eq(rankings.areaUnitId, area.id),
    eq(rankings.subject, options.subject),
    eq(rankings.periodKind, options.period),
    eq(rankings.periodFrom, computed.periodFrom),
  );
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(rankings.version) })
      .from(rankings)
      .where(same);
    const current = latest?.version ?? 0;
    if (version === 1 && current > 0) {
      throw conflict(
        'ALREADY_PUBLISHED',
        '该排名已发布；如需更正请发布更正版本',
        'This ranking is already published; publish a correction instead',
      );
    }
    const next = version === 1 ? 1 : current + 1;
    const [row] = await tx
      .insert(rankings)
      .values({
        areaUnitId: area.id,
        subject: options.subject,
        periodKind: options.period,
        periodFrom: computed.periodFrom,
        periodTo: computed.periodTo,
        version: next,
        reason,
        rows: [...computed.rows, ...computed.apart] as unknown as Record<string, unknown>[],
        // A2: there is no level column; the level is frozen with the settings used.
        settings: {
          level: computed.level,
          area: computed.area,
          asOf: computed.asOf,
          weights: computed.settings.weights,
          minimumCases: computed.settings.minimumCases,
          pointRules: computed.settings.pointRules,
          settingsId: computed.settings.id,
        },
        publishedBy: actor?.id ?? null,
        publishedAt: now,
      })
      .returning({ id: rankings.id });
    if (!row) throw new Error('ranking insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor,
      subject: { type: 'ranking', id: row.id },
      kind: next === 1 ? 'assessment.ranking_published' : 'assessment.ranking_corrected',
      payload: {
        areaUnitId: area.id,
        subject: options.subject,
        period: computed.period,
        version: next,
        reason,
      },
    });
    return row.id;
  });
}

/** A1, A2: publish version 1; a second publish of the same ranking is 409 ALREADY_PUBLISHED. */
export async function publishRanking(options: RankingAsk) {
  const id = await freeze(options, 1, null);
  return readRanking({ ...options, id });
}

/**
 * A1, A2: a correction recomputes the published ranking `id` and publishes version n+1
 * with the reason; the earlier versions stay. An unknown (unpublished) ranking: 404.
 */
export async function correctRanking(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  id: string;
  reason: string;
}) {
  if (options.reason.trim() === '') {
    throw badRequest('REASON_REQUIRED', '请填写更正理由', 'A reason is required', 'reason');
  }
  const [published] = await options.db.select().from(rankings).where(eq(rankings.id, options.id));
  if (!published) throw notFound('Ranking', '排名', 'id');
  const from = new Date(published.periodFrom.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const id = await freeze(
    {
      ...options,
      areaUnitId: published.areaUnitId,
      subject: published.subject as Subject,
      period: published.periodKind as PeriodKind,
      date: from,
    },
    2,
    options.reason.trim(),
  );
  return readRanking({ ...options, id });
}

type RankingRecord = typeof rankings.$inferSelect;

function present(r: RankingRecord) {
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    id: r.id,
    areaUnitId: r.areaUnitId,
    subject: r.subject,
    period: { kind: r.periodKind, from: day(r.periodFrom), to: day(r.periodTo) },
    version: r.version,
    reason: r.reason,
    rows: r.rows,
    settings: r.settings,
    publishedBy: r.publishedBy,
    publishedAt: r.publishedAt.toISOString(),
  };
}
export type PublishedRanking = ReturnType<typeof present>;

/** A1: one published ranking exactly as frozen; `assessment.read` over its area. */
export async function readRanking(options: {
  db: Db;
  caller: Caller;
  id: string;
}): Promise<PublishedRanking> {
  const [r] = await options.db.select().from(rankings).where(eq(rankings.id, options.id));
  if (!r) throw notFound('Ranking', '排名', 'id');
  const area = await findOrgUnit(options.db, r.areaUnitId);
  requireAccess(options.caller, 'assessment.read', area?.path ?? '/');
  return present(r);
}

/** A1: every version of the rankings of an area (optionally of one subject, period kind and date). */
export async function listRankings(
  options: Omit<RankingAsk, 'subject' | 'period' | 'date'> & {
    subject?: Subject | undefined;
    period?: PeriodKind | undefined;
    periodFrom?: Date | undefined;
  },
): Promise<PublishedRanking[]> {
  const area = await findOrgUnit(options.db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.read', area.path);
  const rows = await options.db
    .select()
    .from(rankings)
    .where(
      and(
        eq(rankings.areaUnitId, area.id),
        options.subject ? eq(rankings.subject, options.subject) : undefined,
        options.period ? eq(rankings.periodKind, options.period) : undefined,
        options.periodFrom ? eq(rankings.periodFrom, options.periodFrom) : undefined,
      ),
    )
    .orderBy(asc(rankings.periodFrom), asc(rankings.subject), asc(rankings.version));
  return rows.map(present);
}
