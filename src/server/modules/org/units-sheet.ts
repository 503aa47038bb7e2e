import type { z } from 'zod';
import { takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import { KIND_LABELS } from './import-people.ts';
import type { GridType, OrgKind } from './org.tables.ts';
import type { unitView } from './org.views.ts';

type UnitView = z.infer<typeof unitView>;

/** The page's words (web i18n `org.gridType.*`). */
export const GRID_TYPE_LABELS: Record<GridType, string> = {
  village_group: '村民小组',
  compound: '居民小区',
  block: '街巷片区',
  public_unit: '机关企事业单位',
};

/**
 * G1, G2: 组织机构 as an .xlsx workbook (sheet 组织机构): the units `GET /api/org/units` lists
 * for the reader — code, name, kind, grid type, level and parent — in the list's order (by
 * level, then code), at most EXPORT_ROW_LIMIT.
 */
export function writeUnitsSheet(options: {
  units: readonly UnitView[];
  filters: { q?: string | undefined; kind?: OrgKind | undefined };
  exportedAt: Date;
  exportedBy: string;
}): Promise<Buffer> {
  const { rows, capped } = takeRows(options.units);
  const byId = new Map(options.units.map((u) => [u.id, u]));
  const parent = (u: UnitView) => (u.parentId ? byId.get(u.parentId) : undefined);
  return writeListSheet({
    sheet: '组织机构',
    columns: [
      { header: '编码', width: 20, value: (u) => u.code },
      { header: '名称', width: 24, value: (u) => u.name },
      { header: '全称', width: 36, value: (u) => u.fullName },
      { header: '类型', width: 14, value: (u) => KIND_LABELS[u.kind as OrgKind] ?? u.kind },
      {
        header: '网格类型',
        width: 16,
        value: (u) => (u.gridType ? GRID_TYPE_LABELS[u.gridType as GridType] : ''),
      },
      { header: '层级', width: 6, type: 'number', value: (u) => u.level },
      // A parent outside the reader's scope (or the list) is left blank: the list does not show it.
      { header: '上级编码', width: 20, value: (u) => parent(u)?.code },
      { header: '上级名称', width: 24, value: (u) => parent(u)?.name },
      {
        header: '网格边界',
        width: 10,
        value: (u) => (u.kind === 'grid' ? (u.hasBoundary ? '有' : '无') : ''),
      },
    ],
    rows,
    capped,
    filters: [
      ['名称或编码', options.filters.q ?? '不限'],
      ['类型', options.filters.kind ? KIND_LABELS[options.filters.kind] : '全部'],
      ['排序', '层级、编码'],
    ],
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
  });
}
