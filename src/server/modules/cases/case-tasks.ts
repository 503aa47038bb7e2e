import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { cancelObligation, obligations, openObligation } from '../obligations/index.ts';
import { dutyDeadline } from './case-duties.ts';
import { caseTasks } from './case-work.tables.ts';
import type { SlaClass } from './cases.tables.ts';

export type CaseTaskRow = typeof caseTasks.$inferSelect;

/** The obligations of a cooperating unit's task: subject `case_task`, rules C8 and C10. */
export const TASK_SUBJECT = 'case_task';

/**
 * C7: a cooperating unit's own task and sign clock (C8), for the handling round. Its
 * finish clock (C10, by the case's SLA class) opens when it signs.
 */
export async function createTasks(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  caseId: string;
  round: number;
  unitIds: readonly string[];
  defaultWarnRatio: number;
}): Promise<CaseTaskRow[]> {
  if (options.unitIds.length === 0) return [];
  const now = options.clock.now();
  const rows = await options.db
    .insert(caseTasks)
    .values(
      options.unitIds.map((unitId) => ({
        caseId: options.caseId,
        unitId,
        round: options.round,
        state: 'dispatched' as const,
        createdAt: now,
      })),
    )
    .returning();
  for (const task of rows) {
    await openTaskDuty(options, task, 'C8', null);
  }
  return rows;
}

export async function openTaskDuty(
  options: { db: Db; clock: Clock; calendar: WorkCalendar; defaultWarnRatio: number },
  task: CaseTaskRow,
  duty: 'C8' | 'C10',
  slaClass: SlaClass | null,
): Promise<void> {
  await openObligation({
    db: options.db,
    clock: options.clock,
    caller: 'system',
    calendar: options.calendar,
    subject: { type: TASK_SUBJECT, id: task.id },
    ruleId: duty,
    unitId: task.unitId,
    deadline: dutyDeadline(duty, slaClass),
    defaultWarnRatio: options.defaultWarnRatio,
  });
}

/** The tasks of a case (all rounds), oldest first. */
export async function tasksOf(db: Db, caseId: string): Promise<CaseTaskRow[]> {
  return db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId)).orderBy(caseTasks.createdAt);
}

/** Tasks of the round that are neither done nor cancelled: the lead unit's finish waits for them. */
export async function unfinishedTasks(db: Db, caseId: string, round: number): Promise<CaseTaskRow[]> {
  return db
    .select()
    .from(caseTasks)
    .where(
      and(
        eq(caseTasks.caseId, caseId),
        eq(caseTasks.round, round),
        inArray(caseTasks.state, ['dispatched', 'signed']),
      ),
    );
}

/** Running or paused obligations of tasks (breaches stay on the record). */
export async function owedTaskObligations(db: Db, taskIds: readonly string[], ruleIds?: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(obligations)
    .where(
      and(
        eq(obligations.subjectType, TASK_SUBJECT),
        inArray(obligations.subjectId, [...taskIds]),
        or(
          inArray(obligations.state, ['running', 'paused']),
          and(eq(obligations.state, 'breached'), isNull(obligations.metAt)),
        ),
        ruleIds ? inArray(obligations.ruleId, ruleIds) : undefined,
      ),
    );
}

/** Every obligation of the tasks (their clocks on the case page), oldest first. */
export async function taskObligations(db: Db, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(obligations)
    .where(and(eq(obligations.subjectType, TASK_SUBJECT), inArray(obligations.subjectId, [...taskIds])))
    .orderBy(obligations.createdAt);
}

/** Cancels a case's open tasks and their clocks (the case was refused, merged or returned). */
export async function cancelTasks(options: {
  db: Db;
  clock: Clock;
  caseId: string;
  reason: string;
}): Promise<void> {
  const open = await options.db
    .update(caseTasks)
    .set({ state: 'cancelled' })
    .where(and(eq(caseTasks.caseId, options.caseId), inArray(caseTasks.state, ['dispatched', 'signed'])))
    .returning({ id: caseTasks.id });
  for (const o of await owedTaskObligations(
    options.db,
    open.map((t) => t.id),
  )) {
    if (o.state === 'breached') continue;
    await cancelObligation({
      db: options.db,
      clock: options.clock,
      caller: 'system',
      obligationId: o.id,
      reason: options.reason,
    });
  }
}
