import { z } from 'zod';
import { LEDGER_KIND_NAMES } from './ledger-kinds.ts';

/** How a ledger list may be sorted; `newest` (by 创建时间) is the default. */
export const LEDGER_SORTS = ['newest', 'oldest', 'due', 'next_report', 'title'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/**
 * The filters of the ledger list, shared by `GET /api/ledger/items` and its export
 * `GET /api/ledger/items.xlsx`, so that the file holds what the page shows.
 */
export const ledgerFilterShape = {
  kind: z.enum(LEDGER_KIND_NAMES).optional(),
  state: z.enum(['open', 'crossed_off']).optional(),
  unitId: z.uuid().optional(),
  sourceType: z.string().min(1).max(60).optional(),
  sourceId: z.uuid().optional(),
  /** Part of the title. */
  q: z.string().trim().min(1).max(50).optional(),
  /** R8, S5: only items owing something past its date (a report, or the item itself). */
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(LEDGER_SORTS).optional(),
};

export const ledgerListQuery = z.strictObject({
  ...ledgerFilterShape,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ledgerExportQuery = z.strictObject(ledgerFilterShape);
export type LedgerFilters = z.infer<typeof ledgerExportQuery>;

/** What sorting needs of an item, as the list presents it (ISO times with an offset). */
interface Sortable {
  title: string;
  createdAt: string;
  dueAt: string | null;
  clocks: { nextReportDueAt: string | null };
}

const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

/**
 * The page's order: newest or oldest first, the item's due time or the next report's (the
 * soonest first, those without one last), or the title by pinyin; ties newest first.
 */
export function sortLedgerItems<T extends Sortable>(items: readonly T[], sort: LedgerSort): T[] {
  const newest = (a: T, b: T) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
  const soonest = (at: (item: T) => string | null) => (a: T, b: T) => {
    const [x, y] = [time(at(a)), time(at(b))];
    return x === y ? 0 : x < y ? -1 : 1;
  };
  const compare: Record<LedgerSort, (a: T, b: T) => number> = {
    newest,
    oldest: (a, b) => -newest(a, b),
    due: soonest((item) => item.dueAt),
    next_report: soonest((item) => item.clocks.nextReportDueAt),
    title: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
  };
  return [...items].sort((a, b) => compare[sort](a, b) || newest(a, b));
}
