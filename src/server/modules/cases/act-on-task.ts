import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { attachFiles } from '../files/index.ts';
import { meetObligation } from '../obligations/index.ts';
import { HANDLING_STATES, lockVisibleCase } from './case-guard.ts';
import { cooperatingRoles } from './case-scope.ts';
import { type CaseTaskRow, openTaskDuty, owedTaskObligations } from './case-tasks.ts';
import { caseTasks } from './case-work.tables.ts';

/**
 * A cooperating unit signs its task (C8, its own clock) or finishes it with a result
 * (C10, its own clock opened at signing). The lead unit hears when a task is done.
 */
export async function actOnTask(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  caseId: string;
  taskId: string;
  action: 'sign' | 'finish';
  result?: string | undefined;
  photoIds?: string[] | undefined;
  defaultWarnRatio: number;
}): Promise<CaseTaskRow> {
  const { actor, clock } = options;
  return options.db.transaction(async (tx) => {
    const { row, units } = await lockVisibleCase(tx, actor, options.caseId);
    const [task] = await tx.select().from(caseTasks).where(eq(caseTasks.id, options.taskId)).for('update');
    if (!task || task.caseId !== row.id) throw notFound('Task', '配合任务');
    const unit = units.cooperating.find((u) => u.id === task.unitId);
    if (!unit || cooperatingRoles(actor, unit).length === 0)
      throw forbidden(
        'CASE_ROLE',
        '只有配合单位可以办理该任务',
        'Only the cooperating unit acts on its task',
      );
    const expected = options.action === 'sign' ? 'dispatched' : 'signed';
    if (task.state !== expected || !HANDLING_STATES.includes(row.state)) {
      throw conflict(
        'TASK_STATE',
        `任务当前状态（${task.state}）不能${options.action === 'sign' ? '签收' : '办结'}`,
        `The task is ${task.state}; it cannot be ${options.action === 'sign' ? 'signed' : 'finished'}`,
      );
    }
    const result = options.result?.trim() ?? '';
    if (options.action === 'finish' && !result)
      throw badRequest('RESULT_REQUIRED', '请填写办理结果', 'Give the result of the handling', 'result');
    const now = clock.now();
    const base = { db: tx, clock, caller: 'system' as const };
    for (const o of await owedTaskObligations(tx, [task.id], [options.action === 'sign' ? 'C8' : 'C10'])) {
      await meetObligation({ ...base, obligationId: o.id });
    }
    const [updated] = await tx
      .update(caseTasks)
      .set(
        options.action === 'sign'
          ? { state: 'signed', signedAt: now }
          : { state: 'done', doneAt: now, result },
      )
      .where(eq(caseTasks.id, task.id))
      .returning();
    if (!updated) throw new Error('task update returned nothing');
    if (options.action === 'sign') {
      await openTaskDuty({ ...options, db: tx }, updated, 'C10', row.slaClass);
    }
    if (options.photoIds?.length) {
      await attachFiles({
        db: tx,
        fileIds: options.photoIds,
        uploadedBy: actor.id,
        subject: { type: 'case', id: row.id },
        purpose: options.action === 'finish' ? 'finish' : 'progress',
        at: now,
      });
    }
    const kind = options.action === 'sign' ? 'case.task_signed' : 'case.task_finished';
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'case', id: row.id },
      kind,
      payload: { taskId: task.id, unitId: task.unitId, ...(result ? { result } : {}) },
    });
    if (options.action === 'finish' && row.leadUnitId) {
      await notify({
        db: tx,
        at: now,
        to: { unitId: row.leadUnitId },
        kind,
        subject: { type: 'case', id: row.id },
        title: {
          zh: `案件 ${row.number} 的配合单位已办结`,
          en: `A cooperating unit finished on case ${row.number}`,
        },
        data: { number: row.number, taskId: task.id },
      });
    }
    return updated;
  });
}
