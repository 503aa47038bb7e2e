import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { findReport, type LedgerReportRow } from './ledger.repository.ts';
import { ledgerReports } from './ledger.tables.ts';
import { requireOwner } from './ledger-access.ts';
import { openResubmitDuty } from './ledger-duties.ts';
import { planLedgerAction } from './ledger-flow.ts';
import { lockVisibleItem } from './ledger-guard.ts';

export interface LedgerReviewInput {
  review: 'accepted' | 'returned';
  /** The owner's note; required when the report is returned. */
  note?: string | undefined;
}

/**
 * The ledger's owner reviews a report (S5: reports reviewed). Accepted, it stands.
 * Returned with a note, the period is owed again: a resubmission clock opens for the unit
 * that wrote it (ledger-kinds.ts RESUBMIT_DEADLINE), met by its next report on that period.
 * The clock the first report met stays met — the report came in time; its content did not
 * pass. Each report is reviewed once.
 */
export async function reviewLedgerReport(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  caller: Caller;
  itemId: string;
  reportId: string;
  input: LedgerReviewInput;
  defaultWarnRatio: number;
}): Promise<LedgerReportRow> {
  const { input, caller, clock } = options;
  const note = input.note?.trim() || null;
  if (input.review === 'returned' && !note)
    throw badRequest('NOTE_REQUIRED', '退回报告须写明理由', 'Say why the report is returned', 'note');
  return options.db.transaction(async (tx) => {
    const { item, paths } = await lockVisibleItem(tx, caller, options.itemId);
    const report = await findReport(tx, options.reportId, true);
    if (!report || report.itemId !== item.id) throw notFound('Report', '报告');
    requireOwner(caller, item.kind, paths.lead);
    planLedgerAction(item.state, 'review');
    if (report.review)
      throw conflict('REPORT_REVIEWED', '该报告已审核', 'The report has been reviewed already');
    const now = clock.now();
    const [updated] = await tx
      .update(ledgerReports)
      .set({
        review: input.review,
        reviewNote: note,
        reviewedBy: caller === 'system' ? null : caller.id,
        reviewedAt: now,
      })
      .where(eq(ledgerReports.id, report.id))
      .returning();
    if (!updated) throw new Error('ledger report update returned nothing');
    if (input.review === 'returned') await openResubmitDuty({ ...options, db: tx }, item, report);
    const payload = {
      reportId: report.id,
      unitId: report.unitId,
      period: report.period,
      review: input.review,
      note,
    };
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'ledger_item', id: item.id },
      kind: 'ledger.report_reviewed',
      payload,
    });
    await notify({
      db: tx,
      at: now,
      to: { unitId: report.unitId },
      kind: 'ledger.report_reviewed',
      subject: { type: 'ledger_item', id: item.id },
      title:
        input.review === 'accepted'
          ? {
              zh: `${report.period} 进展报告已通过：${item.title}`,
              en: `Report for ${report.period} accepted: ${item.title}`,
            }
          : {
              zh: `${report.period} 进展报告被退回：${item.title}`,
              en: `Report for ${report.period} returned: ${item.title}`,
            },
      data: payload,
    });
    return updated;
  });
}
