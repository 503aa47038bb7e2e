import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { containsPattern } from '../../lib/list-query.ts';
import { EXPORT_ROW_LIMIT, type SheetColumn, takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import type { Actor } from '../auth/index.ts';
import { type ledgerItemView, presentItems } from './ledger.views.ts';
import type { LedgerKindName } from './ledger-kinds.ts';
import { type LedgerFilters, type LedgerSort, sortLedgerItems } from './ledger-list-query.ts';
import { listLedgerItems } from './list-ledger-items.ts';

type ItemView = z.infer<typeof ledgerItemView>;

/** The page's words (web i18n `ledgerKind.*`, `ledgerState.*`). */
export const KIND_LABELS: Record<LedgerKindName, string> = {
  consultation: '会商议定事项',
  supervision: '督查事项',
  meeting: '会议议定事项',
  documents: '发文清单',
};
export const STATE_LABELS = { open: '落实中', crossed_off: '已销号' } as const;

const SORT_LABELS: Record<LedgerSort, string> = {
  newest: '创建时间（新→旧）',
  oldest: '创建时间（旧→新）',
  due: '办结期限（近→远）',
  next_report: '下次报告（近→远）',
  title: '标题',
};

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/** The columns of 台账事项: what the list carries, with a link to each item's page. */
function columns(link: (id: string) => string): SheetColumn<ItemView>[] {
  return [
    { header: '标题', width: 36, value: (i) => ({ text: i.title, hyperlink: link(i.id) }) },
    { header: '台账类别', width: 14, value: (i) => KIND_LABELS[i.kind] },
    { header: '牵头单位', width: 22, value: (i) => i.lead.name },
    { header: '配合单位', width: 30, value: (i) => i.cooperating.map((u) => u.name).join('、') },
    { header: '状态', width: 10, value: (i) => STATE_LABELS[i.state] },
    { header: '办结期限', width: 17, type: 'time', value: (i) => at(i.dueAt) },
    { header: '下次报告截止', width: 17, type: 'time', value: (i) => at(i.clocks.nextReportDueAt) },
    { header: '逾期未报次数', width: 12, type: 'number', value: (i) => i.clocks.overdueReports },
    { header: '迟报次数', width: 10, type: 'number', value: (i) => i.clocks.lateReports },
    { header: '事项逾期', width: 10, value: (i) => (i.clocks.completionOverdue ? '是' : '否') },
    { header: '重新打开次数', width: 12, type: 'number', value: (i) => i.reopened },
    { header: '创建时间', width: 17, type: 'time', value: (i) => at(i.createdAt) },
    { header: '创建人', width: 10, value: (i) => i.createdBy?.name },
    { header: '销号时间', width: 17, type: 'time', value: (i) => at(i.crossedOffAt) },
    { header: '销号人', width: 10, value: (i) => i.crossedOffBy?.name },
    { header: '内容', width: 60, value: (i) => i.content },
  ];
}

/**
 * 台账 as an .xlsx workbook (sheet 台账事项): the items `GET /api/ledger/items` lists for the
 * caller with the same filters and `ledger.read` scope, sorted like the page, at most
 * EXPORT_ROW_LIMIT of the newest, the cut stated in the sheet (R7, S8: the ledger people
 * keep on paper).
 */
export async function exportLedgerItems(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  filters: LedgerFilters;
  link(id: string): string;
}): Promise<Buffer> {
  const { db, filters } = options;
  const { sourceType, sourceId, q, overdue, sort, ...query } = filters;
  const found = await listLedgerItems({
    db,
    actor: options.actor,
    query: {
      ...query,
      source: sourceType ? { type: sourceType, id: sourceId } : undefined,
      search: q ? containsPattern(q) : undefined,
      overdue: overdue === 'true',
      limit: EXPORT_ROW_LIMIT + 1,
    },
  });
  const { rows, capped } = takeRows(found);
  const items = sortLedgerItems(await presentItems(db, rows), sort ?? 'newest');
  return writeListSheet({
    sheet: '台账事项',
    columns: columns(options.link),
    rows: items,
    capped,
    filters: [
      ['台账类别', filters.kind ? KIND_LABELS[filters.kind] : '全部'],
      ['状态', filters.state ? STATE_LABELS[filters.state] : '全部'],
      ['只看逾期', overdue === 'true' ? '是' : '否'],
      ['搜索', q ?? '无'],
      ['排序', SORT_LABELS[sort ?? 'newest']],
    ],
    exportedAt: options.clock.now(),
    exportedBy: options.actor.displayName,
  });
}
