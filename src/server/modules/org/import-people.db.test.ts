import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { grantRole } from '../auth/index.ts';
import { createOrgUnit } from './create-org-unit.ts';
import { ImportInvalidError, importPeople } from './import-people.ts';
import { EXAMPLE_ID_NUMBER, PEOPLE_COLUMNS } from './people-sheet.ts';

let t: TestApp;
let sysadmin: string;
let units: Record<string, string>;

/** Two grids of 370782001001 that no demo grid head holds. */
const FREE_GRID = '370782001001009';
const FREE_GRID_2 = '370782001001008';
/** Demo grid 370782001001001 has its head, 李网格长. */
const HEADED_GRID = '370782001001001';
const COMMUNITY = '370782001001';
const OTHER_COMMUNITY_GRID = '370782002001001';

beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.login('sysadmin');
  const community = await t.database.query<{ id: string }>('SELECT id FROM org_units WHERE code = $1', [
    COMMUNITY,
  ]);
  for (const [code, name] of [
    [FREE_GRID, '测试第九网格'],
    [FREE_GRID_2, '测试第八网格'],
  ] as const) {
    await createOrgUnit({
      db: t.ctx.db,
      clock: t.clock,
      caller: 'system',
      parentId: community[0]?.id ?? '',
      code,
      name,
      kind: 'grid',
      gridType: 'compound',
    });
  }
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await t.close();
});

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 number for test person `n` (born 2000-01-01 in 110105; the demo uses 370782). */
function idNumber(n: number): string {
  const body = `11010520000101${String(n).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, w, i) => total + w * Number(body[i]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

const wrongCheck = (id: string) => `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;

type Row = (string | number | Date | null)[];

/** An .xlsx file with the 人员 sheet: the eight headers, then `rows`; base64 for the API. */
async function sheet(rows: Row[], options: { sheetName?: string; headers?: string[] } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheetName ?? '人员');
  ws.addRow(options.headers ?? Object.values(PEOPLE_COLUMNS));
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const post = (cookie: string, content: Buffer | string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/people/import',
    headers: { cookie },
    payload: { content: typeof content === 'string' ? content : content.toString('base64') },
  });

const personByIdNumber = async (id: string) =>
  (
    await t.database.query<{ id: string; name: string; phone: string | null; unit_code: string }>(
      `SELECT p.id, p.name, p.phone, u.code AS unit_code
         FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id_number = $1`,
      [id],
    )
  )[0];
const postsOf = (personId: string) =>
  t.database.query<{ role: string; unit_code: string; title: string | null; starts_on: string }>(
    `SELECT po.role, u.code AS unit_code, po.title, po.starts_on::text AS starts_on
       FROM posts po JOIN org_units u ON u.id = po.unit_id WHERE po.person_id = $1 AND po.ends_on IS NULL
      ORDER BY po.role`,
    [personId],
  );
