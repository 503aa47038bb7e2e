import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readSheet } from './read-sheet.ts';

const COLUMNS = { name: '名称', day: '日期', id: '证件号码' } as const;

async function sheetOf(headers: string[], rows: ExcelJS.CellValue[][], name = '表'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const read = (content: Uint8Array, maxRows = 10) =>
  readSheet({
    content,
    sheet: '表',
    columns: COLUMNS,
    maxRows,
    kindOf: (field) => (field === 'day' ? 'date' : field === 'id' ? 'id-number' : 'text'),
  });

describe('cells as text', () => {
  it('reads dates from date cells, day serials and text; refuses a serial out of range', () => {
    expect(cellText(new Date(Date.UTC(2026, 8, 1)), 'date')).toEqual({ text: '2026-09-01' });
    expect(cellText(46266, 'date')).toEqual({ text: '2026-09-01' });
    expect(cellText(' 2026/9/1 ', 'date')).toEqual({ text: '2026/9/1' });
    expect(cellText(12.5, 'date')).toEqual({
      problem: { zh: '日期无法识别', en: 'The date cannot be read' },
    });
  });

  it('refuses an ID number stored as a number, keeps whole numbers whole elsewhere', () => {
    expect(cellText(370782199001011260, 'id-number')).toHaveProperty('problem');
    expect(cellText(13800000000, 'text')).toEqual({ text: '13800000000' });
  });

  it('joins rich text and reads a formula by its result', () => {
    expect(cellText({ richText: [{ text: '兴华' }, { text: '社区 ' }] }, 'text')).toEqual({
      text: '兴华社区',
    });
    expect(cellText({ formula: 'A1', result: '网格' } as ExcelJS.CellValue, 'text')).toEqual({
      text: '网格',
    });
    expect(cellText({ formula: 'A1' } as ExcelJS.CellValue, 'text')).toHaveProperty('problem');
  });
});

describe('one sheet', () => {
  it('finds the columns by header in any order, skips blank rows, reports bad cells at row and column', async () => {
    const content = await sheetOf(
      ['证件号码', ' *日期 ', '名称', '备注'],
      [
        ['370782199001011234', 46266, '甲', 'x'],
        [null, null, null, null],
        [370782199001011260, 'x', '乙', ''],
      ],
    );
    const { rows, problems } = await read(content);
    expect(rows).toEqual([
      { row: 2, name: '甲', day: '2026-09-01', id: '370782199001011234' },
      { row: 4, name: '乙', day: 'x', id: '' },
    ]);
    expect(problems).toEqual([
      { row: 4, column: '证件号码', zh: expect.any(String), en: expect.any(String) },
    ]);
  });

  it('refuses a file that is no workbook, a missing sheet, a missing or repeated header and too many rows', async () => {
    const bad = { status: 400, code: 'BAD_FILE' };
    await expect(read(new TextEncoder().encode('not a workbook'))).rejects.toMatchObject(bad);
    await expect(read(await sheetOf(['名称', '日期', '证件号码'], [], '别的'))).rejects.toMatchObject(bad);
    await expect(read(await sheetOf(['名称', '日期'], []))).rejects.toMatchObject({
      ...bad,
      message: expect.stringContaining('证件号码'),
    });
    await expect(read(await sheetOf(['名称', '日期', '证件号码', '名称'], []))).rejects.toMatchObject(bad);
    const many = await sheetOf(['名称', '日期', '证件号码'], [['甲'], ['乙'], ['丙']]);
    await expect(read(many, 2)).rejects.toMatchObject(bad);
    await expect(read(many, 3)).resolves.toHaveProperty('rows.length', 3);
  });
});
