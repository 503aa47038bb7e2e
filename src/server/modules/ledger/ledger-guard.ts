import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { Caller } from '../auth/index.ts';
import { findItem, itemPaths, type LedgerItemRow } from './ledger.repository.ts';
import { canReadItem, type ItemPaths } from './ledger-access.ts';

/**
 * Locks the item for a state change. An item the caller may not read does not exist for
 * them (404, no hint that it does).
 */
export async function lockVisibleItem(
  db: Db,
  caller: Caller,
  itemId: string,
): Promise<{ item: LedgerItemRow; paths: ItemPaths }> {
  const item = await findItem(db, itemId, true);
  const paths = item ? await itemPaths(db, item) : null;
  if (!item || !paths || !canReadItem(caller, paths)) throw notFound('Ledger item', '台账事项');
  return { item, paths };
}
