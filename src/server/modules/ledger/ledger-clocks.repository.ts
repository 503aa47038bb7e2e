import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { obligations } from '../obligations/index.ts';
import { orgUnits } from '../org/index.ts';
import type { LedgerItemRow } from './ledger.repository.ts';
import { ledgerReports } from './ledger.tables.ts';
import { ledgerKind } from './ledger-kinds.ts';

/** What an item's clocks say at a glance. */
export interface ItemClocks {
  /** Report clocks (periodic or resubmission) breached and still not met. */
  overdueReports: number;
  /** Report clocks ever breached, met late or not. */
  lateReports: number;
  /** Due time of the next report still running. */
  nextReportDueAt: Date | null;
  /** The completion clock is breached and not met. */
  completionOverdue: boolean;
}

/** The clocks of many items in two queries: their own and their returned reports' resubmission clocks. */
export async function clocksOf(db: Db, items: LedgerItemRow[]): Promise<Map<string, ItemClocks>> {
  const result = new Map<string, ItemClocks>(
    items.map((i) => [
      i.id,
      { overdueReports: 0, lateReports: 0, nextReportDueAt: null, completionOverdue: false },
    ]),
  );
  if (items.length === 0) return result;
  const ids = items.map((i) => i.id);
  const reports = await db
    .select({ id: ledgerReports.id, itemId: ledgerReports.itemId })
    .from(ledgerReports)
    .where(inArray(ledgerReports.itemId, ids));
  const itemOfReport = new Map(reports.map((r) => [r.id, r.itemId]));
  const rows = await db
    .select()
    .from(obligations)
    .where(
      or(
        and(eq(obligations.subjectType, 'ledger_item'), inArray(obligations.subjectId, ids)),
        reports.length
          ? and(
              eq(obligations.subjectType, 'ledger_report'),
              inArray(
                obligations.subjectId,
                reports.map((r) => r.id),
              ),
            )
          : sql`false`,
      ),
    );
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const o of rows) {
    const itemId = o.subjectType === 'ledger_item' ? o.subjectId : itemOfReport.get(o.subjectId);
    const item = itemId ? byId.get(itemId) : undefined;
    const clocks = itemId ? result.get(itemId) : undefined;
    if (!item || !clocks) continue;
    const report = o.subjectType === 'ledger_report' || o.ruleId === ledgerKind(item.kind).reportRuleId;
    const overdue = o.state === 'breached' && !o.metAt;
    if (!report) {
      if (overdue) clocks.completionOverdue = true;
      continue;
    }
    if (o.state === 'breached') clocks.lateReports += 1;
    if (overdue) clocks.overdueReports += 1;
    if (o.state === 'running' && (!clocks.nextReportDueAt || o.dueAt < clocks.nextReportDueAt))
      clocks.nextReportDueAt = o.dueAt;
  }
  return result;
}

export interface UnitOverdue {
  unitId: string;
  unitName: string;
  unitCode: string;
  /** Open items the unit leads. */
  openItems: number;
  /** Report clocks of open items the unit owes, breached and not met. */
  overdueReports: number;
  /** Completion clocks of open items the unit owes, breached and not met. */
  overdueItems: number;
}

interface OverdueRow {
  unit_id: string;
  kind: string;
  rule_id: string;
  resubmit: boolean;
  n: number;
}

/**
 * Per unit in scope: open items it leads and what it owes overdue on open items (R8
 * reports not in by their date, completion past due). Breaches on crossed-off items stay
 * on the record (the assessment counts them) but are no longer "overdue now".
 */
export async function overdueByUnit(
  db: Db,
  query: { scope: string[]; kind?: string | undefined },
): Promise<UnitOverdue[]> {
  if (query.scope.length === 0) return [];
  const inScope = query.scope.includes('/')
    ? undefined
    : or(...query.scope.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
  const kind = query.kind ? sql`AND li.kind = ${query.kind}` : sql``;
  const breached = (await db.execute(sql`
    SELECT o.unit_id::text AS unit_id, li.kind, o.rule_id, false AS resubmit, count(*)::int AS n
      FROM obligations o JOIN ledger_items li ON o.subject_id = li.id::text
     WHERE o.subject_type = 'ledger_item' AND o.state = 'breached' AND o.met_at IS NULL
       AND li.state = 'open' ${kind}
     GROUP BY o.unit_id, li.kind, o.rule_id
    UNION ALL
    SELECT o.unit_id::text, li.kind, o.rule_id, true, count(*)::int
      FROM obligations o JOIN ledger_reports r ON o.subject_id = r.id::text
      JOIN ledger_items li ON li.id = r.item_id
     WHERE o.subject_type = 'ledger_report' AND o.state = 'breached' AND o.met_at IS NULL
       AND li.state = 'open' ${kind}
     GROUP BY o.unit_id, li.kind, o.rule_id`)) as unknown as { rows: OverdueRow[] };
  const open = (await db.execute(sql`
    SELECT li.lead_unit_id::text AS unit_id, count(*)::int AS n
      FROM ledger_items li WHERE li.state = 'open' ${kind}
     GROUP BY li.lead_unit_id`)) as unknown as { rows: { unit_id: string; n: number }[] };
  const ids = [...new Set([...breached.rows, ...open.rows].map((r) => r.unit_id))];
  if (ids.length === 0) return [];
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, ids), inScope));
  const result = new Map<string, UnitOverdue>(
    units.map((u) => [
      u.id,
      { unitId: u.id, unitName: u.name, unitCode: u.code, openItems: 0, overdueReports: 0, overdueItems: 0 },
    ]),
  );
  for (const r of open.rows) {
    const unit = result.get(r.unit_id);
    if (unit) unit.openItems += Number(r.n);
  }
  for (const r of breached.rows) {
    const unit = result.get(r.unit_id);
    if (!unit) continue;
    if (r.resubmit || r.rule_id === ledgerKind(r.kind).reportRuleId) unit.overdueReports += Number(r.n);
    else unit.overdueItems += Number(r.n);
  }
  return [...result.values()].sort(
    (a, b) =>
      b.overdueReports + b.overdueItems - (a.overdueReports + a.overdueItems) ||
      a.unitCode.localeCompare(b.unitCode),
  );
}