const count = async (table: string) =>
  Number((await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

const GOOD: Row[] = [
  [
    '陈网格',
    '13912340001',
    idNumber(1),
    FREE_GRID,
    '网格长',
    '',
    '专职网格长',
    new Date(Date.UTC(2026, 8, 1)),
  ],
  ['林网格', '139 1234 0002', idNumber(2), FREE_GRID, 'grid_worker', '', '', '2026/9/2'],
  ['黄联络', '', idNumber(3), 'D370782-ZJJ', '部门联络员', '', '', ''],
  ['吴居民', '13912340004', idNumber(4), COMMUNITY, '', '', '', ''],
];

describe('importing people from .xlsx', () => {
  it('G3: adds people and their posts in one transaction with one event, without personal numbers', async () => {
    const eventsBefore = await count('events');
    const response = await post(sysadmin, await sheet(GOOD));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ created: 4, updated: 0, unchanged: 0, posts: 3 });

    const head = await personByIdNumber(idNumber(1));
    expect(head).toMatchObject({ name: '陈网格', phone: '13912340001', unit_code: FREE_GRID });
    expect(await postsOf(head?.id ?? '')).toEqual([
      { role: 'grid_head', unit_code: FREE_GRID, title: '专职网格长', starts_on: '2026-09-01' },
    ]);
    const worker = await personByIdNumber(idNumber(2));
    expect(worker?.phone).toBe('13912340002');
    expect(await postsOf(worker?.id ?? '')).toEqual([
      { role: 'grid_worker', unit_code: FREE_GRID, title: null, starts_on: '2026-09-02' },
    ]);
    // No date: the post starts on the day of the import (the test clock: 2026-09-18).
    const liaison = await personByIdNumber(idNumber(3));
    expect(liaison?.phone).toBeNull();
    expect(await postsOf(liaison?.id ?? '')).toEqual([
      { role: 'dept_liaison', unit_code: 'D370782-ZJJ', title: null, starts_on: '2026-09-18' },
    ]);
    // A row without a role registers the person only.
    const resident = await personByIdNumber(idNumber(4));
    expect(await postsOf(resident?.id ?? '')).toEqual([]);

    expect(await count('events')).toBe(eventsBefore + 1);
    const [event] = await t.database.query<{ kind: string; payload: Record<string, unknown> }>(
      'SELECT kind, payload FROM events ORDER BY id DESC LIMIT 1',
    );
    expect(event?.kind).toBe('org.people_imported');
    expect(event?.payload).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, posts: 3 });
    const text = JSON.stringify(event?.payload);
    expect(text).not.toMatch(/1391234000\d|11010520000101/);
    expect(text).not.toContain('陈网格');
  });

  it('G3: importing the same sheet again matches people by ID number: no duplicates, no second posts', async () => {
    const before = { people: await count('people'), posts: await count('posts') };
    const again = await post(sysadmin, await sheet(GOOD));
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 4, posts: 0 });
    expect({ people: await count('people'), posts: await count('posts') }).toEqual(before);

    // A new number and a new unit update the person; an empty mobile cell keeps the one registered.
    const changed = await post(
      sysadmin,
      await sheet([
        ['林网格', '13912349999', idNumber(2), FREE_GRID, '网格员', '', '', '2026-09-02'],
        ['吴居民', '', idNumber(4), FREE_GRID_2, '', '', '', ''],
        ['黄联络', '', idNumber(3), 'D370782-ZJJ', '', '', '', ''],
      ]),
    );
    expect(changed.json()).toEqual({ created: 0, updated: 2, unchanged: 1, posts: 0 });
    expect((await personByIdNumber(idNumber(2)))?.phone).toBe('13912349999');
    expect(await personByIdNumber(idNumber(4))).toMatchObject({
      phone: '13912340004',
      unit_code: FREE_GRID_2,
    });
    expect({ people: await count('people'), posts: await count('posts') }).toEqual(before);
  });

  it('reports every error of a bad sheet with its row and column, and writes nothing', async () => {
    const before = await snapshot(t.database);
    const response = await post(
      sysadmin,
      await sheet([
        ['', '13912340010', idNumber(10), COMMUNITY, '', '', '', ''], // 2: no name
        ['甲', '1391234', idNumber(11), COMMUNITY, '', '', '', ''], // 3: short mobile
        ['乙', '', wrongCheck(idNumber(50)), COMMUNITY, '', '', '', ''], // 4: wrong check character
        ['丙', '', '', COMMUNITY, '', '', '', ''], // 5: no ID number
        ['丁', '', idNumber(12), '370782999999', '', '', '', ''], // 6: unknown unit
        ['戊', '', idNumber(13), COMMUNITY, '网格大王', '', '', ''], // 7: unknown role
        ['己', '', idNumber(14), FREE_GRID, '网格员', '', '', '2026-02-30'], // 8: no such day
        ['庚', '', idNumber(15), FREE_GRID, '网格员', '', '很'.repeat(51), ''], // 9: title too long
        ['辛', '', idNumber(10), COMMUNITY, '', '', '', ''], // 10: same ID number as row 2
        ['壬', '', idNumber(16), COMMUNITY, '', FREE_GRID, '', '2026-09-01'], // 11: post without a role
        ['癸', '', idNumber(17), COMMUNITY, 'system_admin', '', '', ''], // 12: administrator role
        ['张三', '13800138000', EXAMPLE_ID_NUMBER, COMMUNITY, '网格长', FREE_GRID_2, '', ''], // 13: template example
        ['子', '', 110105200001010000, COMMUNITY, '', '', '', ''], // 14: ID number stored as a number
        ['丑', 'abc', 'abc', '', '', '', '', 'x'], // 15: four problems in one row
        [], // blank rows are skipped
        ['寅', '', idNumber(18), COMMUNITY, '志愿者', '', '', ''], // 17: good — but nothing is written
      ]),
    );
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(error.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '姓名'],
      [3, '手机号码'],
      [4, '身份证号码'],
      [5, '身份证号码'],
      [6, '所属组织编码'],
      [7, '岗位角色'],
      [8, '上岗日期'],
      [9, '岗位名称'],
      [10, '身份证号码'],
      [11, '岗位角色'],
      [12, '岗位角色'],
      [13, '身份证号码'],
      [14, '身份证号码'],
      [15, '手机号码'],
      [15, '身份证号码'],
      [15, '所属组织编码'],
      [15, '岗位角色'],
    ]);
    expect(error.errors).toHaveLength(17);
    expect(error.message).toBe('导入文件有 17 处错误，未导入任何数据');
    for (const e of error.errors) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message_en.length).toBeGreaterThan(0);
    }
    expect(error.errors[8]).toMatchObject({ message: expect.stringContaining('第 2 行') });
    expect(error.errors[11]).toMatchObject({ message: expect.stringContaining('示例') });
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('G3: refuses a second grid head for a grid that has one, unless the sheet names that very head', async () => {
    const [head] = await t.database.query<{ name: string; phone: string; id_number: string }>(
      `SELECT p.name, p.phone, p.id_number FROM posts po JOIN people p ON p.id = po.person_id
        WHERE po.unit_id = $1 AND po.role = 'grid_head' AND po.ends_on IS NULL`,
      [units[HEADED_GRID]],
    );
    const before = await snapshot(t.database);
    const refused = await post(
      sysadmin,
      await sheet([['周新', '', idNumber(20), HEADED_GRID, '网格长', '', '', '2026-09-01']]),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '岗位角色',
        message: expect.stringContaining(head?.name ?? '?'),
      }),
    ]);
    expect(await snapshot(t.database)).toEqual(before);

    // The head themself: nothing to do.
    const same = await post(
      sysadmin,
      await sheet([
        [head?.name ?? '', head?.phone ?? '', head?.id_number ?? '', HEADED_GRID, '网格长', '', '', ''],
      ]),
    );
    expect(same.json()).toEqual({ created: 0, updated: 0, unchanged: 1, posts: 0 });
  });

  it('G3: refuses two grid heads for one grid within the sheet', async () => {
    const response = await post(
      sysadmin,
      await sheet([
        ['郑一', '', idNumber(21), FREE_GRID_2, '网格长', '', '', ''],
        ['郑二', '', idNumber(22), COMMUNITY, 'grid_head', FREE_GRID_2, '', ''],
      ]),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error.errors).toEqual([
      expect.objectContaining({ row: 3, column: '岗位角色', message: expect.stringContaining('第 2 行') }),
    ]);
  });

  it('G3/G7: refuses a post at the wrong kind of unit (a grid head at a department)', async () => {
    const response = await post(
      sysadmin,
      await sheet([
        ['冯甲', '', idNumber(23), 'D370782-ZJJ', '网格长', 'D370782-ZJJ', '', ''],
        ['冯乙', '', idNumber(24), COMMUNITY, 'centre_dispatcher', '', '', ''],
        ['冯丙', '', idNumber(25), COMMUNITY, '社区书记', '', '', ''],
      ]),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '岗位单位编码',
        message: expect.stringContaining('网格长只能设在网格'),
      }),
      // No post unit: the post is held at the person's own unit, and that column is named.
      expect.objectContaining({ row: 3, column: '所属组织编码', message: expect.stringContaining('中心') }),
    ]);
    expect(await personByIdNumber(idNumber(25))).toBeUndefined();
  });
});

