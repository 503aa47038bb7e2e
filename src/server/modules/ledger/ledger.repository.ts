import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events } from '../events/index.ts';
import { obligations } from '../obligations/index.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';
import { ledgerItems, ledgerReports } from './ledger.tables.ts';
import type { ItemPaths } from './ledger-access.ts';

export type LedgerItemRow = typeof ledgerItems.$inferSelect;
export type LedgerReportRow = typeof ledgerReports.$inferSelect;

export async function unitsById(db: Db, ids: string[]): Promise<Map<string, OrgUnitRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(orgUnits).where(inArray(orgUnits.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findItem(db: Db, id: string, forUpdate = false): Promise<LedgerItemRow | undefined> {
  const query = db.select().from(ledgerItems).where(eq(ledgerItems.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The org paths of an item's units, for scope checks. */
export async function itemPaths(db: Db, item: LedgerItemRow): Promise<ItemPaths> {
  const units = await unitsById(db, [item.leadUnitId, ...item.cooperatingUnitIds]);
  return {
    lead: units.get(item.leadUnitId)?.path ?? '/',
    cooperating: item.cooperatingUnitIds.map((id) => units.get(id)?.path ?? '/'),
  };
}

export function reportsOf(db: Db, itemId: string): Promise<LedgerReportRow[]> {
  return db
    .select()
    .from(ledgerReports)
    .where(eq(ledgerReports.itemId, itemId))
    .orderBy(asc(ledgerReports.submittedAt), asc(ledgerReports.id));
}

export async function findReport(db: Db, id: string, forUpdate = false) {
  const query = db.select().from(ledgerReports).where(eq(ledgerReports.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The item's clocks: those on the item itself and the resubmission clocks of its returned reports. */
export function itemObligations(db: Db, itemId: string) {
  return db
    .select()
    .from(obligations)
    .where(
      or(
        and(eq(obligations.subjectType, 'ledger_item'), eq(obligations.subjectId, itemId)),
        and(
          eq(obligations.subjectType, 'ledger_report'),
          inArray(
            obligations.subjectId,
            db
              .select({ id: sql<string>`${ledgerReports.id}::text` })
              .from(ledgerReports)
              .where(eq(ledgerReports.itemId, itemId)),
          ),
        ),
      ),
    )
    .orderBy(asc(obligations.startedAt), asc(obligations.createdAt));
}

/** Duties still owed: running, paused, or breached and not yet met. */
export const owed = or(
  inArray(obligations.state, ['running', 'paused']),
  and(eq(obligations.state, 'breached'), isNull(obligations.metAt)),
);

/** The oldest duty still owed on a subject by a unit under a rule (for update). */
export async function oldestOwed(
  db: Db,
  query: { subject: { type: string; id: string }; ruleId: string; unitId: string },
) {
  const [row] = await db
    .select()
    .from(obligations)
    .where(
      and(
        eq(obligations.subjectType, query.subject.type),
        eq(obligations.subjectId, query.subject.id),
        eq(obligations.ruleId, query.ruleId),
        eq(obligations.unitId, query.unitId),
        owed,
      ),
    )
    .orderBy(asc(obligations.dueAt))
    .limit(1)
    .for('update');
  return row;
}

/** The item's timeline: its events in order. */
export function itemEvents(db: Db, itemId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'ledger_item'), eq(events.subjectId, itemId)))
    .orderBy(asc(events.id));
}

/** The latest report of a unit for a period, if any. */
export async function latestReportFor(db: Db, itemId: string, unitId: string, period: string) {
  const [row] = await db
    .select()
    .from(ledgerReports)
    .where(
      and(
        eq(ledgerReports.itemId, itemId),
        eq(ledgerReports.unitId, unitId),
        eq(ledgerReports.period, period),
      ),
    )
    .orderBy(desc(ledgerReports.submittedAt), desc(ledgerReports.id))
    .limit(1);
  return row;
}
