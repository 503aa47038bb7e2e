import { requestJson, withQuery } from '../../lib/api.ts';
import type { Items } from '../../lib/api-types.ts';
import type { LedgerListQuery } from './ledger-model.ts';
import type { LedgerItem, LedgerItemPage, LedgerReport, UnitOverdue } from './ledger-types.ts';

const id = encodeURIComponent;

/** The ledger endpoints; kept out of lib/api.ts so the login page does not download them. */
export const ledgerApi = {
  items: (query: LedgerListQuery & { unitId?: string; limit?: number } = {}) =>
    requestJson<Items<LedgerItem>>('GET', withQuery('/api/ledger/items', { ...query })),
  /** The list as .xlsx with the same filters and sort (a plain link: the browser downloads it). */
  exportUrl: (query: LedgerListQuery) => withQuery('/api/ledger/items.xlsx', { ...query }),
  item: (itemId: string) => requestJson<LedgerItemPage>('GET', `/api/ledger/items/${id(itemId)}`),
  /** R8: EXPLANATION_REQUIRED (400, `explanation`) when not done without a reason. */
  report: (
    itemId: string,
    body: { period: string; done: boolean; progress: string; explanation?: string; unitId?: string },
  ) => requestJson<LedgerReport>('POST', `/api/ledger/items/${id(itemId)}/reports`, { body }),
  review: (itemId: string, reportId: string, body: { review: 'accepted' | 'returned'; note?: string }) =>
    requestJson<LedgerReport>('POST', `/api/ledger/items/${id(itemId)}/reports/${id(reportId)}/review`, {
      body,
    }),
  crossOff: (itemId: string, body: { reason: string }) =>
    requestJson<LedgerItem>('POST', `/api/ledger/items/${id(itemId)}/cross-off`, { body }),
  reopen: (itemId: string, body: { reason: string; dueAt?: string }) =>
    requestJson<LedgerItem>('POST', `/api/ledger/items/${id(itemId)}/reopen`, { body }),
  overdue: (kind?: string) =>
    requestJson<{ units: UnitOverdue[] }>('GET', withQuery('/api/ledger/overdue', { kind })),
};
