import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit, type OrgUnitRow } from '../org/index.ts';
import { categories } from '../routing/index.ts';
import { CASE_STATES, type CaseState } from './case-flow.ts';
import { closedCasesIn } from './case-reports.repository.ts';
import { caseSpotCheckItems, caseSpotChecks } from './case-work.tables.ts';
import { cases } from './cases.tables.ts';
import { dayStart, parseDay } from './report-period.ts';
import { drawSample, tierOf } from './spot-check-sample.ts';

export interface SpotCheckItemView {
  id: string;
  caseId: string;
  number: string;
  category: string;
  categoryName: string;
  state: string;
  stateType: string;
  slaClass: string | null;
  rounds: number;
  /** SLA class `complex` (C13: checked first). */
  complex: boolean;
  feedback: string | null;
  closedAt: string | null;
  verdict: 'ok' | 'problem' | null;
  comment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface SpotCheckView {
  id: string;
  unit: { id: string; name: string };
  /** The period's first and last day (Asia/Shanghai). */
  from: string;
  to: string;
  sampleSize: number;
  seed: string;
  createdBy: string;
  createdAt: string;
  /** Complex first, then cases handled more than once, then the rest; by number within each. */
  items: SpotCheckItemView[];
}

export interface DrawSpotCheckOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** The unit whose subtree is sampled (as in the C13 summary). */
  unitId: string;
  /** First and last day (YYYY-MM-DD) of the period in which the cases were closed. */
  from: string;
  to: string;
  /** How many cases to draw (1–100); fewer when fewer were closed. */
  size: number;
  /** The draw's seed; a fresh random one when absent. The same seed redraws the same sample. */
  seed?: string | undefined;
}

/** The period's instants: [start of `from`, start of the day after `to`), both days in Shanghai. */
function periodOf(from: string, to: string): { from: Date; to: Date } {
  const first = parseDay(from, 'from');
  const last = parseDay(to, 'to');
  if (last < first)
    throw badRequest('BAD_PERIOD', '结束日期早于开始日期', 'The period ends before it starts', 'to');
  return { from: dayStart(first), to: dayStart(last + 1) };
}

async function scopeUnit(db: Db, actor: Actor, unitId: string, field?: string): Promise<OrgUnitRow> {
  const unit = await findOrgUnit(db, unitId);
  if (!unit) throw notFound('Unit', '单位', field);
  requireAccess(actor, 'case.spotcheck', unit.path);
  return unit;
}

/**
 * C13 不定期抽查: draws a sample of the cases of a unit's subtree closed in a period
 * (states of type `closed`: closed, closed_at_grid, refused, merged), complex ones first
 * (drawSample: seeded mulberry32, reproducible). One transaction: the check, its items
 * and the `case.spot_check_drawn` event. Nothing closed in the period: 409.
 */
export async function drawSpotCheck(options: DrawSpotCheckOptions): Promise<SpotCheckView> {
  const { db, clock, actor } = options;
  const period = periodOf(options.from, options.to);
  const seed = options.seed ?? randomBytes(8).toString('hex');
  return db.transaction(async (tx) => {
    const unit = await scopeUnit(tx, actor, options.unitId, 'unitId');
    const now = clock.now();
    const candidates = await closedCasesIn(tx, unit.path, period.from, period.to, now);
    if (candidates.length === 0) {
      throw conflict(
        'NO_CLOSED_CASES',
        '该期间内没有已办结的案件可抽查',
        'No case was closed in this period',
        'from',
      );
    }
    const sample = drawSample(
      candidates.map((c) => ({ caseId: c.caseId, number: c.number, tier: tierOf(c.slaClass, c.rounds) })),
      options.size,
      seed,
    );
    const [check] = await tx
      .insert(caseSpotChecks)
      .values({
        scopeUnitId: unit.id,
        periodFrom: period.from,
        periodTo: period.to,
        sampleSize: options.size,
        seed,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    if (!check) throw new Error('spot check insert returned nothing');
    await tx
      .insert(caseSpotCheckItems)
      .values(sample.map((s) => ({ spotCheckId: check.id, caseId: s.caseId, complex: s.tier === 0 })));
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'case_spot_check', id: check.id },
      kind: 'case.spot_check_drawn',
      payload: {
        unitId: unit.id,
        from: options.from,
        to: options.to,
        size: options.size,
        seed,
        candidates: candidates.length,
        // The drawn order, complex first: the record of the draw itself.
        caseIds: sample.map((s) => s.caseId),
      },
    });
    return present(tx, check, unit);
  });
}

