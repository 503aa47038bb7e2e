/**
 * The ledger module (台账): tracked items with lead and cooperating units, deadlines,
 * periodic written reports and their review, crossing off (销号) and reopening — one
 * model for consultation decisions (R7, R8), supervision (S8), meeting decisions (M15)
 * and the issuance ledger (D1). It knows nothing of where an item came from beyond
 * `kind` and `source`. Routes (ledger.routes.ts) are registered by http/server.ts.
 */
export { createLedgerItem, type LedgerItemInput } from './create-ledger-item.ts';
export { crossOffLedgerItem } from './cross-off-ledger-item.ts';
export { getLedgerItem, type LedgerItemPage } from './get-ledger-item.ts';
export type { LedgerItemRow, LedgerReportRow } from './ledger.repository.ts';
export { ledgerItems, ledgerReports } from './ledger.tables.ts';
export type { ItemClocks, UnitOverdue } from './ledger-clocks.repository.ts';
export { LEDGER_FLOW, LEDGER_STATES, type LedgerAction, type LedgerState } from './ledger-flow.ts';
export { LEDGER_KIND_NAMES, LEDGER_KINDS, type LedgerKindName, RESUBMIT_DEADLINE } from './ledger-kinds.ts';
export { ledgerOverdue } from './ledger-overdue.ts';
export { type LedgerItemStatus, ledgerStatusOf } from './ledger-status-of.ts';
export { type ListLedgerItemsQuery, listLedgerItems } from './list-ledger-items.ts';
export { reopenLedgerItem } from './reopen-ledger-item.ts';
export { type LedgerReviewInput, reviewLedgerReport } from './review-ledger-report.ts';
export { type LedgerReportInput, submitLedgerReport } from './submit-ledger-report.ts';
