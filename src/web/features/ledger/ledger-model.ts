import type { LedgerAction, LedgerItem, LedgerReport } from './ledger-types.ts';

/** Whether the item owes something past its date: a report, or the item itself. */
export function isOverdue(item: Pick<LedgerItem, 'clocks'>): boolean {
  return item.clocks.overdueReports > 0 || item.clocks.completionOverdue;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/**
 * The months a report may cover (R8): from the item's month to the current one (Asia/Shanghai),
 * the newest first. Never more than 36.
 */
export function periodChoices(createdAt: string, now: number): string[] {
  const first = monthOf(Date.parse(createdAt));
  const periods: string[] = [];
  let month = monthOf(now);
  while (month >= first && periods.length < 36) {
    periods.push(month);
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    month = m === 1 ? `${year - 1}-12` : `${year}-${pad(m - 1)}`;
  }
  return periods;
}

/** The order the item page offers its steps in (the server lists what the reader may take). */
const ACTION_ORDER: readonly LedgerAction[] = ['report', 'cross_off', 'reopen', 'review'];

export function orderedActions(actions: readonly string[]): LedgerAction[] {
  return ACTION_ORDER.filter((action) => actions.includes(action));
}

/** Reports still waiting for the owner's review, oldest first. */
export function unreviewed(reports: readonly LedgerReport[]): LedgerReport[] {
  return reports
    .filter((report) => report.review === null)
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
}

/** What the report form holds. */
export interface ReportValues {
  period?: string;
  done?: boolean;
  progress?: string;
  explanation?: string;
}

/** The report to send: text trimmed; the explanation only when there is one (R8 requires it when not done). */
export function reportBody(values: ReportValues): {
  period: string;
  done: boolean;
  progress: string;
  explanation?: string;
} {
  const body: { period: string; done: boolean; progress: string; explanation?: string } = {
    period: values.period ?? '',
    done: values.done === true,
    progress: values.progress?.trim() ?? '',
  };
  const explanation = values.explanation?.trim();
  if (explanation) body.explanation = explanation;
  return body;
}

/** How the ledger list may be sorted (the server's LEDGER_SORTS); `newest` is the default. */
export const LEDGER_SORTS = ['newest', 'oldest', 'due', 'next_report', 'title'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export interface LedgerListQuery {
  kind?: string;
  state?: string;
  q?: string;
  overdue?: 'true';
  sort?: LedgerSort;
}

/**
 * The list's query from the page's address (?kind=&state=&q=&overdue=&sort=): open items by
 * default, `state=all` for every state; unknown values are dropped rather than sent.
 */
export function ledgerQueryOf(params: URLSearchParams, kinds: readonly string[]): LedgerListQuery {
  const query: LedgerListQuery = {};
  const kind = params.get('kind') ?? '';
  if (kinds.includes(kind)) query.kind = kind;
  const state = params.get('state') ?? 'open';
  if (state === 'open' || state === 'crossed_off') query.state = state;
  const q = (params.get('q') ?? '').trim().slice(0, 50);
  if (q) query.q = q;
  if (params.get('overdue') === 'true') query.overdue = 'true';
  const sort = params.get('sort');
  if (sort && sort !== 'newest' && (LEDGER_SORTS as readonly string[]).includes(sort))
    query.sort = sort as LedgerSort;
  return query;
}
