import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { toIsoShanghai } from '../core/time.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The most rows a list export writes. An export of more would take the server's memory
 * and the reader's patience; the sheet says when it was cut (`capped`).
 */
export const EXPORT_ROW_LIMIT = 10_000;

/** A cell: text, a number, a time or day (see `type`), or a link (`hyperlink` an absolute URL). */
export type SheetCell =
  | string
  | number
  | boolean
  | Date
  | { text: string; hyperlink: string }
  | null
  | undefined;

export interface SheetColumn<T> {
  /** The column's header, in Chinese. */
  header: string;
  /** Characters; 14 when not given. */
  width?: number;
  /**
   * `text` (the default) keeps codes as text (370782, not a number); `time` writes an
   * instant as a date cell showing its Asia/Shanghai wall clock; `day` a `YYYY-MM-DD`
   * text as a date cell; `number` as it is.
   */
  type?: 'text' | 'number' | 'time' | 'day';
  value(row: T): SheetCell;
}

export interface ListSheetOptions<T> {
  /** The data sheet's name (案件列表, 台账事项…); at most 31 characters. */
  sheet: string;
  columns: readonly SheetColumn<T>[];
  rows: readonly T[];
  /** More rows matched than the export writes (see `takeRows`). */
  capped: boolean;
  /** The filters and the sort the list was shown with, in words, for the 导出说明 sheet. */
  filters: readonly (readonly [string, string])[];
  exportedAt: Date;
  /** Who exported it (display name). */
  exportedBy: string;
}

const OFFSET_MS = 8 * 3600_000;
const CELL_LIMIT = 32_767;

/** exceljs writes a Date as its UTC wall clock: shift it so Excel shows Shanghai time. */
const shanghaiCell = (date: Date) => new Date(date.getTime() + OFFSET_MS);

const dayCell = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : text;
};

/** What a capped export says, on its data sheet and on 导出说明. */
export const CAPPED_NOTE = `结果超过 ${EXPORT_ROW_LIMIT} 行，仅导出前 ${EXPORT_ROW_LIMIT} 行；请缩小筛选范围后分批导出。`;

/**
 * One list as an .xlsx workbook: the rows on a sheet with Chinese headers in bold on a
 * frozen first row, a filter on the headers and set widths; a second sheet 导出说明 says
 * when, by whom and with which filters it was exported and how many rows it holds. A cut
 * list ends with a line saying so.
 */
export async function writeListSheet<T>(options: ListSheetOptions<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实';
  workbook.created = options.exportedAt;
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({
    header: column.header,
    width: column.width ?? 14,
    style: {
      numFmt:
        column.type === 'time'
          ? 'yyyy-mm-dd hh:mm'
          : column.type === 'day'
            ? 'yyyy-mm-dd'
            : column.type === 'number'
              ? 'General'
              : '@',
    },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of options.rows) {
    sheet.addRow(
      options.columns.map((column) => {
        const value = column.value(row);
        if (value === undefined || value === null || value === '') return null;
        if (column.type === 'time' && value instanceof Date) return shanghaiCell(value);
        if (column.type === 'day' && typeof value === 'string') return dayCell(value);
        // Excel holds at most 32 767 characters in a cell and calls a longer one a broken file.
        if (typeof value === 'string' && value.length > CELL_LIMIT)
          return `${value.slice(0, CELL_LIMIT - 1)}…`;
        return value;
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: options.columns.length } };
  if (options.capped) {
    const note = sheet.addRow([CAPPED_NOTE]);
    note.font = { italic: true, color: { argb: 'FFC00000' } };
  }

  const about = workbook.addWorksheet('导出说明');
  about.columns = [
    { header: '项目', width: 14 },
    { header: '内容', width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow(['列表', options.sheet]);
  about.addRow(['导出时间', toIsoShanghai(options.exportedAt).slice(0, 16).replace('T', ' ')]);
  about.addRow(['导出人', options.exportedBy]);
  for (const [name, value] of options.filters) about.addRow([name, value]);
  about.addRow(['行数', options.rows.length]);
  if (options.capped) about.addRow(['说明', CAPPED_NOTE]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first `limit` rows and whether more matched: query `limit + 1` rows and pass them here. */
export function takeRows<T>(rows: readonly T[], limit = EXPORT_ROW_LIMIT): { rows: T[]; capped: boolean } {
  return { rows: rows.slice(0, limit), capped: rows.length > limit };
}

/**
 * Sends a workbook as a download named `<en>-<day>.xlsx`, with the Chinese name
 * (`<zh>-<day>.xlsx`) for browsers that read RFC 6266's `filename*`.
 */
export function sendXlsx(
  reply: FastifyReply,
  file: Buffer,
  name: { en: string; zh: string },
  now: Date,
): FastifyReply {
  const day = toIsoShanghai(now).slice(0, 10);
  return reply
    .type(XLSX_TYPE)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${name.en}-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name.zh}-${day}.xlsx`)}`,
    )
    .send(file);
}

/** The OpenAPI description of an export's answer. */
export const xlsxResponse = {
  200: {
    description: 'An .xlsx workbook',
    content: { [XLSX_TYPE]: { schema: z.string().describe('binary') } },
  },
};