describe('scope', () => {
  let longdu: string;

  beforeAll(async () => {
    // A system administrator of 龙都街道 (370782002) only.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie: sysadmin },
      payload: {
        username: 'longdu-admin',
        displayName: '龙都管理员',
        orgUnitId: units['370782002'],
        initialPassword: 'Longdu#2026',
      },
    });
    await grantRole({
      db: t.ctx.db,
      clock: t.clock,
      caller: 'system',
      accountId: created.json().id,
      role: 'system_admin',
      orgUnitId: units['370782002'] ?? '',
    });
    longdu = await t.login('longdu-admin', 'Longdu#2026');
  });

  it('person.manage at one township cannot import people, posts or changes of another township', async () => {
    const before = await snapshot(t.database);
    const response = await post(
      longdu,
      await sheet([
        ['何一', '', idNumber(30), COMMUNITY, '', '', '', ''],
        ['何二', '', idNumber(31), OTHER_COMMUNITY_GRID, '网格员', FREE_GRID, '', ''],
        // 陈网格 belongs to 密州街道: moving him to 龙都 would take him out of its scope.
        ['陈网格', '', idNumber(1), OTHER_COMMUNITY_GRID, '', '', '', ''],
      ]),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '所属组织编码',
        message: expect.stringContaining('管理范围'),
      }),
      expect.objectContaining({
        row: 3,
        column: '岗位单位编码',
        message: expect.stringContaining('管理范围'),
      }),
      expect.objectContaining({ row: 4, column: '身份证号码', message: expect.stringContaining('管理范围') }),
    ]);
    expect(await snapshot(t.database)).toEqual(before);

    const own = await post(
      longdu,
      await sheet([['何三', '', idNumber(32), OTHER_COMMUNITY_GRID, '网格员', '', '', '']]),
    );
    expect(own.json()).toEqual({ created: 1, updated: 0, unchanged: 0, posts: 1 });
  });

  it('is refused to those without person.manage', async () => {
    const worker = await t.login('gridworker');
    expect((await post(worker, await sheet(GOOD))).statusCode).toBe(403);
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/people/import-template.xlsx',
      headers: { cookie: worker },
    });
    expect(template.statusCode).toBe(403);
  });
});

