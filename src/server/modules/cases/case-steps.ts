import { and, eq, isNull } from 'drizzle-orm';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { attachFiles, type FilePurpose } from '../files/index.ts';
import { requireCaseCategory, suggestFor } from '../routing/index.ts';
import type { ApplyCaseActionOptions, CaseActionInput } from './apply-case-action.ts';
import { CASE_STATES, type CaseAction, type CaseTransition } from './case-flow.ts';
import type { CaseUnits } from './case-scope.ts';
import { cancelTasks, createTasks, unfinishedTasks } from './case-tasks.ts';
import { caseReturns } from './case-work.tables.ts';
import { ancestorsOfPath, type CaseRow, centreOf, findCase, unitsById } from './cases.repository.ts';
import type { CaseLevel } from './cases.tables.ts';
import { resolveCaseUnits } from './resolve-case-units.ts';

/** Units that may lead the handling of a case (C7; the routing catalogue will suggest one). */
const LEAD_KINDS = ['department', 'enterprise', 'agency', 'township', 'office'];

/** C15: the level above, and the kind of division whose centre holds it. */
const LEVEL_UP: Record<CaseLevel, { level: CaseLevel; kind: string } | null> = {
  township: { level: 'district', kind: 'district' },
  district: { level: 'city', kind: 'city' },
  city: null,
};

export interface StepContext {
  db: Db;
  options: ApplyCaseActionOptions;
  row: CaseRow;
  units: CaseUnits;
  rule: CaseTransition;
  now: Date;
}

export interface StepPlan {
  /** Columns the step changes on the case (besides state and version). */
  change: Partial<CaseRow>;
  /** What the event records beyond action, from, to and version. */
  payload: Record<string, unknown>;
  /** Work after the case row is updated (tasks, returns, photos), in the same transaction. */
  after: ((updated: CaseRow) => Promise<void>)[];
}

/**
 * What one step does beyond the state table: the dispatch's lead and cooperating units,
 * the escalation's level, the merge target, return accounting, photos and positions.
 * Every check here runs before anything is written.
 */
export async function planStep(ctx: StepContext): Promise<StepPlan> {
  const { options, row, rule } = ctx;
  const input = options.input;
  const plan: StepPlan = { change: {}, payload: {}, after: [] };
  const action: CaseAction = options.action;
  if (rule.result && !input.result?.trim())
    throw badRequest('RESULT_REQUIRED', '请填写办理结果', 'Give the result of the handling', 'result');
  if (input.result?.trim()) plan.payload.result = input.result.trim();
  if (rule.photoAndPosition) requirePhotoAndPosition(input);
  if (input.lat !== undefined && input.lng !== undefined)
    Object.assign(plan.payload, { lat: input.lat, lng: input.lng });

  if (action === 'dispatch') await planDispatch(ctx, plan);
  if (action === 'refuse_return') plan.after.push(() => decideReturn(ctx, 'refused'));
  // A returned case sent to the consultation: the centre agrees the unit was wrong (R1).
  if (action === 'mark_unclear' && row.state === 'returned')
    plan.after.push(() => decideReturn(ctx, 'agreed'));
  if (action === 'escalate')
    Object.assign(plan.change, await escalateChange(ctx.db, row, ctx.units.area.path));
  if (action === 'merge') await planMerge(ctx, plan);
  if (action === 'return_case') {
    // C7: the return is recorded; whom it counts against is decided by the centre.
    const unitId = row.leadUnitId as string;
    plan.after.push(async () => {
      await ctx.db.insert(caseReturns).values({
        caseId: row.id,
        unitId,
        reason: input.reason?.trim() ?? '',
        // R1: a return after a dispatch that followed a rule counts against that rule once agreed.
        routingRuleId: row.followedSuggestion ? row.routingRuleId : null,
        returnedAt: ctx.now,
      });
    });
  }
  if (action === 'finish') await planFinishWait(ctx, plan);
  if (action === 'fix_on_spot' && ctx.units.lead?.kind !== 'agency') {
    throw conflict(
      'NOT_AN_AGENCY',
      '只有派驻机构可以现场办结任务单',
      'Only a stationed agency fixes a task order on the spot',
    );
  }
  if (action === 'rate_unsatisfied')
    Object.assign(plan.change, { rounds: row.rounds + 1, rating: 'unsatisfied' });
  if (action === 'rate_satisfied') plan.change.rating = 'satisfied';
  // Leaving the department's hands (closed, refused, merged, returned) ends the open tasks.
  if (rule.cancels === 'all' || action === 'return_case' || CASE_STATES[rule.to] === 'closed') {
    plan.after.push(() => cancelTasks({ db: ctx.db, clock: options.clock, caseId: row.id, reason: action }));
  }
  if (input.photoIds?.length) {
    const purpose: FilePurpose =
      action === 'arrive'
        ? 'arrival'
        : action === 'finish' || action === 'fix_on_spot'
          ? 'finish'
          : 'progress';
    plan.payload.photoIds = input.photoIds;
    plan.after.push(async () => {
      await attachFiles({
        db: ctx.db,
        fileIds: input.photoIds ?? [],
        uploadedBy: options.actor.id,
        subject: { type: 'case', id: row.id },
        purpose,
        at: ctx.now,
      });
    });
  }
  return plan;
}

