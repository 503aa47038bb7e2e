import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['sysadmin', 'dispatcher', 'gridworker', 'secretary', 'auditor'])
    cookies[name] = await t.login(name);
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await t.close();
});

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] as string } });

type Row = [string, string | null, string | null, string | null];

async function exported(who: string, query = '') {
  const response = await get(who, `/api/people.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '人员信息');
}

async function listed(who: string, query = ''): Promise<Row[]> {
  const response = await get(who, `/api/people${query ? `${query}&` : '?'}limit=1000`);
  expect(response.statusCode, response.body).toBe(200);
  const items = response.json().items as {
    name: string;
    unitName: string | null;
    phone: string | null;
    idNumber: string | null;
  }[];
  expect(items.length, 'the comparison needs every row of the list').toBeLessThan(1000);
  return items.map((p) => [p.name, p.unitName, p.phone, p.idNumber]);
}

const rowsOf = (sheet: Awaited<ReturnType<typeof exported>>): Row[] =>
  sheet.records.map((r) => [r.姓名, r.所属单位, r.手机号码, r.身份证号码] as Row);

const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
const FULL_PHONE = /^1[3-9]\d{9}$/;
const FULL_ID = /^\d{17}[\dX]$/;

describe('GET /api/people.xlsx', () => {
  it('B1: each reader’s file holds exactly their list — scope, unit, name and sort — with the same masking', async () => {
    const grid = units['370782001001001'];
    const township = units['370782001'];
    const cases: [string, string][] = [
      ['gridworker', ''],
      ['gridworker', '?sort=unit'],
      ['secretary', ''],
      ['secretary', '?q=王'],
      ['dispatcher', `?unitId=${grid}`],
      ['dispatcher', `?unitId=${township}&sort=unit`],
      ['sysadmin', `?unitId=${grid}`],
      ['sysadmin', '?q=李&sort=unit'],
    ];
    for (const [who, query] of cases) {
      const sheet = await exported(who, query);
      expect(sheet.headers).toEqual(['姓名', '所属单位', '手机号码', '身份证号码', '系统账号']);
      const listedRows = await listed(who, query);
      expect(listedRows.length, `${who} ${query}`).toBeGreaterThan(0);
      expect(rowsOf(sheet), `${who} ${query}`).toEqual(listedRows);
    }
  });

  it('phones unmasked only for person.contact, ID numbers only for person.manage — in the file as on the page', async () => {
    const grid = `?unitId=${units['370782001001001']}`;
    const worker = rowsOf(await exported('gridworker', grid));
    expect(
      worker.every(([, , phone, id]) => MASKED_PHONE.test(phone ?? '') && MASKED_ID.test(id ?? '')),
    ).toBe(true);
    const dispatcher = rowsOf(await exported('dispatcher', grid));
    expect(
      dispatcher.every(([, , phone, id]) => FULL_PHONE.test(phone ?? '') && MASKED_ID.test(id ?? '')),
    ).toBe(true);
    const admin = rowsOf(await exported('sysadmin', grid));
    expect(admin.every(([, , phone, id]) => FULL_PHONE.test(phone ?? '') && FULL_ID.test(id ?? ''))).toBe(
      true,
    );
    // Not one stored number of the grid's people is in the worker's file.
    const stored = await t.database.query<{ phone: string; id_number: string }>(
      'SELECT phone, id_number FROM people WHERE unit_id = $1',
      [units['370782001001001']],
    );
    const file = JSON.stringify(worker);
    for (const person of stored) {
      expect(file).not.toContain(person.phone);
      expect(file).not.toContain(person.id_number);
    }
  });

  it('a unit outside the reader’s scope, a bad query or a role without people is refused', async () => {
    expect((await get('gridworker', `/api/people.xlsx?unitId=${units['370782001001002']}`)).statusCode).toBe(
      403,
    );
    for (const [query, field] of [
      ['?unitId=x', 'unitId'],
      ['?sort=age', 'sort'],
      ['?q=', 'q'],
    ] as const) {
      const response = await get('sysadmin', `/api/people.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
    expect((await get('auditor', '/api/people.xlsx')).statusCode).toBe(403);
  });
});
