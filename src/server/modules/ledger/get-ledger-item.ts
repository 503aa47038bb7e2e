import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/index.ts';
import type { StoredEvent } from '../events/index.ts';
import type { ObligationRow } from '../obligations/index.ts';
import {
  findItem,
  itemEvents,
  itemObligations,
  itemPaths,
  type LedgerItemRow,
  type LedgerReportRow,
  reportsOf,
} from './ledger.repository.ts';
import { canReadItem, type ItemPaths, ownsItem, reportableUnits } from './ledger-access.ts';
import { allowedLedgerActions, type LedgerAction } from './ledger-flow.ts';

export interface LedgerItemPage {
  item: LedgerItemRow;
  paths: ItemPaths;
  /** The steps the actor may take on the item now (the state table and their roles on it). */
  actions: LedgerAction[];
  reports: LedgerReportRow[];
  /** Its clocks: completion, periodic reports, resubmissions of returned reports. */
  obligations: ObligationRow[];
  /** Its events in order. */
  timeline: StoredEvent[];
}

/** One item with its reports, clocks and timeline, if the actor may read it (else 404). */
export async function getLedgerItem(options: {
  db: Db;
  actor: Actor;
  itemId: string;
}): Promise<LedgerItemPage> {
  const { db, actor } = options;
  const item = await findItem(db, options.itemId);
  const paths = item ? await itemPaths(db, item) : null;
  if (!item || !paths || !canReadItem(actor, paths)) throw notFound('Ledger item', '台账事项');
  const units = [
    { id: item.leadUnitId, path: paths.lead, lead: true },
    ...item.cooperatingUnitIds.map((id, i) => ({ id, path: paths.cooperating[i] ?? '/', lead: false })),
  ];
  const actions = allowedLedgerActions(item.state, {
    unit: reportableUnits(actor, units).length > 0,
    owner: ownsItem(actor, item.kind, paths.lead),
  });
  const [reports, obligations, timeline] = await Promise.all([
    reportsOf(db, item.id),
    itemObligations(db, item.id),
    itemEvents(db, item.id),
  ]);
  return { item, paths, actions, reports, obligations, timeline };
}
