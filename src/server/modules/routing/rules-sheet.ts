import ExcelJS from 'exceljs';
import { parseSheetDate, readSheet } from '../../lib/read-sheet.ts';
import type { Principle } from './routing.tables.ts';

/** The sheet the export writes and the import reads (docs/IMPORT.md). */
export const RULES_SHEET = '权责清单';

/** A file with more rules than this is refused whole: the import is one transaction. */
export const MAX_RULE_ROWS = 5000;

/** The columns in the order the export writes them, by the header text that errors name. */
export const RULE_COLUMNS = {
  categoryGroup: '事项大类',
  categoryCode: '事项类别',
  categoryName: '事项名称',
  areaCode: '适用范围',
  areaName: '适用范围名称',
  leadCode: '牵头单位',
  leadName: '牵头单位名称',
  cooperatingCodes: '配合单位',
  principle: '确定方式',
  basis: '依据',
  fallback: '属地兜底',
  validFrom: '生效日期',
  validTo: '失效日期',
} as const;
export type RuleField = keyof typeof RULE_COLUMNS;
export type RuleColumn = (typeof RULE_COLUMNS)[RuleField];
const FIELDS = Object.keys(RULE_COLUMNS) as RuleField[];

/** The columns the import reads; the name columns are there for people and not read. */
export const IMPORTED_FIELDS: readonly RuleField[] = [
  'categoryCode',
  'areaCode',
  'leadCode',
  'cooperatingCodes',
  'principle',
  'basis',
  'fallback',
  'validFrom',
  'validTo',
];
const DATE_FIELDS: readonly RuleField[] = ['validFrom', 'validTo'];

/** R1's three ways of deciding responsibility, as the sheet writes them. */
export const PRINCIPLE_LABELS: Record<Principle, string> = {
  statutory: '法定',
  negotiated: '商定',
  designated: '指定',
};

/** Separators people put between cooperating units' codes; the export writes 、. */
export const CODE_SEPARATOR = /[、,，;；\s]+/;

/** One problem, at a spreadsheet row (1 = the header) and a column named by its header. */
export interface RuleImportIssue {
  row: number;
  column: RuleColumn;
  /** Stable code: the API's own (UNKNOWN_CATEGORY, BAD_AREA, RULE_OVERLAP…) where there is one. */
  code: string;
  message: string;
  message_en: string;
}

/** One data row as trimmed text; a date cell is already `YYYY-MM-DD`. */
export type RuleSheetRow = Record<RuleField, string> & { row: number };

/** A row of the export: text, dates as `YYYY-MM-DD` (Asia/Shanghai) or empty. */
export type RuleSheetEntry = Record<RuleField, string>;

/** Re-exported for the import's own date check. */
export { parseSheetDate as parseSheetDay };

/**
 * Reads the 权责清单 sheet (readSheet: headers in row 1 in any order, every imported
 * column present, the name columns and any others ignored, blank rows skipped).
 * Throws 400 BAD_FILE for a file that is not an .xlsx workbook or lacks the sheet or a header.
 */
export async function readRulesSheet(
  content: Uint8Array,
): Promise<{ rows: RuleSheetRow[]; issues: RuleImportIssue[] }> {
  const { rows, problems } = await readSheet({
    content,
    sheet: RULES_SHEET,
    columns: RULE_COLUMNS,
    read: IMPORTED_FIELDS,
    maxRows: MAX_RULE_ROWS,
    kindOf: (field) => (DATE_FIELDS.includes(field) ? 'date' : 'text'),
  });
  return {
    rows,
    issues: problems.map((p) => ({
      row: p.row,
      column: p.column,
      code: 'BAD_CELL',
      message: p.zh,
      message_en: p.en,
    })),
  };
}

const WIDTHS: Record<RuleField, number> = {
  categoryGroup: 12,
  categoryCode: 22,
  categoryName: 16,
  areaCode: 16,
  areaName: 18,
  leadCode: 16,
  leadName: 28,
  cooperatingCodes: 28,
  principle: 10,
  basis: 48,
  fallback: 10,
  validFrom: 12,
  validTo: 12,
};

/**
 * The 权责清单 workbook: Chinese headers in bold on a frozen first row, set widths, codes
 * as text (so a unit code stays `370782`, not a number), dates as date cells shown
 * `yyyy-mm-dd`, and a filter on the headers.
 */
export async function writeRulesSheet(entries: RuleSheetEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(RULES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = FIELDS.map((field) => ({
    header: RULE_COLUMNS[field],
    key: field,
    width: WIDTHS[field],
    style: { numFmt: DATE_FIELDS.includes(field) ? 'yyyy-mm-dd' : '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    const day = (text: string) => {
      const [y, m, d] = text.split('-').map(Number);
      return text ? new Date(Date.UTC(y as number, (m as number) - 1, d)) : null;
    };
    sheet.addRow({ ...entry, validFrom: day(entry.validFrom), validTo: day(entry.validTo) });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FIELDS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
