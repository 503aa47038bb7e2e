import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { exportFile, HEADERS, importFile, readBack, row, workbook } from './rules-file.fixture.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['establishment', 'dispatcher', 'gridworker', 'sysadmin']);
});
afterEach(async () => {
  await w.close();
});

describe('importing the responsibility catalogue', () => {
  it('R1: a file that is not the catalogue is 400 BAD_FILE, naming what is missing', async () => {
    const before = await snapshot(w.t.database);
    const notXlsx = await importFile(w, Buffer.from('事项类别,适用范围\nsafety.work,370782\n'));
    expect([notXlsx.statusCode, notXlsx.json().error.code]).toEqual([400, 'BAD_FILE']);
    const good = row({ category: 'safety.work', area: '370782', lead: 'D370782-YJJ' });
    const noSheet = await importFile(w, await workbook([good], { sheetName: 'Sheet1' }));
    expect(noSheet.json().error).toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('Sheet1'),
    });
    const noHeaders = await importFile(
      w,
      await workbook([], { headers: HEADERS.filter((h) => h !== '依据' && h !== '失效日期') }),
    );
    expect(noHeaders.json().error).toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('依据、失效日期'),
    });
    const empty = await importFile(w, await workbook([]));
    expect(empty.json().error.code).toBe('BAD_FILE');
    expect(await snapshot(w.t.database)).toEqual(before);
  });

  it('R1: the 编办 imports; a dispatcher only exports; a grid worker and the system administrator do neither', async () => {
    // Columns in another order, without the name columns, dates typed as text.
    const headers = [
      '确定方式',
      '事项类别',
      '适用范围',
      '牵头单位',
      '配合单位',
      '依据',
      '属地兜底',
      '生效日期',
      '失效日期',
    ];
    const content = await workbook(
      [
        [
          'statutory',
          'safety.work',
          '370782',
          'D370782-YJJ',
          'D370782-ZJJ; A370782001-ZF',
          '《安全生产法》第十条',
          '',
          '2026/10/1',
          '',
        ],
        ['指定', '', '370782002', '370782002', '', '属地管理原则', '是', '', '2027年1月1日'],
      ],
      { headers },
    );
    const before = await snapshot(w.t.database);
    for (const who of ['dispatcher', 'gridworker', 'sysadmin'])
      expect((await importFile(w, content, who)).statusCode, who).toBe(403);
    expect(await snapshot(w.t.database)).toEqual(before);
    expect((await exportFile(w, 'gridworker')).statusCode).toBe(403);
    expect((await exportFile(w, 'sysadmin')).statusCode).toBe(403);

    const imported = await importFile(w, content);
    expect(imported.statusCode, imported.body).toBe(200);
    const rules = await w.t.database.query<Record<string, unknown>>(
      `SELECT r.category_code, r.principle, r.fallback, r.valid_from, r.valid_to, jsonb_array_length(r.cooperating_unit_ids) AS cooperating
         FROM responsibility_rules r ORDER BY r.fallback`,
    );
    expect(rules).toEqual([
      {
        category_code: 'safety.work',
        principle: 'statutory',
        fallback: false,
        valid_from: new Date('2026-10-01T00:00:00+08:00'),
        valid_to: null,
        cooperating: 2,
      },
      {
        category_code: null,
        principle: 'designated',
        fallback: true,
        // No start date: valid from the import.
        valid_from: w.t.clock.now(),
        valid_to: new Date('2027-01-01T00:00:00+08:00'),
        cooperating: 0,
      },
    ]);
    const exported = await readBack((await exportFile(w, 'dispatcher')).rawPayload);
    expect(exported.rows.map((r) => r[1])).toEqual(['事项类别', 'safety.work']);
  });
});
