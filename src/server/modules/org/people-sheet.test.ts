import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_ID_NUMBER,
  PEOPLE_COLUMNS,
  parseRole,
  parseSheetDate,
  readPeopleSheet,
  writePeopleTemplate,
} from './people-sheet.ts';

const HEADERS = Object.values(PEOPLE_COLUMNS);

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const sheetOf = (rows: ExcelJS.CellValue[][], headers: string[] = HEADERS) =>
  workbook((wb) => {
    const ws = wb.addWorksheet('人员');
    ws.addRow(headers);
    for (const row of rows) ws.addRow(row);
  });

const BAD_FILE = { status: 400, code: 'BAD_FILE' };

describe('roles by code or label', () => {
  it('G3: accepts the role code and its Chinese label', () => {
    expect(parseRole('grid_head')).toBe('grid_head');
    expect(parseRole('网格长')).toBe('grid_head');
    expect(parseRole(' 派驻机构负责人 ')).toBe('agency_head');
    expect(parseRole('联户代表')).toBe('household_rep');
  });

  it('refuses administrator roles and unknown words', () => {
    expect(parseRole('system_admin')).toBeNull();
    expect(parseRole('系统管理员')).toBeNull();
    expect(parseRole('网格')).toBeNull();
    expect(parseRole('')).toBeNull();
  });
});

describe('dates as people type them', () => {
  it('reads YYYY-MM-DD and the usual Chinese spellings', () => {
    expect(parseSheetDate('2026-09-01')).toBe('2026-09-01');
    expect(parseSheetDate('2026/9/1')).toBe('2026-09-01');
    expect(parseSheetDate('2026.09.01')).toBe('2026-09-01');
    expect(parseSheetDate('2026年9月1日')).toBe('2026-09-01');
  });

  it('refuses what is not a real date', () => {
    expect(parseSheetDate('2026-02-30')).toBeNull();
    expect(parseSheetDate('2026-13-01')).toBeNull();
    expect(parseSheetDate('09/01/2026')).toBeNull();
    expect(parseSheetDate('明天')).toBeNull();
  });
});

describe('reading the 人员 sheet', () => {
  it('reads text, numbers, rich text, formulas and date cells, and skips blank rows', async () => {
    const content = await sheetOf([
      [
        '王五',
        13800138000,
        '110105200001010015',
        370782001001,
        '网格员',
        { richText: [{ text: '370782001' }, { text: '001001' }] },
        { formula: '"专职"&"网格员"', result: '专职网格员' },
        new Date(Date.UTC(2026, 8, 1)),
      ],
      [],
      [null, '', '', '', '', '', '', ''],
      ['  赵六 ', '', '110105200001010031', '370782001001', '', '', '', ''],
      ['钱七', '', '110105200001010058', '370782001001', 'grid_worker', '', '', 46266],
    ]);
    const { rows, issues } = await readPeopleSheet(content);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: '王五',
        phone: '13800138000',
        idNumber: '110105200001010015',
        unitCode: '370782001001',
        role: '网格员',
        postUnitCode: '370782001001001',
        title: '专职网格员',
        startsOn: '2026-09-01',
      },
      expect.objectContaining({ row: 5, name: '赵六', role: '', startsOn: '' }),
      // An Excel day serial in a cell without a date format.
      expect.objectContaining({ row: 6, startsOn: '2026-09-01' }),
    ]);
  });

  it('finds the headers in any order, with a required-mark star, and ignores other columns', async () => {
    const headers = [
      '备注',
      ...HEADERS.slice()
        .reverse()
        .map((h, i) => (i === 0 ? `${h}*` : ` ${h} `)),
    ];
    const content = await sheetOf([['x', '2026-09-01', '', '', '', '', '', '', '孙八']], headers);
    const { rows } = await readPeopleSheet(content);
    expect(rows[0]).toMatchObject({ name: '孙八', startsOn: '2026-09-01' });
  });

  it('reports an ID number Excel has turned into a number, and error cells, at their row and column', async () => {
    const content = await sheetOf([
      ['王五', '', 110105200001010000, '370782001001', '', '', '', ''],
      ['赵六', { error: '#N/A' }, '110105200001010031', '370782001001', '', '', '', ''],
    ]);
    const { rows, issues } = await readPeopleSheet(content);
    expect(rows).toHaveLength(2);
    expect(issues).toEqual([
      expect.objectContaining({ row: 2, column: '身份证号码', message: expect.stringContaining('文本') }),
      expect.objectContaining({ row: 3, column: '手机号码', message_en: expect.stringContaining('#N/A') }),
    ]);
  });

  it('refuses a file that is not an .xlsx workbook', async () => {
    await expect(readPeopleSheet(new TextEncoder().encode('姓名,手机号码\n'))).rejects.toMatchObject(
      BAD_FILE,
    );
    await expect(readPeopleSheet(new Uint8Array())).rejects.toMatchObject(BAD_FILE);
  });

  it('refuses a workbook without the 人员 sheet, naming the sheets it has', async () => {
    const content = await workbook((wb) => wb.addWorksheet('Sheet1').addRow(HEADERS));
    await expect(readPeopleSheet(content)).rejects.toMatchObject({
      ...BAD_FILE,
      messageZh: expect.stringContaining('Sheet1'),
    });
  });

  it('refuses a sheet missing headers, naming each one, and a header given twice', async () => {
    const missing = await sheetOf(
      [],
      ['姓名', '手机号', '身份证号码', '所属组织编码', '岗位角色', '岗位名称'],
    );
    const error = await readPeopleSheet(missing).catch((e: unknown) => e);
    expect(error).toMatchObject(BAD_FILE);
    expect((error as Error).message).toContain('手机号码');
    expect((error as Error).message).toContain('岗位单位编码');
    expect((error as Error).message).toContain('上岗日期');
    expect((error as Error).message).not.toContain('岗位名称');
    await expect(readPeopleSheet(await sheetOf([], [...HEADERS, '姓名']))).rejects.toMatchObject({
      ...BAD_FILE,
      messageEn: expect.stringContaining('twice'),
    });
  });
});

describe('the template', () => {
  it('has the headers, one example row the reader understands, text-formatted number columns and a 说明 sheet', async () => {
    const content = new Uint8Array(await writePeopleTemplate());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(content) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['人员', '说明']);
    const sheet = wb.getWorksheet('人员');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    // Text format keeps Excel from turning an 18-digit ID number into 1.10105E+17.
    expect(sheet?.getColumn(3).numFmt).toBe('@');
    const { rows, issues } = await readPeopleSheet(content);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        row: 2,
        idNumber: EXAMPLE_ID_NUMBER,
        role: '网格长',
        startsOn: '2026-01-01',
      }),
    ]);
  });
});
