import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { parseStart } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { extendObligation } from '../obligations/index.ts';
import { nextActorUnit } from './case-duties.ts';
import { applyDutyEffects } from './case-duty-effects.ts';
import {
  CASE_FLOW,
  type CaseAction,
  type CaseState,
  type CaseTransition,
  planTransition,
} from './case-flow.ts';
import { canSeeCase, rolesOnCase } from './case-scope.ts';
import { planStep } from './case-steps.ts';
import { type CaseView, presentCase } from './case-view.ts';
import { findCase, owedObligations } from './cases.repository.ts';
import { cases, type SlaClass } from './cases.tables.ts';
import { resolveCaseUnits } from './resolve-case-units.ts';

export interface CaseActionInput {
  reason?: string | undefined;
  feedback?: string | undefined;
  leadUnitId?: string | undefined;
  slaClass?: SlaClass | undefined;
  note?: string | undefined;
  /** approve_extension: the new finish time (ISO 8601 with offset) the centre grants (C10). */
  dueAt?: string | undefined;
  /** Photos uploaded first (POST /api/files): required on arrival (C9), welcome on finish. */
  photoIds?: string[] | undefined;
  /** Position on site (C9 arrival). */
  lat?: number | undefined;
  lng?: number | undefined;
  /** finish / fix_on_spot: what was done. */
  result?: string | undefined;
  /** dispatch: cooperating units, each with its own task and clocks. */
  cooperatingUnitIds?: string[] | undefined;
  /** dispatch (C16): joint enforcement led by the township with stationed agencies. */
  jointEnforcement?: boolean | undefined;
  /** merge: the case this one duplicates. */
  mergeIntoId?: string | undefined;
  /** finish while cooperating tasks are open: why the lead unit does not wait. */
  pendingReason?: string | undefined;
}

export interface ApplyCaseActionOptions {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  caseId: string;
  action: CaseAction;
  /** The version the caller read (If-Match). */
  expectedVersion: number;
  input: CaseActionInput;
  defaultWarnRatio: number;
}

/**
 * The one way a case moves (every action of CASE_FLOW): lock the case, check that the
 * caller sees it (else 404), the version (412), the state table (409 with the allowed
 * actions, 403 for a wrong role), the step's reason and feedback (C12); then apply the
 * table's obligation effects, write the change and one event, and tell the next unit.
 */
export async function applyCaseAction(options: ApplyCaseActionOptions): Promise<CaseView> {
  const { db, clock, actor, input } = options;
  return db.transaction(async (tx) => {
    const row = await findCase(tx, options.caseId, true);
    if (!row) throw notFound('Case', '案件');
    const units = await resolveCaseUnits(tx, row);
    if (!canSeeCase(actor, row, units)) throw notFound('Case', '案件');
    if (row.version !== options.expectedVersion) {
      throw new AppError({
        status: 412,
        code: 'VERSION_CONFLICT',
        zh: `案件已被他人修改（当前版本 ${row.version}），请刷新后重试`,
        en: `The case changed meanwhile (now version ${row.version}); reload and retry`,
      });
    }
    const planned = planTransition(row.state as CaseState, options.action, rolesOnCase(actor, units));
    if (!planned.ok && planned.reason === 'state') {
      throw conflict(
        'CASE_STATE',
        `案件当前状态（${row.state}）不能执行该操作；可执行：${planned.allowed.join('、') || '无'}`,
        `Not allowed in state ${row.state}; allowed: ${planned.allowed.join(', ') || 'none'}`,
      );
    }
    if (!planned.ok)
      throw forbidden('CASE_ROLE', '您的角色不能执行该操作', 'Your role may not take this step');
    const rule: CaseTransition = CASE_FLOW[options.action];
    const reason = input.reason?.trim() ?? '';
    const feedback = input.feedback?.trim() ?? '';
    if (rule.reason && !reason) throw badRequest('REASON_REQUIRED', '请填写理由', 'Give a reason', 'reason');
    if (rule.feedback && !feedback) {
      throw badRequest(
        'FEEDBACK_REQUIRED',
        '结案须向呼叫人反馈结果（件件有回音）',
        'Closing needs feedback to the raiser (C12)',
        'feedback',
      );
    }

    const now = clock.now();
    const to = planned.plan.to;
    const step = await planStep({ db: tx, options, row, units, rule, now });
    const change = step.change;
    if (rule.feedback) Object.assign(change, { feedback, feedbackAt: now });

    const [updated] = await tx
      .update(cases)
      .set({ ...change, state: to, version: row.version + 1, updatedAt: now })
      .where(eq(cases.id, row.id))
      .returning();
    if (!updated) throw new Error('case update returned nothing');
    const newUnits = await resolveCaseUnits(tx, updated);
    for (const work of step.after) await work(updated);
    if (options.action === 'approve_extension') {
      await extendFinishDuty(tx, options, row.id, reason || '延期申请已批准');
    }

    await applyDutyEffects({
      db: tx,
      clock,
      calendar: options.calendar,
      caseId: row.id,
      state: to,
      units: newUnits,
      slaClass: updated.slaClass,
      effects: rule,
      reason: reason || options.action,
      defaultWarnRatio: options.defaultWarnRatio,
    });
    const payload = {
      action: options.action,
      from: row.state,
      to,
      version: updated.version,
      ...(reason ? { reason } : {}),
      ...(feedback ? { feedback } : {}),
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      ...step.payload,
      ...(change.level ? { level: change.level, areaUnitId: change.areaUnitId } : {}),
      ...(options.action === 'rate_unsatisfied' ? { rounds: updated.rounds } : {}),
      ...(options.action === 'approve_extension' ? { dueAt: input.dueAt } : {}),
    };
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'case', id: row.id },
      kind: `case.${options.action}`,
      payload,
    });
    const subject = { type: 'case', id: row.id };
    const unitId = nextActorUnit(to, newUnits);
    if (unitId) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind: `case.${options.action}`,
        subject,
        title: { zh: `案件 ${row.number} 待办理`, en: `Case ${row.number} needs you` },
        data: { number: row.number, state: to },
      });
    }
    if (rule.feedback) {
      // C12: whoever raised it hears the answer; a source system (C5) reads it from the
      // case (status notes), and the grid where it happened hears it too.
      await notify({
        db: tx,
        at: now,
        to: row.raisedBy ? { accountId: row.raisedBy } : { unitId: newUnits.place.id },
        kind: 'case.feedback',
        subject,
        title: { zh: `您的呼叫 ${row.number} 已有答复`, en: `Your call ${row.number} has an answer` },
        data: { number: row.number, state: to, feedback },
      });
    }
    return presentCase(updated);
  });
}

/**
 * C10: the centre approves an extension with a new finish time; the lead unit's finish
 * duty moves to it (a breach already recorded stays, and an earlier time is refused by
 * the obligations module). The approver is recorded on the case event.
 */
async function extendFinishDuty(
  db: Db,
  options: ApplyCaseActionOptions,
  caseId: string,
  reason: string,
): Promise<void> {
  if (!options.input.dueAt) {
    throw badRequest('DUE_AT_REQUIRED', '请给出延期后的办结时限', 'Give the new finish time', 'dueAt');
  }
  const dueAt = parseStart(options.input.dueAt);
  const [finish] = await owedObligations(db, caseId, ['C10']);
  if (!finish)
    throw conflict('NO_FINISH_DUTY', '该案件没有进行中的办结时限', 'The case has no running finish duty');
  await extendObligation({
    db,
    clock: options.clock,
    caller: 'system',
    obligationId: finish.id,
    calendar: options.calendar,
    dueAt,
    reason,
  });
}
