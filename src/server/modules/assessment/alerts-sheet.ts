import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import { orgUnits, ROLE_LABELS } from '../org/index.ts';
import type { AlertKind, presentAlert } from './alerts.ts';

type AlertView = ReturnType<typeof presentAlert>;

/** The page's words (web i18n `alertKind.*`). */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  commendation: '通报表扬',
  warning: '通报预警',
  interview: '约谈',
  referral: '移交问责',
  key_case: '重点督办',
  trace: '逐级倒查',
};

/**
 * A3–A6: 预警问责 as an .xlsx workbook (sheet 预警问责): the alerts the list shows under the
 * area — kind, unit, its head (A5), reason and rule, when, and whether and how it was closed.
 */
export async function writeAlertsSheet(options: {
  db: Db;
  alerts: readonly AlertView[];
  filters: { area: string; kind?: AlertKind | undefined; state?: 'open' | 'closed' | undefined };
  exportedAt: Date;
  exportedBy: string;
}): Promise<Buffer> {
  const { rows, capped } = takeRows(options.alerts);
  const ids = [...new Set([options.filters.area, ...rows.flatMap((a) => (a.unitId ? [a.unitId] : []))])];
  const units = new Map(
    (
      await options.db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(inArray(orgUnits.id, ids))
    ).map((u) => [u.id, u.name]),
  );
  const unitName = (a: AlertView) =>
    (typeof a.details.unitName === 'string' ? a.details.unitName : null) ??
    (a.unitId ? units.get(a.unitId) : '');
  const post = (code: string) => ROLE_LABELS[code as keyof typeof ROLE_LABELS] ?? code;
  return writeListSheet({
    sheet: '预警问责',
    columns: [
      { header: '类别', width: 10, value: (a) => ALERT_KIND_LABELS[a.kind as AlertKind] ?? a.kind },
      { header: '单位', width: 24, value: unitName },
      { header: '负责人', width: 20, value: (a) => (a.head ? `${a.head.name}（${post(a.head.post)}）` : '') },
      { header: '理由', width: 50, value: (a) => a.reason },
      { header: '规则', width: 8, value: (a) => a.ruleId },
      { header: '生成时间', width: 17, type: 'time', value: (a) => new Date(a.createdAt) },
      { header: '状态', width: 10, value: (a) => (a.closedAt ? '已办结' : '未办结') },
      {
        header: '办结时间',
        width: 17,
        type: 'time',
        value: (a) => (a.closedAt ? new Date(a.closedAt) : null),
      },
      { header: '办结说明', width: 40, value: (a) => a.closingNote },
      { header: '依据', width: 60, value: (a) => JSON.stringify(a.details) },
    ],
    rows,
    capped,
    filters: [
      ['考核范围', units.get(options.filters.area) ?? options.filters.area],
      ['类别', options.filters.kind ? ALERT_KIND_LABELS[options.filters.kind] : '全部'],
      [
        '状态',
        options.filters.state === 'open' ? '未办结' : options.filters.state === 'closed' ? '已办结' : '全部',
      ],
      ['排序', '生成时间（新→旧）'],
    ],
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
  });
}
