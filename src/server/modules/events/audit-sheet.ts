import { writeListSheet } from '../../lib/list-sheet.ts';
import type { EventFilters } from './audit.routes.ts';

/** An event as the audit page lists it. */
export interface AuditEventView {
  id: string;
  stream: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorOrgId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  payload: unknown;
}

/**
 * The audit trail as an .xlsx workbook (sheet 审计日志): what the audit page lists, newest
 * first, each event with its chain position and its payload as JSON (personal numbers in it
 * are masked when the event is written).
 */
export function writeAuditSheet(options: {
  events: readonly AuditEventView[];
  /** More events matched than the export holds (the rest are older: export again with `before`). */
  capped: boolean;
  filters: EventFilters;
  exportedAt: Date;
  exportedBy: string;
}): Promise<Buffer> {
  return writeListSheet({
    sheet: '审计日志',
    columns: [
      { header: '事件编号', width: 10, value: (e) => e.id },
      { header: '时间', width: 17, type: 'time', value: (e) => new Date(e.occurredAt) },
      { header: '事件类型', width: 26, value: (e) => e.kind },
      { header: '对象类型', width: 16, value: (e) => e.subjectType },
      { header: '对象', width: 38, value: (e) => e.subjectId },
      { header: '操作人', width: 12, value: (e) => e.actorName ?? (e.actorId ? '' : '系统') },
      { header: '操作人 ID', width: 38, value: (e) => e.actorId },
      { header: '操作单位 ID', width: 38, value: (e) => e.actorOrgId },
      { header: '链', width: 14, value: (e) => e.stream },
      { header: '链内序号', width: 10, type: 'number', value: (e) => e.seq },
      { header: '内容', width: 80, value: (e) => JSON.stringify(e.payload) },
    ],
    rows: options.events,
    capped: options.capped,
    filters: [
      ['事件类型', options.filters.kind ?? '全部'],
      [
        '对象',
        options.filters.subjectType
          ? `${options.filters.subjectType} ${options.filters.subjectId ?? ''}`.trim()
          : '全部',
      ],
      ['操作人', options.filters.actorId ?? '全部'],
      [
        '日期',
        options.filters.from || options.filters.to
          ? `${options.filters.from ?? '…'} 至 ${options.filters.to ?? '…'}`
          : '不限',
      ],
      ['早于事件', options.filters.before ?? '—'],
      ['排序', '时间（新→旧）'],
    ],
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
  });
}
