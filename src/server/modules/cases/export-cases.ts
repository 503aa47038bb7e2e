import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { EXPORT_ROW_LIMIT, takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import { type Actor, scopeOf } from '../auth/index.ts';
import { listCategories } from '../routing/index.ts';
import { CASE_STATES, type CaseState } from './case-flow.ts';
import { type CaseFilters, listQueryOf, sortCaseRows } from './case-list-query.ts';
import { caseColumns, STATE_LABELS } from './case-sheet.ts';
import { presentListItem } from './case-view.ts';
import { listCases, nextDutiesOf, unitsById } from './cases.repository.ts';

export interface ExportCasesOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** The list's filters and sort, exactly as `GET /api/cases` takes them. */
  filters: CaseFilters;
  /** The case page's address for an id (the sheet links every case). */
  link(id: string): string;
}

const SORT_LABELS = {
  newest: '发起时间（新→旧）',
  oldest: '发起时间（旧→新）',
  number: '编号',
  state: '状态',
  category: '类别',
  due: '时限（最紧急在前）',
} as const;

/**
 * 我的工作 as an .xlsx workbook (sheet 案件列表): the cases `GET /api/cases` lists for the
 * caller with the same filters — the same `case.read` scope (or only their own calls with
 * `mine=true`) and the same masking of personal numbers (`presentCase`) — sorted like the
 * page, at most EXPORT_ROW_LIMIT of the newest, the cut stated in the sheet.
 */
export async function exportCases(options: ExportCasesOptions): Promise<Buffer> {
  const { db, actor, filters } = options;
  const found = await listCases(
    db,
    listQueryOf(filters, { id: actor.id, scope: scopeOf(actor, 'case.read') }, EXPORT_ROW_LIMIT + 1),
  );
  const { rows, capped } = takeRows(found);
  const categories = new Map((await listCategories(db)).map((c) => [c.code, c]));
  const next = await nextDutiesOf(
    db,
    rows.map((row) => row.id),
  );
  const sorted = sortCaseRows(
    rows,
    filters.sort ?? 'newest',
    (code) => categories.get(code)?.nameZh ?? code,
    (id) => next.get(id)?.dueAt ?? null,
  );
  const units = await unitsById(
    db,
    sorted.flatMap((c) => [c.gridId, c.townshipId, c.leadUnitId]),
  );
  const category = filters.category ? categories.get(filters.category) : undefined;
  const stateNames = filters.state
    ?.split(',')
    .map((s) => (Object.hasOwn(CASE_STATES, s) ? STATE_LABELS[s as CaseState] : s))
    .join('、');
  return writeListSheet({
    sheet: '案件列表',
    columns: caseColumns({ categories, units, link: options.link }),
    rows: sorted.map((row) => presentListItem(row, next.get(row.id))),
    capped,
    filters: [
      ['范围', filters.mine === 'true' ? '我发起的' : '我的权限范围内的案件'],
      ['状态', stateNames || '全部'],
      ['事项类别', category ? `${category.nameZh}（${category.code}）` : (filters.category ?? '全部')],
      ['发起日期', filters.from || filters.to ? `${filters.from ?? '…'} 至 ${filters.to ?? '…'}` : '不限'],
      ['搜索', filters.q ?? '无'],
      ['排序', SORT_LABELS[filters.sort ?? 'newest']],
    ],
    exportedAt: options.clock.now(),
    exportedBy: actor.displayName,
  });
}
