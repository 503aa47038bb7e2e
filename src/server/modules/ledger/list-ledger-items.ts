import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { type Actor, scopeOf } from '../auth/index.ts';
import { orgUnits } from '../org/index.ts';
import type { LedgerItemRow } from './ledger.repository.ts';
import { ledgerItems } from './ledger.tables.ts';
import type { LedgerState } from './ledger-flow.ts';

export interface ListLedgerItemsQuery {
  kind?: string | undefined;
  state?: LedgerState | undefined;
  /** Items this unit leads or cooperates on. */
  unitId?: string | undefined;
  /** Items from this source (a consultation item, a meeting…). */
  source?: { type: string; id?: string | undefined } | undefined;
  /** An ILIKE pattern matched against the title. */
  search?: string | undefined;
  /** R8, S5: only items with a clock (their own or a report's) breached and not met. */
  overdue?: boolean | undefined;
  limit: number;
}

/**
 * Items on the ledgers the actor may read: the lead unit or a cooperating unit lies
 * under one of the actor's `ledger.read` grants (the owners' grants cover their area),
 * newest first.
 */
export async function listLedgerItems(options: {
  db: Db;
  actor: Actor;
  query: ListLedgerItemsQuery;
}): Promise<LedgerItemRow[]> {
  const { query } = options;
  const scope = scopeOf(options.actor, 'ledger.read');
  if (scope.length === 0) return [];
  const lead = alias(orgUnits, 'lead');
  const under = (column: SQL | typeof lead.path) => or(...scope.map((p) => sql`${column} LIKE ${`${p}%`}`));
  const inScope = scope.includes('/')
    ? undefined
    : or(
        under(lead.path),
        sql`EXISTS (SELECT 1 FROM org_units c
                     WHERE c.id::text IN (SELECT jsonb_array_elements_text(${ledgerItems.cooperatingUnitIds}))
                       AND (${under(sql`c.path`)}))`,
      );
  const rows = await options.db
    .select({ item: ledgerItems })
    .from(ledgerItems)
    .innerJoin(lead, eq(lead.id, ledgerItems.leadUnitId))
    .where(
      and(
        inScope,
        query.kind ? eq(ledgerItems.kind, query.kind) : undefined,
        query.state ? eq(ledgerItems.state, query.state) : undefined,
        query.unitId
          ? or(
              eq(ledgerItems.leadUnitId, query.unitId),
              sql`${ledgerItems.cooperatingUnitIds} @> ${JSON.stringify([query.unitId])}::jsonb`,
            )
          : undefined,
        query.source ? eq(ledgerItems.sourceType, query.source.type) : undefined,
        query.source?.id ? eq(ledgerItems.sourceId, query.source.id) : undefined,
        query.search ? ilike(ledgerItems.title, query.search) : undefined,
        query.overdue
          ? sql`EXISTS (SELECT 1 FROM obligations o
                         WHERE o.state = 'breached' AND o.met_at IS NULL
                           AND ((o.subject_type = 'ledger_item' AND o.subject_id = ${ledgerItems.id}::text)
                             OR (o.subject_type = 'ledger_report' AND o.subject_id IN
                                  (SELECT r.id::text FROM ledger_reports r WHERE r.item_id = ${ledgerItems.id}))))`
          : undefined,
      ),
    )
    .orderBy(desc(ledgerItems.createdAt), desc(ledgerItems.id))
    .limit(query.limit);
  return rows.map((r) => r.item);
}