/** C9: arrival on site is proven by a position and at least one photo. */
function requirePhotoAndPosition(input: CaseActionInput): void {
  if (input.lat === undefined || input.lng === undefined) {
    throw badRequest(
      'POSITION_REQUIRED',
      '到场须上报现场位置',
      'Arrival needs the position on site',
      input.lat === undefined ? 'lat' : 'lng',
    );
  }
  if (!input.photoIds?.length) {
    throw badRequest('PHOTO_REQUIRED', '到场须上传现场照片', 'Arrival needs a photo on site', 'photoIds');
  }
}

async function planDispatch(ctx: StepContext, plan: StepPlan): Promise<void> {
  const { db, row, options } = ctx;
  const input = options.input;
  if (!input.leadUnitId)
    throw badRequest('LEAD_UNIT_REQUIRED', '请选择牵头承办单位', 'Choose the lead unit', 'leadUnitId');
  // C9/C10: the category's SLA class unless the dispatcher sets another.
  const slaClass = input.slaClass ?? (await requireCaseCategory(db, row.category)).slaClass;
  const cooperating = [...new Set(input.cooperatingUnitIds ?? [])];
  const byId = await unitsById(db, [input.leadUnitId, ...cooperating]);
  const lead = byId.get(input.leadUnitId);
  if (!lead || !LEAD_KINDS.includes(lead.kind)) {
    throw badRequest(
      'BAD_LEAD_UNIT',
      '牵头单位须为部门、企业、派驻机构、乡镇（街道）或办公室',
      'The lead unit must be a department, enterprise, agency, township or office',
      'leadUnitId',
    );
  }
  for (const [i, id] of cooperating.entries()) {
    const unit = byId.get(id);
    if (!unit || id === lead.id || !LEAD_KINDS.includes(unit.kind)) {
      throw badRequest(
        'BAD_COOPERATING_UNIT',
        '配合单位不存在、不能承办或与牵头单位相同',
        'A cooperating unit does not exist, cannot handle cases, or is the lead unit',
        `cooperatingUnitIds.${i}`,
      );
    }
  }
  // C16: joint enforcement is led by the township (or its office) with stationed agencies.
  if (input.jointEnforcement) {
    const agencies = cooperating.every((id) => byId.get(id)?.kind === 'agency');
    if (
      row.level !== 'township' ||
      !['township', 'office'].includes(lead.kind) ||
      cooperating.length === 0 ||
      !agencies
    ) {
      throw badRequest(
        'BAD_JOINT_ENFORCEMENT',
        '联合执法须由乡镇（街道）或其办公室牵头、派驻机构配合',
        'Joint enforcement is led by the township or its office with stationed agencies',
        'jointEnforcement',
      );
    }
  }
  Object.assign(plan.change, {
    leadUnitId: lead.id,
    slaClass,
    jointEnforcement: input.jointEnforcement ?? false,
  });
  Object.assign(plan.payload, {
    leadUnitId: lead.id,
    slaClass,
    cooperatingUnitIds: cooperating,
    ...(input.jointEnforcement ? { jointEnforcement: true } : {}),
  });
  if (lead.kind === 'agency' && row.level === 'township') plan.payload.taskOrder = true; // C16 任务单
  // R1, C7: what the responsibility catalogue suggested, and whether the centre followed it.
  const suggestion = await suggestFor(db, row.category, ctx.units.place, ctx.now);
  const suggested = suggestion.status === 'rule' || suggestion.status === 'fallback' ? suggestion.rule : null;
  const followed = suggested ? suggested.leadUnitId === lead.id : null;
  Object.assign(plan.change, { routingRuleId: suggested?.id ?? null, followedSuggestion: followed });
  Object.assign(plan.payload, {
    suggestion: suggestion.status,
    ...(suggested ? { suggestedRuleId: suggested.id, followedSuggestion: followed } : {}),
  });
  if (row.state === 'returned') {
    plan.payload.returnDecision = 'agreed';
    plan.after.push(() => decideReturn(ctx, 'agreed'));
  }
  plan.after.push(async (updated) => {
    await createTasks({
      db,
      clock: options.clock,
      calendar: options.calendar,
      caseId: row.id,
      round: updated.rounds,
      unitIds: cooperating,
      defaultWarnRatio: options.defaultWarnRatio,
    });
  });
}

