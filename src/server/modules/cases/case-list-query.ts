import { z } from 'zod';
import {
  containsPattern,
  dayParam,
  daysInOrder,
  shanghaiDayEnd,
  shanghaiDayStart,
} from '../../lib/list-query.ts';
import { CASE_STATES, type CaseState } from './case-flow.ts';
import type { CaseRow, ListCasesQuery } from './cases.repository.ts';

/**
 * How a case list may be sorted; `newest` (by 发起时间) is the default. `due`: by the
 * clock — the case whose next duty falls due first on top (overdue ones first of all),
 * cases with no duty running last.
 */
export const CASE_SORTS = ['newest', 'oldest', 'number', 'state', 'category', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const isState = (s: string): s is CaseState => Object.hasOwn(CASE_STATES, s);

/**
 * The filters of a case list, shared by `GET /api/cases` and its export `GET /api/cases.xlsx`
 * so that the file holds what the page shows. `state` takes one state or several separated
 * by commas (the 待我处理 tab's states); an unknown one is a 400 naming `state`.
 */
export const caseFilterShape = {
  state: z
    .string()
    .max(400)
    .refine((text) => text.split(',').every(isState), { error: 'unknown case state' })
    .optional(),
  /** Only the calls I raised. */
  mine: z.enum(['true', 'false']).optional(),
  /** A category code: a 大类 (`safety`) takes its 小类 (`safety.housing`). */
  category: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { error: 'expected a category code' })
    .max(100)
    .optional(),
  /** Raised on or after this day (Asia/Shanghai). */
  from: dayParam.optional(),
  /** Raised on or before this day (Asia/Shanghai). */
  to: dayParam.optional(),
  /** Part of the case number or of the address. */
  q: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(CASE_SORTS).optional(),
};

export const caseListQuery = daysInOrder(
  z.strictObject({ ...caseFilterShape, limit: z.coerce.number().int().min(1).max(500).default(100) }),
);

export const caseExportQuery = daysInOrder(z.strictObject(caseFilterShape));

export type CaseFilters = z.infer<typeof caseExportQuery>;

/** The repository's query for these filters: `mine` reads every scope but only my calls. */
export function listQueryOf(
  filters: CaseFilters,
  caller: { id: string; scope: string[] },
  limit: number,
): ListCasesQuery {
  const mine = filters.mine === 'true';
  return {
    scope: mine ? ['/'] : caller.scope,
    states: filters.state ? filters.state.split(',') : undefined,
    raisedBy: mine ? caller.id : undefined,
    category: filters.category,
    createdFrom: filters.from ? shanghaiDayStart(filters.from) : undefined,
    createdBefore: filters.to ? shanghaiDayEnd(filters.to) : undefined,
    search: filters.q ? containsPattern(filters.q) : undefined,
    limit,
  };
}

const STATE_ORDER = Object.keys(CASE_STATES);

/**
 * The web's order (features/cases/case-list.ts): by 发起时间 (newest first by default),
 * number, state in the order of the flow, category name by pinyin, or the next duty's due
 * time; ties newest first.
 */
export function sortCaseRows(
  rows: readonly CaseRow[],
  sort: CaseSort,
  categoryName: (code: string) => string,
  /** The due time of the case's next duty (`due`), or null when none runs. */
  nextDue: (id: string) => Date | null = () => null,
) {
  const newest = (a: CaseRow, b: CaseRow) => b.createdAt.getTime() - a.createdAt.getTime();
  const dueTime = (row: CaseRow) => nextDue(row.id)?.getTime() ?? Number.POSITIVE_INFINITY;
  const compare: Record<CaseSort, (a: CaseRow, b: CaseRow) => number> = {
    newest,
    oldest: (a, b) => -newest(a, b),
    number: (a, b) => a.number.localeCompare(b.number),
    state: (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state),
    category: (a, b) => categoryName(a.category).localeCompare(categoryName(b.category), 'zh-CN'),
    // Infinity − Infinity is NaN: two cases without a clock tie.
    due: (a, b) => dueTime(a) - dueTime(b) || 0,
  };
  return [...rows].sort((a, b) => compare[sort](a, b) || newest(a, b));
}
