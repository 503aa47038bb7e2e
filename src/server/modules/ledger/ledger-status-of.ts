import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { LedgerReportRow } from './ledger.repository.ts';
import { ledgerItems, ledgerReports } from './ledger.tables.ts';
import { clocksOf } from './ledger-clocks.repository.ts';
import type { LedgerState } from './ledger-flow.ts';

export interface LedgerItemStatus {
  itemId: string;
  sourceId: string | null;
  kind: string;
  title: string;
  state: LedgerState;
  leadUnitId: string;
  cooperatingUnitIds: string[];
  dueAt: Date | null;
  reopened: number;
  /** The latest report (of any of its units), or null when none came in. */
  lastReport: Pick<
    LedgerReportRow,
    'id' | 'unitId' | 'period' | 'done' | 'progress' | 'explanation' | 'submittedAt' | 'review' | 'reviewNote'
  > | null;
  /** Report clocks breached and still not met. */
  overdueReports: number;
  /** Report clocks ever breached (met late or not). */
  lateReports: number;
  nextReportDueAt: Date | null;
  completionOverdue: boolean;
}

/**
 * R6 step 1 and R7 ("progress reported at the next meeting"): where the items that came
 * from these sources stand — state, the last report (done, progress, explanation) and
 * the overdue reports — so the consultation module can write the meeting's report on the
 * last session's items from the ledger. No access check: the calling use case has made it.
 */
export async function ledgerStatusOf(
  db: Db,
  query: { sourceType: string; sourceIds: string[] },
): Promise<LedgerItemStatus[]> {
  if (query.sourceIds.length === 0) return [];
  const items = await db
    .select()
    .from(ledgerItems)
    .where(and(eq(ledgerItems.sourceType, query.sourceType), inArray(ledgerItems.sourceId, query.sourceIds)))
    .orderBy(ledgerItems.createdAt, ledgerItems.id);
  if (items.length === 0) return [];
  const clocks = await clocksOf(db, items);
  const reports = await db
    .select()
    .from(ledgerReports)
    .where(
      inArray(
        ledgerReports.itemId,
        items.map((i) => i.id),
      ),
    )
    .orderBy(desc(ledgerReports.submittedAt), desc(ledgerReports.id));
  const last = new Map<string, LedgerReportRow>();
  for (const r of reports) if (!last.has(r.itemId)) last.set(r.itemId, r);
  return items.map((item) => {
    const report = last.get(item.id);
    const c = clocks.get(item.id);
    return {
      itemId: item.id,
      sourceId: item.sourceId,
      kind: item.kind,
      title: item.title,
      state: item.state,
      leadUnitId: item.leadUnitId,
      cooperatingUnitIds: item.cooperatingUnitIds,
      dueAt: item.dueAt,
      reopened: item.reopened,
      lastReport: report
        ? {
            id: report.id,
            unitId: report.unitId,
            period: report.period,
            done: report.done,
            progress: report.progress,
            explanation: report.explanation,
            submittedAt: report.submittedAt,
            review: report.review,
            reviewNote: report.reviewNote,
          }
        : null,
      overdueReports: c?.overdueReports ?? 0,
      lateReports: c?.lateReports ?? 0,
      nextReportDueAt: c?.nextReportDueAt ?? null,
      completionOverdue: c?.completionOverdue ?? false,
    };
  });
}
