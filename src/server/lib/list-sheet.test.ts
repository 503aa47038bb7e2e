import { describe, expect, it } from 'vitest';
import { readListSheet } from '../../../test/helpers/xlsx.ts';
import { CAPPED_NOTE, EXPORT_ROW_LIMIT, takeRows, writeListSheet } from './list-sheet.ts';

interface Row {
  code: string;
  at: Date;
  day: string;
  n: number;
}

const columns = [
  { header: '编码', value: (r: Row) => r.code },
  { header: '时间', type: 'time' as const, value: (r: Row) => r.at },
  { header: '日期', type: 'day' as const, value: (r: Row) => r.day },
  { header: '数量', type: 'number' as const, value: (r: Row) => r.n },
];

const write = (rows: Row[], capped = false) =>
  writeListSheet({
    sheet: '测试列表',
    columns,
    rows,
    capped,
    filters: [['状态', '全部']],
    exportedAt: new Date('2026-09-21T01:30:00Z'),
    exportedBy: '陈调度',
  });

describe('list exports', () => {
  it('writes codes as text, times as Shanghai wall clock, days as dates, and says how it was made', async () => {
    const file = await write([
      { code: '370782', at: new Date('2026-09-21T01:30:00Z'), day: '2026-09-30', n: 3 },
    ]);
    const sheet = await readListSheet(file, '测试列表');
    expect(sheet.headers).toEqual(['编码', '时间', '日期', '数量']);
    expect(sheet.rows).toEqual([
      ['370782', new Date(Date.UTC(2026, 8, 21, 9, 30)), new Date(Date.UTC(2026, 8, 30)), 3],
    ]);
    expect(sheet.sheet.autoFilter).toBeTruthy();
    expect(sheet.about).toEqual({
      列表: '测试列表',
      导出时间: '2026-09-21 09:30',
      导出人: '陈调度',
      状态: '全部',
      行数: 1,
    });
  });

  it(`stops at ${EXPORT_ROW_LIMIT} rows and says so on both sheets`, async () => {
    const many = Array.from({ length: 12 }, (_, i) => i);
    expect(takeRows(many, 10)).toEqual({ rows: many.slice(0, 10), capped: true });
    expect(takeRows(many, 12)).toEqual({ rows: many, capped: false });
    const sheet = await readListSheet(
      await write([{ code: 'a', at: new Date(0), day: '', n: 0 }], true),
      '测试列表',
    );
    expect(sheet.rows.at(-1)?.[0]).toBe(CAPPED_NOTE);
    expect(CAPPED_NOTE).toContain('10000');
    expect(sheet.about.说明).toBe(CAPPED_NOTE);
  });
});