/** One spot check with its sample; 404 when unknown, 403 outside the caller's scope. */
export async function getSpotCheck(db: Db, actor: Actor, id: string): Promise<SpotCheckView> {
  const [check] = await db.select().from(caseSpotChecks).where(eq(caseSpotChecks.id, id));
  if (!check) throw notFound('Spot check', '抽查');
  const unit = await scopeUnit(db, actor, check.scopeUnitId);
  return present(db, check, unit);
}

export interface ReviewSpotCheckItemOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  spotCheckId: string;
  itemId: string;
  verdict: 'ok' | 'problem';
  /** Required for `problem`: what is wrong with the handling. */
  comment?: string | undefined;
}

/**
 * C13 督办: records the review of one sampled case, once. A `problem` needs a comment
 * (400 COMMENT_REQUIRED, nothing written). One transaction: the item under a row lock
 * and the `case.spot_check_reviewed` event, on the case's own timeline.
 */
export async function reviewSpotCheckItem(options: ReviewSpotCheckItemOptions): Promise<SpotCheckView> {
  const { db, clock, actor } = options;
  const comment = options.comment?.trim() ?? '';
  if (options.verdict === 'problem' && !comment) {
    throw badRequest(
      'COMMENT_REQUIRED',
      '判定有问题时须填写意见',
      'A problem verdict needs a comment',
      'comment',
    );
  }
  return db.transaction(async (tx) => {
    const [check] = await tx.select().from(caseSpotChecks).where(eq(caseSpotChecks.id, options.spotCheckId));
    if (!check) throw notFound('Spot check', '抽查');
    const unit = await scopeUnit(tx, actor, check.scopeUnitId);
    const [item] = await tx
      .select()
      .from(caseSpotCheckItems)
      .where(and(eq(caseSpotCheckItems.id, options.itemId), eq(caseSpotCheckItems.spotCheckId, check.id)))
      .for('update');
    if (!item) throw notFound('Spot check item', '抽查案件', 'itemId');
    if (item.verdict) {
      throw conflict('ALREADY_REVIEWED', '该案件已有抽查结论', 'This item has been reviewed already');
    }
    const now = clock.now();
    await tx
      .update(caseSpotCheckItems)
      .set({ verdict: options.verdict, comment: comment || null, reviewedBy: actor.id, reviewedAt: now })
      .where(eq(caseSpotCheckItems.id, item.id));
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'case', id: item.caseId },
      kind: 'case.spot_check_reviewed',
      payload: {
        spotCheckId: check.id,
        itemId: item.id,
        verdict: options.verdict,
        ...(comment ? { comment } : {}),
      },
    });
    return present(tx, check, unit);
  });
}

async function present(
  db: Db,
  check: typeof caseSpotChecks.$inferSelect,
  unit: OrgUnitRow,
): Promise<SpotCheckView> {
  const items = await db
    .select({ item: caseSpotCheckItems, c: cases, categoryName: categories.nameZh })
    .from(caseSpotCheckItems)
    .innerJoin(cases, eq(cases.id, caseSpotCheckItems.caseId))
    .innerJoin(categories, eq(categories.code, cases.category))
    .where(eq(caseSpotCheckItems.spotCheckId, check.id))
    .orderBy(desc(caseSpotCheckItems.complex), desc(sql`${cases.rounds} > 1`), asc(cases.number));
  return {
    id: check.id,
    unit: { id: unit.id, name: unit.name },
    from: toIsoShanghai(check.periodFrom).slice(0, 10),
    to: toIsoShanghai(new Date(check.periodTo.getTime() - 1)).slice(0, 10),
    sampleSize: check.sampleSize,
    seed: check.seed,
    createdBy: check.createdBy,
    createdAt: toIsoShanghai(check.createdAt),
    items: items.map(({ item, c, categoryName }) => ({
      id: item.id,
      caseId: c.id,
      number: c.number,
      category: c.category,
      categoryName,
      state: c.state,
      stateType: CASE_STATES[c.state as CaseState] ?? 'unknown',
      slaClass: c.slaClass,
      rounds: c.rounds,
      complex: item.complex,
      feedback: c.feedback,
      closedAt: toIsoOrNull(c.feedbackAt),
      verdict: item.verdict,
      comment: item.comment,
      reviewedBy: item.reviewedBy,
      reviewedAt: toIsoOrNull(item.reviewedAt),
    })),
  };
}
