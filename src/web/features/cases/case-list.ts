import { CASE_STATE_LIST, type CaseState } from './case-flow.ts';
import type { CaseView } from './case-types.ts';

export type CaseTab = 'queue' | 'mine' | 'all';
export const CASE_TABS: readonly CaseTab[] = ['queue', 'mine', 'all'];

export type CaseSort = 'newest' | 'oldest' | 'number' | 'state' | 'category' | 'due';
export const CASE_SORTS: readonly CaseSort[] = ['newest', 'oldest', 'number', 'state', 'category', 'due'];

/** A queue is worked by the clock (the most urgent duty first); other lists open newest first. */
export function defaultSort(tab: CaseTab): CaseSort {
  return tab === 'queue' ? 'due' : 'newest';
}

export function isCaseTab(value: string | null): value is CaseTab {
  return value !== null && (CASE_TABS as readonly string[]).includes(value);
}

export function isCaseSort(value: string | null): value is CaseSort {
  return value !== null && (CASE_SORTS as readonly string[]).includes(value);
}

/** The tab a page opens on: my queue when my roles act on cases, else my calls, else all. */
export function defaultTab(queue: readonly CaseState[], mayRaise: boolean): CaseTab {
  if (queue.length > 0) return 'queue';
  return mayRaise ? 'mine' : 'all';
}

/** Several lists (one per queue state) as one, each case once, newest first. */
export function mergeLists(lists: readonly (readonly CaseView[])[]): CaseView[] {
  const byId = new Map<string, CaseView>();
  for (const list of lists) for (const row of list) byId.set(row.id, row);
  return sortCases([...byId.values()], 'newest', (code) => code);
}

const stateRank = (state: string) => {
  const index = CASE_STATE_LIST.indexOf(state as CaseState);
  return index === -1 ? CASE_STATE_LIST.length : index;
};

const dueTime = (row: CaseView) => (row.nextDuty ? Date.parse(row.nextDuty.dueAt) : Number.POSITIVE_INFINITY);

/**
 * Sorted copy: by creation time (newest first), number, state in the order of the flow,
 * category name, or the clock (the next duty's due time, cases without one last); ties
 * fall back to the newest first. The server sorts its lists and files the same way.
 */
export function sortCases(
  rows: readonly CaseView[],
  sort: CaseSort,
  categoryName: (code: string) => string,
): CaseView[] {
  const newest = (a: CaseView, b: CaseView) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
  const compare: Record<CaseSort, (a: CaseView, b: CaseView) => number> = {
    newest,
    oldest: (a, b) => -newest(a, b),
    number: (a, b) => a.number.localeCompare(b.number),
    state: (a, b) => stateRank(a.state) - stateRank(b.state),
    category: (a, b) => categoryName(a.category).localeCompare(categoryName(b.category), 'zh-CN'),
    // Infinity − Infinity is NaN: two cases without a clock tie.
    due: (a, b) => dueTime(a) - dueTime(b) || 0,
  };
  return [...rows].sort((a, b) => compare[sort](a, b) || newest(a, b));
}

/** The place in a list: the address, else the coordinates, else nothing. */
export function placeText(row: Pick<CaseView, 'address' | 'lat' | 'lng'>): string | null {
  if (row.address) return row.address;
  if (row.lat !== null && row.lng !== null) return `${row.lat.toFixed(5)}, ${row.lng.toFixed(5)}`;
  return null;
}

/** The list's filters as they sit in the page's address (?state=&category=&from=&to=&q=). */
export interface CaseFilters {
  /** One state; on 待我处理 only one of the queue's. */
  state: string;
  /** A category code; a 大类 takes its 小类. */
  category: string;
  /** Raised on or after / on or before these days (YYYY-MM-DD, Asia/Shanghai). */
  from: string;
  to: string;
  /** Part of the number or the address. */
  q: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters read from the address; a malformed day is ignored rather than sent. */
export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    state: params.get('state') ?? '',
    category: params.get('category') ?? '',
    from: day('from'),
    to: day('to'),
    q: (params.get('q') ?? '').trim().slice(0, 50),
  };
}

export interface CaseListQuery {
  state?: string;
  mine?: boolean;
  category?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: CaseSort;
}

/**
 * What `GET /api/cases` (and its export) is asked for a tab and its filters. 待我处理 asks
 * for its states (all of them, or the one picked), 我发起的 for my calls, 全部 for my scope;
 * null when there is nothing to ask.
 */
export function listQuery(
  tab: CaseTab,
  queue: readonly CaseState[],
  filters: CaseFilters,
): CaseListQuery | null {
  const states = tab === 'queue' ? (filters.state ? queue.filter((s) => s === filters.state) : queue) : [];
  // A queue with no state (no role of mine acts on cases) asks for nothing.
  if (tab === 'queue' && states.length === 0) return null;
  const query: CaseListQuery = {};
  if (tab === 'queue') query.state = states.join(',');
  else if (filters.state) query.state = filters.state;
  if (tab === 'mine') query.mine = true;
  if (filters.category) query.category = filters.category;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.q) query.q = filters.q;
  return query;
}

/** Whether any filter beyond the tab is set (the page offers to clear them). */
export function hasFilters(filters: CaseFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}
