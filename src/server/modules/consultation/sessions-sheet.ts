import type { z } from 'zod';
import { takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import type { SessionState } from './consultation.tables.ts';
import type { sessionView } from './consultation.views.ts';
import type { SessionsFilters } from './list-sessions.ts';

type SessionView = z.infer<typeof sessionView>;

/** The page's words (web i18n `sessionState.*`, `sessionKind.*`). */
export const SESSION_STATE_LABELS: Record<SessionState, string> = {
  collecting: '征集中',
  agenda_fixed: '议程已确定',
  held: '已召开',
  minutes_issued: '纪要已印发',
};
export const SESSION_KIND_LABELS = { monthly: '月度会商', extra: '临时会商' } as const;

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/** R2–R7: 会商研判 as an .xlsx workbook (sheet 会商列表): the sessions the list shows, with a link to each. */
export function writeSessionsSheet(options: {
  sessions: readonly SessionView[];
  areaName: string;
  filters: SessionsFilters;
  link(id: string): string;
  exportedAt: Date;
  exportedBy: string;
}): Promise<Buffer> {
  const { rows, capped } = takeRows(options.sessions);
  const kind = (k: string) => SESSION_KIND_LABELS[k as keyof typeof SESSION_KIND_LABELS] ?? k;
  return writeListSheet({
    sheet: '会商列表',
    columns: [
      { header: '标题', width: 36, value: (s) => ({ text: s.title, hyperlink: options.link(s.id) }) },
      { header: '类别', width: 10, value: (s) => kind(s.kind) },
      { header: '月份', width: 10, value: (s) => s.month },
      { header: '状态', width: 12, value: (s) => SESSION_STATE_LABELS[s.state as SessionState] ?? s.state },
      { header: '会议时间', width: 17, type: 'time', value: (s) => at(s.meetingAt) },
      { header: '地点', width: 24, value: (s) => s.location },
      { header: '参会单位数', width: 10, type: 'number', value: (s) => s.attendance.length },
      { header: '召开时间', width: 17, type: 'time', value: (s) => at(s.heldAt) },
      { header: '纪要印发时间', width: 17, type: 'time', value: (s) => at(s.minutesIssuedAt) },
      { header: '创建时间', width: 17, type: 'time', value: (s) => at(s.createdAt) },
    ],
    rows,
    capped,
    filters: [
      ['地区', options.areaName],
      ['类别', options.filters.kind ? kind(options.filters.kind) : '全部'],
      ['状态', options.filters.state ? SESSION_STATE_LABELS[options.filters.state] : '全部'],
      ['排序', '创建时间（新→旧）'],
    ],
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
  });
}
