/** The ledger API as the server presents it (src/server/modules/ledger/ledger.views.ts, ledger.routes.ts). */

import type { Obligation, TimelineEntry } from '../cases/case-types.ts';

export type LedgerKind = 'consultation' | 'supervision' | 'meeting' | 'documents';
export const LEDGER_KINDS: readonly LedgerKind[] = ['consultation', 'supervision', 'meeting', 'documents'];

export type LedgerState = 'open' | 'crossed_off';
export type LedgerAction = 'report' | 'review' | 'cross_off' | 'reopen';

export interface UnitRef {
  id: string;
  name: string;
  code: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** One tracked item (台账事项). Times are ISO 8601 with +08:00. */
export interface LedgerItem {
  id: string;
  kind: LedgerKind | string;
  source: { type: string; id: string } | null;
  title: string;
  content: string;
  lead: UnitRef;
  cooperating: UnitRef[];
  dueAt: string | null;
  reportRule: string | null;
  state: LedgerState | string;
  stateType: 'open' | 'closed' | string;
  reopened: number;
  createdAt: string;
  createdBy: PersonRef | null;
  crossedOffAt: string | null;
  crossedOffBy: PersonRef | null;
  clocks: {
    overdueReports: number;
    lateReports: number;
    nextReportDueAt: string | null;
    completionOverdue: boolean;
  };
}

/** A written report on an item for a period (R8), and its review. */
export interface LedgerReport {
  id: string;
  itemId: string;
  unit: UnitRef;
  period: string;
  done: boolean;
  progress: string;
  explanation: string | null;
  submittedBy: PersonRef;
  submittedAt: string;
  review: 'accepted' | 'returned' | null;
  reviewNote: string | null;
  reviewedBy: PersonRef | null;
  reviewedAt: string | null;
}

/** `GET /api/ledger/items/:id`. */
export interface LedgerItemPage {
  item: LedgerItem;
  /** The steps the reader may take now. */
  actions: LedgerAction[];
  reports: LedgerReport[];
  obligations: Obligation[];
  timeline: TimelineEntry[];
}

/** `GET /api/ledger/overdue`: per unit, open items it leads and what it owes overdue. */
export interface UnitOverdue {
  unit: UnitRef;
  openItems: number;
  overdueReports: number;
  overdueItems: number;
}
