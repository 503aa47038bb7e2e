import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { meetObligation } from '../obligations/index.ts';
import {
  type LedgerItemRow,
  type LedgerReportRow,
  latestReportFor,
  oldestOwed,
} from './ledger.repository.ts';
import { ledgerReports } from './ledger.tables.ts';
import { reportableUnits } from './ledger-access.ts';
import { periodOf } from './ledger-due.ts';
import { openReportDuty } from './ledger-duties.ts';
import { planLedgerAction } from './ledger-flow.ts';
import { lockVisibleItem } from './ledger-guard.ts';
import { ledgerKind } from './ledger-kinds.ts';

export interface LedgerReportInput {
  /** The month reported on (`2026-10`), from the item's month to the current one. */
  period: string;
  /** Whether the item is done. */
  done: boolean;
  /** What was done in the period (one problem, one plan, one set of measures: R8). */
  progress: string;
  /** Why it is not done; required when `done` is false (R8). */
  explanation?: string | undefined;
  /** The unit reported for (the lead or a cooperating unit); the first the actor may report for when absent. */
  unitId?: string | undefined;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * R8: the lead unit (or a cooperating unit, for its part) reports in writing on an item:
 * done or not, the progress, and for anything not done an explanation. The lead unit's
 * report meets its running report clock and opens the next period's on the same rule, from
 * the later of now and the met clock's due time (an early report does not make the same
 * 15th due twice). A report on a returned one's period is a resubmission: it meets the
 * resubmission clock instead. Nothing is written for a crossed-off item (409).
 */
export async function submitLedgerReport(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  itemId: string;
  input: LedgerReportInput;
  defaultWarnRatio: number;
}): Promise<{ item: LedgerItemRow; report: LedgerReportRow }> {
  const { input, actor, clock } = options;
  const progress = input.progress.trim();
  const explanation = input.explanation?.trim() || null;
  if (!PERIOD.test(input.period))
    throw badRequest(
      'BAD_PERIOD',
      '报告期须为月份，例如 2026-10',
      'The period is a month, e.g. 2026-10',
      'period',
    );
  if (!progress) throw badRequest('PROGRESS_REQUIRED', '请填写落实进展', 'Give the progress', 'progress');
  // R8: each item not done needs a written explanation.
  if (!input.done && !explanation)
    throw badRequest(
      'EXPLANATION_REQUIRED',
      '未完成的事项须书面说明原因',
      'An item not done needs a written explanation',
      'explanation',
    );
  return options.db.transaction(async (tx) => {
    const { item, paths } = await lockVisibleItem(tx, actor, options.itemId);
    planLedgerAction(item.state, 'report');
    const now = clock.now();
    if (input.period < periodOf(item.createdAt) || input.period > periodOf(now))
      throw badRequest(
        'BAD_PERIOD',
        `报告期须在 ${periodOf(item.createdAt)} 至 ${periodOf(now)} 之间`,
        `The period must lie between ${periodOf(item.createdAt)} and ${periodOf(now)}`,
        'period',
      );
    const units = [
      { id: item.leadUnitId, path: paths.lead, lead: true },
      ...item.cooperatingUnitIds.map((id, i) => ({ id, path: paths.cooperating[i] ?? '/', lead: false })),
    ];
    if (input.unitId && !units.some((u) => u.id === input.unitId))
      throw badRequest(
        'BAD_UNIT',
        '该单位不是此事项的承办单位',
        'The unit does not carry out this item',
        'unitId',
      );
    const mine = reportableUnits(actor, units);
    const unitId = input.unitId ?? mine[0];
    if (!unitId || !mine.includes(unitId))
      throw forbidden(
        'NOT_ITEM_UNIT',
        '只有承办单位可以报送进展',
        'Only the units carrying out the item report on it',
      );

    const previous = await latestReportFor(tx, item.id, unitId, input.period);
    if (previous && previous.review !== 'returned')
      throw conflict(
        'REPORT_EXISTS',
        `本单位已报送 ${input.period} 的报告`,
        `Your unit has reported on ${input.period} already`,
        'period',
      );
    const [report] = await tx
      .insert(ledgerReports)
      .values({
        itemId: item.id,
        unitId,
        period: input.period,
        done: input.done,
        progress,
        explanation,
        submittedBy: actor.id,
        submittedAt: now,
      })
      .returning();
    if (!report) throw new Error('ledger report insert returned nothing');

    const reportRuleId = ledgerKind(item.kind).reportRuleId;
    const base = { db: tx, clock, caller: 'system' as const };
    let met: string | null = null;
    if (previous) {
      // The resubmission of a returned report meets its resubmission clock.
      const duty = await oldestOwed(tx, {
        subject: { type: 'ledger_report', id: previous.id },
        ruleId: reportRuleId,
        unitId,
      });
      if (duty) met = (await meetObligation({ ...base, obligationId: duty.id })).id;
    } else if (unitId === item.leadUnitId) {
      const duty = await oldestOwed(tx, {
        subject: { type: 'ledger_item', id: item.id },
        ruleId: reportRuleId,
        unitId,
      });
      if (duty) met = (await meetObligation({ ...base, obligationId: duty.id })).id;
      const from = duty && duty.dueAt > now ? duty.dueAt : now;
      await openReportDuty({ ...options, db: tx }, item, from);
    }
    const payload = {
      reportId: report.id,
      unitId,
      period: report.period,
      done: report.done,
      resubmission: !!previous,
      metObligationId: met,
    };
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'ledger_item', id: item.id },
      kind: 'ledger.report_submitted',
      payload,
    });
    if (item.createdBy)
      await notify({
        db: tx,
        at: now,
        to: { accountId: item.createdBy },
        kind: 'ledger.report_submitted',
        subject: { type: 'ledger_item', id: item.id },
        title: {
          zh: `${report.period} 进展报告待审核：${item.title}`,
          en: `Report for ${report.period} to review: ${item.title}`,
        },
        data: payload,
      });
    return { item, report };
  });
}
