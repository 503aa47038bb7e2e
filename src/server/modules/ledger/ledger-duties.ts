import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import {
  cancelObligation,
  meetObligation,
  type ObligationRow,
  openObligation,
} from '../obligations/index.ts';
import { itemObligations, type LedgerItemRow } from './ledger.repository.ts';
import { fixedDueRule } from './ledger-due.ts';
import { ledgerKind, RESUBMIT_DEADLINE } from './ledger-kinds.ts';

/**
 * The item's clocks. The ledger use case has authorised the step already, so the
 * obligations module is called as the system on its behalf (as the case flow does).
 */
export interface DutyContext {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  defaultWarnRatio: number;
}

/**
 * R8: the next periodic report of the lead unit, on the item's report rule (`M+1@15`:
 * the 15th of the next month), from `startedAt` (now when absent).
 */
export function openReportDuty(
  ctx: DutyContext,
  item: LedgerItemRow,
  startedAt?: Date,
): Promise<ObligationRow> | undefined {
  if (!item.reportRule) return undefined;
  return openObligation({
    ...ctx,
    caller: 'system',
    subject: { type: 'ledger_item', id: item.id },
    ruleId: ledgerKind(item.kind).reportRuleId,
    unitId: item.leadUnitId,
    deadline: item.reportRule,
    startedAt,
  });
}

/** A returned report is owed again by the unit that wrote it (subject: the returned report). */
export function openResubmitDuty(
  ctx: DutyContext,
  item: LedgerItemRow,
  report: { id: string; unitId: string },
): Promise<ObligationRow> {
  return openObligation({
    ...ctx,
    caller: 'system',
    subject: { type: 'ledger_report', id: report.id },
    ruleId: ledgerKind(item.kind).reportRuleId,
    unitId: report.unitId,
    deadline: RESUBMIT_DEADLINE,
  });
}

/** R7, S8: the lead unit's clock to finish the item by `dueAt` (a fixed-time rule, ledger-due.ts). */
export function openCompletionDuty(
  ctx: DutyContext,
  item: LedgerItemRow,
  ruleId: string,
  dueAt: Date,
): Promise<ObligationRow> {
  return openObligation({
    ...ctx,
    caller: 'system',
    subject: { type: 'ledger_item', id: item.id },
    ruleId,
    unitId: item.leadUnitId,
    deadline: fixedDueRule(ctx.clock.now(), dueAt),
  });
}

/**
 * Crossing off (销号): the item is done, so its completion clock is met (late if it was
 * breached) and its report clocks not yet due are cancelled. A breached report stays a
 * breach on the record, and one already past due that the scanner has not reached yet
 * is left running for it to breach: crossing off does not wipe out a late report.
 */
export async function closeItemDuties(ctx: DutyContext, item: LedgerItemRow, reason: string): Promise<void> {
  const base = { db: ctx.db, clock: ctx.clock, caller: 'system' as const };
  const reportRuleId = ledgerKind(item.kind).reportRuleId;
  for (const o of await itemObligations(ctx.db, item.id)) {
    const completion = o.subjectType === 'ledger_item' && o.ruleId !== reportRuleId;
    const openNow = o.state === 'running' || o.state === 'paused';
    if (completion && (openNow || (o.state === 'breached' && !o.metAt))) {
      await meetObligation({ ...base, obligationId: o.id });
    } else if (!completion && openNow && o.dueAt > ctx.clock.now()) {
      await cancelObligation({ ...base, obligationId: o.id, reason });
    }
  }
}

/** The rule id of the item's last completion clock, for reopening; the kind's default without one. */
export async function completionRuleOf(db: Db, item: LedgerItemRow): Promise<string> {
  const { reportRuleId, dueRuleId } = ledgerKind(item.kind);
  const last = (await itemObligations(db, item.id))
    .filter((o) => o.subjectType === 'ledger_item' && o.ruleId !== reportRuleId)
    .at(-1);
  return last?.ruleId ?? dueRuleId;
}
