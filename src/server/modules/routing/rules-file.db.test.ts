import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { addRule, exportFile, HEADERS, importFile, readBack, row, workbook } from './rules-file.fixture.ts';
import { RULE_COLUMNS } from './rules-sheet.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['establishment', 'dispatcher', 'gridworker', 'sysadmin']);
});
afterEach(async () => {
  await w.close();
});

describe('the responsibility catalogue as .xlsx', () => {
  it('R1: the export lays the catalogue out in Chinese columns and re-imports into an empty catalogue unchanged', async () => {
    const rules = [
      {
        categoryCode: 'safety.housing',
        areaUnitId: w.units['370782'],
        leadUnitId: w.units['D370782-ZJJ'],
        cooperatingUnitIds: [w.units['D370782-ZHZF'], w.units['370782001']],
        principle: 'statutory',
        basis: '《城市危险房屋管理规定》第四条',
      },
      {
        categoryCode: 'utility.water',
        areaUnitId: w.units['370782001'],
        leadUnitId: w.units['E370782-SW'],
        principle: 'negotiated',
        basis: '2026年8月会商纪要第2项',
        validFrom: '2026-10-01T00:00:00+08:00',
        validTo: '2027-01-01T00:00:00+08:00',
      },
      {
        categoryCode: 'safety',
        areaUnitId: w.units['370782002'],
        leadUnitId: w.units['370782002'],
        principle: 'designated',
        basis: '属地管理原则',
      },
      {
        categoryCode: null,
        fallback: true,
        areaUnitId: w.units['370782001'],
        leadUnitId: w.units['370782001'],
        principle: 'designated',
        basis: '属地管理原则',
      },
    ];
    for (const rule of rules) expect((await addRule(w, rule)).statusCode).toBe(201);
    // A replaced rule has ended: the export holds the catalogue as it stands.
    const old = (
      await addRule(w, { ...rules[0], categoryCode: 'safety.hazard', cooperatingUnitIds: [] })
    ).json();
    w.t.clock.advanceMinutes(60);
    const replacing = await addRule(w, {
      ...rules[0],
      categoryCode: 'safety.hazard',
      leadUnitId: w.units['D370782-YJJ'],
      cooperatingUnitIds: [],
      replacesId: old.id,
    });
    expect(replacing.statusCode, replacing.body).toBe(201);

    const exported = await exportFile(w);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.headers['content-disposition']).toContain('attachment');
    const { ws, rows } = await readBack(exported.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(10).width).toBeGreaterThan(30);
    expect(rows).toHaveLength(6);
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    expect(rows).toContainEqual([
      '安全隐患',
      'safety.housing',
      '房屋安全',
      '370782',
      '诸城市',
      'D370782-ZJJ',
      '诸城市住房和城乡建设局',
      'D370782-ZHZF、370782001',
      '法定',
      '《城市危险房屋管理规定》第四条',
      '否',
      day(2026, 9, 21),
      null,
    ]);
    expect(rows).toContainEqual(
      expect.arrayContaining(['utility.water', '商定', day(2026, 10, 1), day(2027, 1, 1)]),
    );
    expect(rows.at(-1)).toEqual(expect.arrayContaining(['', '370782001', '指定', '是']));
    expect(rows.filter((r) => r[1] === 'safety.hazard').map((r) => r[5])).toEqual(['D370782-YJJ']);
    expect(ws.getCell('L2').numFmt).toBe('yyyy-mm-dd');

    // A dispatcher of 密州街道 sees the rules of the township and those above it that reach in.
    const theirs = await readBack((await exportFile(w, 'dispatcher')).rawPayload);
    expect(theirs.rows.map((r) => r[3])).not.toContain('370782002');
    expect(theirs.rows).toHaveLength(5);

    const other = await createCaseWorld(['establishment']);
    try {
      const imported = await importFile(other, exported.rawPayload);
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toEqual({ created: 5 });
      const again = await readBack((await exportFile(other)).rawPayload);
      expect(again.rows).toEqual(rows);
      const kinds = await other.t.database.query<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM events WHERE kind LIKE 'routing.rule%' GROUP BY kind ORDER BY kind`,
      );
      expect(kinds).toEqual([
        { kind: 'routing.rule_created', n: 5 },
        { kind: 'routing.rules_imported', n: 1 },
      ]);
    } finally {
      await other.close();
    }
  });

  it('R1: a bad file is refused whole, every problem at its row and column, and nothing is written', async () => {
    expect(
      (
        await addRule(w, {
          categoryCode: 'safety.housing',
          areaUnitId: w.units['370782'],
          leadUnitId: w.units['D370782-ZJJ'],
          principle: 'statutory',
          basis: '《城市危险房屋管理规定》第四条',
        })
      ).statusCode,
    ).toBe(201);
    const before = await snapshot(w.t.database);
    const twp = '370782001';
    const content = await workbook([
      row({ category: 'safety.hazard', area: twp, lead: twp }), // 2: good, yet not written
      row({ category: 'no.such', area: twp, lead: twp }), // 3
      row({ category: 'safety.work', area: '370782999', lead: '' }), // 4: two problems
      row({ category: 'safety.work', area: twp, lead: twp, principle: '协商', basis: '' }), // 5: two problems
      row({ category: 'safety.work', area: twp, lead: twp, from: '2026-02-30' }), // 6
      row({ category: 'safety.work', area: twp, lead: twp, from: '2026-10-01', to: '2026-09-01' }), // 7
      row({ category: 'safety.work', area: twp, lead: twp, fallback: '可能' }), // 8
      row({ category: 'safety.work', area: twp, lead: twp, fallback: '是' }), // 9
      row({ category: 'safety.hazard', area: twp, lead: 'D370782-YJJ', from: '2026-12-01' }), // 10: overlaps row 2
      row({ category: 'safety.housing', area: '370782', lead: twp, from: new Date(Date.UTC(2027, 0, 1)) }), // 11
      row({ category: 'safety.work', area: 'D370782-ZJJ', lead: twp }), // 12: not an area
      row({ category: 'safety.work', area: '370700', lead: twp }), // 13: outside the 编办's scope
      row({ category: 'safety.work', area: '370782', lead: twp, cooperating: 'D370782-ZJJ，X999' }), // 14
      row({ category: 'safety.work', area: '370782002', lead: '370782001001001' }), // 15: a grid does not lead
      [],
      row({ category: 'utility.gas', area: '370782002', lead: 'E370782-RQ' }), // 17: good
    ]);
    const response = await importFile(w, content);
    expect(response.statusCode, response.body).toBe(422);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'IMPORT_INVALID', message: '导入文件有 15 处错误，未导入任何规则' });
    const C = RULE_COLUMNS;
    expect(
      error.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, C.categoryCode, 'UNKNOWN_CATEGORY'],
      [4, C.areaCode, 'UNKNOWN_UNIT'],
      [4, C.leadCode, 'UNIT_REQUIRED'],
      [5, C.principle, 'BAD_PRINCIPLE'],
      [5, C.basis, 'BASIS_REQUIRED'],
      [6, C.validFrom, 'BAD_DATE'],
      [7, C.validTo, 'BAD_VALIDITY'],
      [8, C.fallback, 'BAD_FALLBACK'],
      [9, C.categoryCode, 'FALLBACK_WITH_CATEGORY'],
      [10, C.validFrom, 'RULE_OVERLAP'],
      [11, C.validFrom, 'RULE_OVERLAP'],
      [12, C.areaCode, 'BAD_AREA'],
      [13, C.areaCode, 'OUT_OF_SCOPE'],
      [14, C.cooperatingCodes, 'UNKNOWN_UNIT'],
      [15, C.leadCode, 'BAD_LEAD_UNIT'],
    ]);
    for (const e of error.errors) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message_en.length).toBeGreaterThan(0);
    }
    const at = (r: number) => error.errors.find((e: { row: number }) => e.row === r);
    expect(at(10).message).toContain('第 2 行');
    expect(at(11).message).toContain('诸城市住房和城乡建设局');
    expect(at(11).message_en).toContain('replace a rule through the API');
    expect(at(14).message).toContain('X999');
    expect(await snapshot(w.t.database)).toEqual(before);
  });
});
