import { takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import type { CategoryRow } from './categories.repository.ts';
import type { SlaClass } from './routing.tables.ts';

/** C9, C10: the SLA classes in words, as the catalogue page names them. */
export const SLA_NAMES: Record<SlaClass, string> = {
  livelihood: '民生类',
  simple: '简易类',
  general: '一般类',
  complex: '复杂类',
};

/**
 * C2: the category catalogue as an .xlsx workbook (sheet 事项类别): each 大类 then its 小类,
 * in the catalogue's order, with names in both languages, SLA class, keywords and state.
 */
export function writeCategoriesSheet(options: {
  categories: readonly CategoryRow[];
  withRetired: boolean;
  exportedAt: Date;
  exportedBy: string;
}): Promise<Buffer> {
  const groups = options.categories.filter((c) => c.parentCode === null);
  const ordered = groups.flatMap((group) => [
    group,
    ...options.categories.filter((c) => c.parentCode === group.code),
  ]);
  const { rows, capped } = takeRows(ordered);
  return writeListSheet({
    sheet: '事项类别',
    columns: [
      { header: '层级', width: 6, value: (c) => (c.parentCode === null ? '大类' : '小类') },
      { header: '编码', width: 24, value: (c) => c.code },
      { header: '名称', width: 16, value: (c) => c.nameZh },
      { header: '英文名称', width: 24, value: (c) => c.nameEn },
      { header: '所属大类', width: 12, value: (c) => c.parentCode },
      { header: '时限类别', width: 10, value: (c) => (c.slaClass ? SLA_NAMES[c.slaClass] : '') },
      { header: '关键词', width: 30, value: (c) => c.keywords },
      { header: '状态', width: 8, value: (c) => (c.retiredAt ? '已停用' : '在用') },
      { header: '停用时间', width: 17, type: 'time', value: (c) => c.retiredAt },
    ],
    rows,
    capped,
    filters: [['包括已停用', options.withRetired ? '是' : '否']],
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
  });
}
