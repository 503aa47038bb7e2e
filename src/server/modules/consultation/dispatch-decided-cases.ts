import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { applyCaseAction, cases } from '../cases/index.ts';
import { casesOfItem } from './consultation.repository.ts';
import { consultationItems } from './consultation.tables.ts';

/**
 * R7, C7: with one action the centre sends every case waiting on a decided item back to
 * triage (consultation_decided) and dispatches it to the decided lead unit; the
 * suggestion recorded on each dispatch cites the meeting's rule. Cases the caller does
 * not hold, or no longer waiting, are skipped and reported.
 */
export async function dispatchDecidedCases(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  itemId: string;
  defaultWarnRatio: number;
}): Promise<{ dispatched: string[]; skipped: { caseId: string; code: string }[] }> {
  const [item] = await options.db
    .select()
    .from(consultationItems)
    .where(eq(consultationItems.id, options.itemId));
  if (!item) throw notFound('Item', '会商议题');
  if (item.state !== 'decided' || !item.leadUnitId)
    throw conflict('ITEM_STATE', '议题尚未议定牵头单位', 'The item has no decided lead unit yet');
  const dispatched: string[] = [];
  const skipped: { caseId: string; code: string }[] = [];
  for (const caseId of await casesOfItem(options.db, item.id)) {
    const [row] = await options.db.select().from(cases).where(eq(cases.id, caseId));
    if (row?.state !== 'in_consultation') {
      skipped.push({ caseId, code: 'NOT_WAITING' });
      continue;
    }
    const base = {
      db: options.db,
      clock: options.clock,
      calendar: options.calendar,
      actor: options.actor,
      caseId,
      defaultWarnRatio: options.defaultWarnRatio,
    };
    try {
      const back = await applyCaseAction({
        ...base,
        action: 'consultation_decided',
        expectedVersion: row.version,
        input: { note: `会商议定：${item.title}` },
      });
      await applyCaseAction({
        ...base,
        action: 'dispatch',
        expectedVersion: back.version,
        input: { leadUnitId: item.leadUnitId, cooperatingUnitIds: item.cooperatingUnitIds ?? [] },
      });
      dispatched.push(caseId);
    } catch (error) {
      skipped.push({ caseId, code: (error as { code?: string }).code ?? 'FAILED' });
    }
  }
  return { dispatched, skipped };
}