describe('files', () => {
  it('gives 400 BAD_FILE for what is not an .xlsx workbook with the 人员 sheet and its headers', async () => {
    const before = await snapshot(t.database);
    const notXlsx = await post(sysadmin, Buffer.from('姓名,手机号码\n张三,13800138000\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('BAD_FILE');

    const noSheet = await post(sysadmin, await sheet(GOOD, { sheetName: 'Sheet1' }));
    expect(noSheet.json().error).toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('人员'),
    });

    const noHeader = await post(
      sysadmin,
      await sheet([], {
        headers: ['姓名', '手机号码', '所属组织编码', '岗位角色', '岗位单位编码', '岗位名称'],
      }),
    );
    expect(noHeader.json().error).toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('身份证号码、上岗日期'),
      message_en: expect.stringContaining('身份证号码, 上岗日期'),
    });

    const notBase64 = await post(sysadmin, '这不是 base64');
    expect(notBase64.json().error.code).toBe('VALIDATION');
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('serves the template, which imports as one error: its example row', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/people/import-template.xlsx',
      headers: { cookie: sysadmin },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('attachment');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/people/import-template.xlsx'].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(doc.paths['/api/people/import'].post.responses['422']).toBeDefined();
    const back = await post(sysadmin, response.rawPayload);
    expect(back.statusCode).toBe(422);
    expect(back.json().error.errors).toEqual([
      expect.objectContaining({ row: 2, column: '身份证号码', message: expect.stringContaining('示例') }),
    ]);
  });

  it('is one function for the command line, which sees the errors as ImportInvalidError', async () => {
    const content = await sheet([
      ['', '', '', '', '', '', '', ''],
      ['卫一', '', '', COMMUNITY, '', '', '', ''],
    ]);
    const error = await importPeople({ db: t.ctx.db, clock: t.clock, caller: 'system', content }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportInvalidError);
    expect((error as ImportInvalidError).errors).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号码' }),
    ]);
    const done = await importPeople({
      db: t.ctx.db,
      clock: t.clock,
      caller: 'system',
      content: await sheet([['卫一', '', idNumber(40), COMMUNITY, '', '', '', '']]),
    });
    expect(done).toEqual({ created: 1, updated: 0, unchanged: 0, posts: 0 });
  });
});
