import ExcelJS from 'exceljs';

export type ReadCell = string | number | boolean | Date | null;

export interface ReadSheet {
  /** Row 1. */
  headers: string[];
  /** Rows 2…, each cell's value (a link as its text), blank cells null. */
  rows: ReadCell[][];
  /** Each data row by header. */
  records: Record<string, ReadCell>[];
  /** Links of the data rows' cells, by header. */
  links: Record<string, string>[];
  /** The 导出说明 sheet as name → value. */
  about: Record<string, ReadCell>;
  sheet: ExcelJS.Worksheet;
}

const cellValue = (value: ExcelJS.CellValue): ReadCell => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('hyperlink' in value) return String(value.text);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
};

/** Opens an exported workbook (a real .xlsx, read by exceljs) and reads its data sheet. */
export async function readListSheet(content: Buffer, name: string): Promise<ReadSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const width = sheet.getRow(1).cellCount;
  const cells = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellValue(row.getCell(i + 1).value));
  const headers = cells(sheet.getRow(1)).map(String);
  const rows: ReadCell[][] = [];
  const links: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(cells(row));
    const rowLinks: Record<string, string> = {};
    headers.forEach((header, i) => {
      const value = row.getCell(i + 1).value;
      if (value && typeof value === 'object' && 'hyperlink' in value) rowLinks[header] = value.hyperlink;
    });
    links.push(rowLinks);
  });
  const records = rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? null])));
  const about: Record<string, ReadCell> = {};
  workbook.getWorksheet('导出说明')?.eachRow((row, number) => {
    if (number > 1) about[String(cellValue(row.getCell(1).value))] = cellValue(row.getCell(2).value);
  });
  return { headers, rows, records, links, about, sheet };
}
