import ExcelJS from 'exceljs';
import type { CaseWorld } from '../../../../test/helpers/case-world.ts';
import { RULE_COLUMNS } from './rules-sheet.ts';

/** Helpers of the 权责清单 file tests: requests as the demo 编办 and workbooks built with exceljs. */

export const HEADERS = Object.values(RULE_COLUMNS);
export type Cell = string | Date | number | null;

export const addRule = (world: CaseWorld, body: object) =>
  world.t.app.inject({
    method: 'POST',
    url: '/api/routing/rules',
    headers: { cookie: world.cookies.establishment as string },
    payload: body,
  });
export const exportFile = (world: CaseWorld, who = 'establishment') =>
  world.t.app.inject({
    method: 'GET',
    url: '/api/routing/rules.xlsx',
    headers: { cookie: world.cookies[who] as string },
  });
export const importFile = (world: CaseWorld, content: Buffer, who = 'establishment') =>
  world.t.app.inject({
    method: 'POST',
    url: '/api/routing/rules/import',
    headers: { cookie: world.cookies[who] as string },
    payload: { content: content.toString('base64') },
  });

/** A workbook with the 权责清单 sheet: the thirteen headers (or `headers`), then `rows`. */
export async function workbook(rows: Cell[][], options: { sheetName?: string; headers?: string[] } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheetName ?? '权责清单');
  ws.addRow(options.headers ?? HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 权责清单 sheet of a file: the worksheet and its rows as arrays of cell values. */
export async function readBack(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('权责清单');
  if (!ws) throw new Error('no 权责清单 sheet');
  const rows: Cell[][] = [];
  ws.eachRow((row) => {
    rows.push(HEADERS.map((_, i) => (row.getCell(i + 1).value as Cell) ?? null));
  });
  return { ws, rows };
}

/** A row in the sheet's layout; the name columns stay empty (the import does not read them). */
export const row = (r: {
  category?: string;
  area: string;
  lead: string;
  cooperating?: string;
  principle?: string;
  basis?: string;
  fallback?: string;
  from?: Cell;
  to?: Cell;
}): Cell[] => [
  '',
  r.category ?? '',
  '',
  r.area,
  '',
  r.lead,
  '',
  r.cooperating ?? '',
  r.principle ?? '法定',
  r.basis ?? '《城市危险房屋管理规定》第四条',
  r.fallback ?? '否',
  r.from ?? null,
  r.to ?? null,
];
