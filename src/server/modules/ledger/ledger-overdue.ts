import type { Db } from '../../db/client.ts';
import { type Actor, scopeOf } from '../auth/index.ts';
import { overdueByUnit, type UnitOverdue } from './ledger-clocks.repository.ts';

/**
 * R8, S5 (overdue items chased, 催办): per unit in the actor's `ledger.read` scope, the
 * open items it leads and what it owes overdue — reports past their date (breached by
 * the scanner) and completion past due — most overdue first.
 */
export function ledgerOverdue(options: {
  db: Db;
  actor: Actor;
  kind?: string | undefined;
}): Promise<UnitOverdue[]> {
  return overdueByUnit(options.db, { scope: scopeOf(options.actor, 'ledger.read'), kind: options.kind });
}
