import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
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

const badFile = (zh: string, en: string) => new AppError({ status: 400, code: 'BAD_FILE', zh, en });

const pad = (n: number) => String(n).padStart(2, '0');
const isoOfUtc = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A date as people type it: 2026-09-01, 2026/9/1, 2026.9.1 or 2026年9月1日 → 'YYYY-MM-DD';
 * null when it is not a real date.
 */
export function parseSheetDay(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return isoOfUtc(date);
}

type CellRead = { text: string } | { problem: { zh: string; en: string } };

/** A cell as text: rich text joined, formulas by their result, date cells and day serials as dates. */
function cellText(value: ExcelJS.CellValue, isDate: boolean): CellRead {
  if (value === null || value === undefined) return { text: '' };
  // exceljs gives a date cell as UTC midnight of the day shown.
  if (value instanceof Date) return { text: isoOfUtc(value) };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'number') {
    // Excel's 1900 day serial, valid from 1900-03-01.
    if (isDate)
      return Number.isInteger(value) && value >= 61 && value <= 2_958_465
        ? { text: isoOfUtc(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000)) }
        : { problem: { zh: '日期无法识别', en: 'The date cannot be read' } };
    return { text: Number.isSafeInteger(value) ? value.toFixed(0) : String(value) };
  }
  if ('error' in value)
    return {
      problem: { zh: `单元格为错误值 ${value.error}`, en: `The cell holds the error ${value.error}` },
    };
  if ('richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)))
      return { problem: { zh: '公式没有可用的结果', en: 'The formula has no usable result' } };
    return cellText(result as ExcelJS.CellValue, isDate);
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text.trim() };
  return { problem: { zh: '单元格内容无法识别', en: 'The cell cannot be read' } };
}

/** Header text as people write it: spaces and a required-mark star do not matter. */
const normaliseHeader = (text: string) => text.replace(/\s+/g, '').replace(/^\*|\*$/g, '');

/**
 * Reads the 权责清单 sheet. Row 1 holds the headers in any order; every column the import
 * reads must be there (a misspelt header would otherwise drop its column silently); the
 * name columns and any others are ignored, blank rows skipped.
 * Throws 400 BAD_FILE for a file that is not an .xlsx workbook or lacks the sheet or a header.
 */
export async function readRulesSheet(
  content: Uint8Array,
): Promise<{ rows: RuleSheetRow[]; issues: RuleImportIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw badFile('文件不是有效的 .xlsx 工作簿', 'The file is not a valid .xlsx workbook');
  }
  const sheet = workbook.worksheets.find((s) => s.name.trim() === RULES_SHEET);
  if (!sheet) {
    const names = workbook.worksheets.map((s) => s.name).join('、') || '无';
    throw badFile(
      `工作簿中没有名为“${RULES_SHEET}”的工作表（现有：${names}）`,
      `The workbook has no sheet named "${RULES_SHEET}" (found: ${names})`,
    );
  }
  const byHeader = new Map<string, RuleField>(FIELDS.map((f) => [RULE_COLUMNS[f], f]));
  const columnOf = new Map<RuleField, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const read = cellText(cell.value, false);
    const field = 'text' in read ? byHeader.get(normaliseHeader(read.text)) : undefined;
    if (!field) return;
    if (columnOf.has(field))
      throw badFile(
        `表头“${RULE_COLUMNS[field]}”出现了两次`,
        `The header "${RULE_COLUMNS[field]}" appears twice`,
      );
    columnOf.set(field, column);
  });
  const missing = IMPORTED_FIELDS.filter((f) => !columnOf.has(f)).map((f) => RULE_COLUMNS[f]);
  if (missing.length > 0)
    throw badFile(
      `“${RULES_SHEET}”工作表第 1 行缺少表头：${missing.join('、')}`,
      `Row 1 of the "${RULES_SHEET}" sheet lacks the header(s): ${missing.join(', ')}`,
    );
  if (sheet.actualRowCount - 1 > MAX_RULE_ROWS)
    throw badFile(
      `数据行超过 ${MAX_RULE_ROWS} 行，请拆分后分批导入`,
      `More than ${MAX_RULE_ROWS} data rows; split the file`,
    );

  const rows: RuleSheetRow[] = [];
  const issues: RuleImportIssue[] = [];
  sheet.eachRow((sheetRow, number) => {
    if (number === 1) return;
    const row = { row: number, ...Object.fromEntries(FIELDS.map((f) => [f, ''])) } as RuleSheetRow;
    const rowIssues: RuleImportIssue[] = [];
    for (const field of IMPORTED_FIELDS) {
      const column = columnOf.get(field) as number;
      const read = cellText(sheetRow.getCell(column).value, DATE_FIELDS.includes(field));
      if ('text' in read) row[field] = read.text;
      else
        rowIssues.push({
          row: number,
          column: RULE_COLUMNS[field],
          code: 'BAD_CELL',
          message: read.problem.zh,
          message_en: read.problem.en,
        });
    }
    // A row of blank cells (formatting only, a deleted row's remains) is no row.
    if (rowIssues.length === 0 && IMPORTED_FIELDS.every((f) => !row[f])) return;
    rows.push(row);
    issues.push(...rowIssues);
  });
  return { rows, issues };
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
