import ExcelJS from 'exceljs';
import { AppError } from '../core/errors.ts';

/**
 * Reading one sheet of an uploaded .xlsx file as text, the same way for every import
 * (people, the responsibility catalogue): headers in row 1 in any order, cells as text,
 * dates as `YYYY-MM-DD`, each unreadable cell reported with its row and column.
 */

/** How a column's cells are read. */
export type CellKind =
  /** As text: rich text joined, formulas by their result, whole numbers without exponent. */
  | 'text'
  /** A day: a date cell, Excel's day serial or typed text (parseSheetDate checks the text later). */
  | 'date'
  /** An 18-character ID number: a number cell has lost its last digits and is refused. */
  | 'id-number';

export interface SheetCellProblem<C extends string = string> {
  /** The spreadsheet row number. */
  row: number;
  /** The column's header. */
  column: C;
  zh: string;
  en: string;
}

export interface ReadSheetOptions<F extends string, C extends string> {
  content: Uint8Array;
  /** The sheet's name (spaces around it do not matter). */
  sheet: string;
  /** Each field's header. */
  columns: Record<F, C>;
  /** The fields read; each header must be present. Default: every field of `columns`. */
  read?: readonly F[];
  maxRows: number;
  kindOf?: (field: F) => CellKind;
}

export interface SheetRead<F extends string, C extends string> {
  /** Each data row that is not blank, every read field as trimmed text ('' when empty). */
  rows: (Record<F, string> & { row: number })[];
  problems: SheetCellProblem<C>[];
}

const badFile = (zh: string, en: string) => new AppError({ status: 400, code: 'BAD_FILE', zh, en });

const pad = (n: number) => String(n).padStart(2, '0');
const isoOfUtc = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A date as people type it: 2026-09-01, 2026/9/1, 2026.9.1 or 2026年9月1日 → 'YYYY-MM-DD';
 * null when it is not a real date. Excel date cells arrive as `Date` and never get here.
 */
export function parseSheetDate(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return isoOfUtc(date);
}

/** Excel's day serial (1900 system, valid from 1900-03-01) → 'YYYY-MM-DD'. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  return isoOfUtc(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

type CellRead = { text: string } | { problem: { zh: string; en: string } };

/** A cell's value as text, read as `kind` says. */
export function cellText(value: ExcelJS.CellValue, kind: CellKind): CellRead {
  if (value === null || value === undefined) return { text: '' };
  // exceljs gives a date cell as UTC midnight of the day shown.
  if (value instanceof Date) return { text: kind === 'date' ? isoOfUtc(value) : value.toISOString() };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'number') {
    // 18 digits do not fit a double: Excel has already replaced the last ones.
    if (kind === 'id-number')
      return {
        problem: {
          zh: '身份证号码被保存为数字，末几位已丢失；请将该列设为文本后重新填写',
          en: 'The ID number was stored as a number and lost its last digits; format the column as text and enter it again',
        },
      };
    if (kind === 'date') {
      const date = excelSerialDate(value);
      return date ? { text: date } : { problem: { zh: '日期无法识别', en: 'The date cannot be read' } };
    }
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
    return cellText(result as ExcelJS.CellValue, kind);
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text.trim() };
  return { problem: { zh: '单元格内容无法识别', en: 'The cell cannot be read' } };
}

/** Header text as people write it: spaces and a required-mark star do not matter. */
const normaliseHeader = (text: string) => text.replace(/\s+/g, '').replace(/^\*|\*$/g, '');

/** Opens an uploaded workbook; 400 BAD_FILE when it is not one. */
export async function loadWorkbook(content: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer; wrapping shares the bytes, no copy.
    await workbook.xlsx.load(
      Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw badFile('文件不是有效的 .xlsx 工作簿', 'The file is not a valid .xlsx workbook');
  }
  return workbook;
}

/**
 * Reads one sheet. Every header of the fields read must be in row 1 (a misspelt header
 * would otherwise drop its column silently); other columns are ignored, blank rows
 * skipped. Throws 400 BAD_FILE for a file that is not an .xlsx workbook, lacks the sheet
 * or a header, repeats a header or has more than `maxRows` data rows.
 */
export async function readSheet<F extends string, C extends string>(
  options: ReadSheetOptions<F, C>,
): Promise<SheetRead<F, C>> {
  const { columns, maxRows } = options;
  const fields = Object.keys(columns) as F[];
  const read = options.read ?? fields;
  const kindOf = options.kindOf ?? (() => 'text' as const);
  const workbook = await loadWorkbook(options.content);
  const sheet = workbook.worksheets.find((s) => s.name.trim() === options.sheet);
  if (!sheet) {
    const names = workbook.worksheets.map((s) => s.name).join('、') || '无';
    throw badFile(
      `工作簿中没有名为“${options.sheet}”的工作表（现有：${names}）`,
      `The workbook has no sheet named "${options.sheet}" (found: ${names})`,
    );
  }
  const byHeader = new Map<string, F>(read.map((field) => [columns[field], field]));
  const columnOf = new Map<F, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = cellText(cell.value, 'text');
    const field = 'text' in header ? byHeader.get(normaliseHeader(header.text)) : undefined;
    if (!field) return;
    if (columnOf.has(field))
      throw badFile(`表头“${columns[field]}”出现了两次`, `The header "${columns[field]}" appears twice`);
    columnOf.set(field, column);
  });
  const missing = read.filter((field) => !columnOf.has(field)).map((field) => columns[field]);
  if (missing.length > 0)
    throw badFile(
      `“${options.sheet}”工作表第 1 行缺少表头：${missing.join('、')}`,
      `Row 1 of the "${options.sheet}" sheet lacks the header(s): ${missing.join(', ')}`,
    );
  if (sheet.actualRowCount - 1 > maxRows)
    throw badFile(
      `数据行超过 ${maxRows} 行，请拆分后分批导入`,
      `More than ${maxRows} data rows; split the file`,
    );

  const rows: SheetRead<F, C>['rows'] = [];
  const problems: SheetCellProblem<C>[] = [];
  sheet.eachRow((sheetRow, number) => {
    if (number === 1) return;
    const row = { row: number, ...Object.fromEntries(fields.map((field) => [field, ''])) } as Record<
      F,
      string
    > & { row: number };
    const rowProblems: SheetCellProblem<C>[] = [];
    for (const [field, column] of columnOf) {
      const cell = cellText(sheetRow.getCell(column).value, kindOf(field));
      if ('text' in cell) row[field] = cell.text as (typeof row)[F];
      else rowProblems.push({ row: number, column: columns[field], ...cell.problem });
    }
    // A row of empty or blank cells (formatting only, a deleted row's remains) is no row.
    if (rowProblems.length === 0 && read.every((field) => !row[field])) return;
    rows.push(row);
    problems.push(...rowProblems);
  });
  return { rows, problems };
}
