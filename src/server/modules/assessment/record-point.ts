import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/append-event.ts';
import { findOrgUnit } from '../org/index.ts';
import { assessmentPoints } from './assessment.tables.ts';

export interface RecordPointOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  unitId: string;
  occurredAt: Date;
  points: number;
  ruleId: string;
  reason: string;
  approvedBy: string;
  corrects?: string | undefined;
}

/** The roles whose holder may approve a manual point entry over the unit (A2). */
export const APPROVER_ROLES = ['leader', 'supervision_officer'];

/**
 * A2: a manual plus or minus point entry, with the rule ID, a reason and an approver who
 * holds leader or supervision_officer over the unit and is not the caller. Never edited:
 * a correction is a new entry naming the one it corrects (its points are added to the
 * unit's like any entry's, so a correction that cancels carries the opposite points).
 */
export async function recordPoint(options: RecordPointOptions): Promise<{ id: string }> {
  const { db } = options;
  const unit = await findOrgUnit(db, options.unitId);
  if (!unit) throw notFound('Unit', '单位', 'unitId');
  requireAccess(options.caller, 'assessment.manage', unit.path);
  if (options.points === 0 || Math.abs(options.points) > 100) {
    throw badRequest(
      'BAD_POINTS',
      '分值须非零且绝对值不超过 100',
      'Points must be non-zero and at most 100 either way',
      'points',
    );
  }
  if (options.reason.trim() === '') {
    throw badRequest('REASON_REQUIRED', '请填写加减分理由', 'A reason is required', 'reason');
  }
  const actor = eventActor(options.caller);
  if (actor && actor.id === options.approvedBy) {
    throw badRequest(
      'BAD_APPROVER',
      '审批人不能是录入人本人',
      'The approver cannot be the one entering the points',
      'approvedBy',
    );
  }
  const approver = (await db.execute(
    sql`SELECT 1 FROM role_grants g JOIN org_units a ON a.id = g.org_unit_id
        WHERE g.account_id = ${options.approvedBy}
          AND g.role IN (${sql.join(
            APPROVER_ROLES.map((r) => sql`${r}`),
            sql`, `,
          )})
          AND ${unit.path} LIKE a.path || '%' LIMIT 1`,
  )) as unknown as { rows: unknown[] };
  if (approver.rows.length === 0) {
    throw badRequest(
      'BAD_APPROVER',
      '审批人须为该单位的上级领导或督查人员',
      'The approver must hold leader or supervision_officer over the unit',
      'approvedBy',
    );
  }
  if (options.corrects) {
    const [corrected] = await db
      .select({ id: assessmentPoints.id })
      .from(assessmentPoints)
      .where(and(eq(assessmentPoints.id, options.corrects), eq(assessmentPoints.unitId, unit.id)));
    if (!corrected) throw notFound('Corrected entry', '被更正的加减分记录', 'corrects');
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessmentPoints)
      .values({
        unitId: unit.id,
        occurredAt: options.occurredAt,
        points: options.points,
        ruleId: options.ruleId,
        reason: options.reason.trim(),
        corrects: options.corrects ?? null,
        approvedBy: options.approvedBy,
        createdBy: actor?.id ?? null,
        createdAt: now,
      })
      .returning({ id: assessmentPoints.id });
    if (!row) throw new Error('point insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor,
      subject: { type: 'assessment_point', id: row.id },
      kind: 'assessment.point_recorded',
      payload: {
        unitId: unit.id,
        points: options.points,
        ruleId: options.ruleId,
        reason: options.reason.trim(),
        approvedBy: options.approvedBy,
        corrects: options.corrects ?? null,
      },
    });
    return { id: row.id };
  });
}