/** C7: the centre agrees with a return (it counts against the routing) or refuses it (against the department). */
async function decideReturn(ctx: StepContext, decision: 'agreed' | 'refused'): Promise<void> {
  await ctx.db
    .update(caseReturns)
    .set({ decision, countsAgainst: decision === 'agreed' ? 'routing' : 'department', decidedAt: ctx.now })
    .where(and(eq(caseReturns.caseId, ctx.row.id), isNull(caseReturns.decision)));
}

async function planMerge(ctx: StepContext, plan: StepPlan): Promise<void> {
  const targetId = ctx.options.input.mergeIntoId;
  if (!targetId)
    throw badRequest(
      'MERGE_TARGET_REQUIRED',
      '请选择要合并到的案件',
      'Choose the case to merge into',
      'mergeIntoId',
    );
  const target = targetId === ctx.row.id ? undefined : await findCase(ctx.db, targetId);
  const targetUnits = target ? await resolveCaseUnits(ctx.db, target) : null;
  // Only a live case of the same centre's area can take a duplicate.
  if (
    !target ||
    !targetUnits ||
    target.state === 'merged' ||
    !targetUnits.area.path.startsWith(ctx.units.area.path)
  ) {
    throw badRequest(
      'BAD_MERGE_TARGET',
      '合并目标不存在、已被合并或不在本中心范围',
      'The merge target does not exist, is merged itself, or lies outside this centre',
      'mergeIntoId',
    );
  }
  plan.change.mergedIntoId = target.id;
  Object.assign(plan.payload, { mergeIntoId: target.id, mergeIntoNumber: target.number });
}

/** The lead unit's finish waits for its cooperating units, or records why not (pendingReason). */
async function planFinishWait(ctx: StepContext, plan: StepPlan): Promise<void> {
  const open = await unfinishedTasks(ctx.db, ctx.row.id, ctx.row.rounds);
  if (open.length === 0) return;
  const why = ctx.options.input.pendingReason?.trim();
  if (!why) {
    throw conflict(
      'TASKS_OPEN',
      `还有 ${open.length} 个配合单位未完成，请等待或说明原因`,
      `${open.length} cooperating unit(s) have not finished; wait or give the reason`,
    );
  }
  Object.assign(plan.payload, { pendingReason: why, pendingTaskIds: open.map((t) => t.id) });
}

/** C15/C16: township → district → city; the centre of the level above takes the case. */
async function escalateChange(db: Db, row: CaseRow, areaPath: string): Promise<Partial<CaseRow>> {
  const up = LEVEL_UP[row.level];
  const above = up ? (await ancestorsOfPath(db, areaPath)).find((u) => u.kind === up.kind) : undefined;
  if (!up || !above) {
    throw conflict('CANNOT_ESCALATE', '已是最高层级，不能再上报', 'The case is at the top level already');
  }
  const centre = await centreOf(db, above.id);
  return { level: up.level, areaUnitId: above.id, centreUnitId: centre?.id ?? null };
}
