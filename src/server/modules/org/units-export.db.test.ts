import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { zhCN } from '../../../web/i18n/zh-CN.ts';
import { KIND_LABELS } from './import-people.ts';
import { GRID_TYPE_LABELS } from './units-sheet.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['gridworker', 'dispatcher', 'sysadmin', 'auditor']) cookies[name] = await t.login(name);
});
afterAll(async () => {
  await t.close();
});

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] as string } });

async function exported(who: string, query = '') {
  const response = await get(who, `/api/org/units.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '组织机构');
}

describe('GET /api/org/units.xlsx', () => {
  it('G1, G2: each reader’s file holds exactly the units their list shows, with kinds and parents in words', async () => {
    for (const who of ['gridworker', 'dispatcher', 'sysadmin'])
      for (const query of ['', '?kind=grid', '?q=兴华']) {
        const listed = (await get(who, `/api/org/units${query}`)).json().items as { code: string }[];
        const sheet = await exported(who, query);
        expect(
          sheet.records.map((r) => r.编码),
          `${who} ${query}`,
        ).toEqual(listed.map((u) => u.code));
      }
    const worker = await exported('gridworker');
    expect(worker.records).toEqual([
      expect.objectContaining({ 编码: '370782001001001', 类型: '网格', 层级: expect.any(Number) }),
    ]);
    const township = await exported('dispatcher');
    const grid = township.records.find((r) => r.编码 === '370782001001001');
    expect(grid).toMatchObject({ 类型: '网格', 上级编码: '370782001001' });
    expect(township.records.some((r) => String(r.编码).startsWith('370782002'))).toBe(false);
    const web = zhCN as Record<string, string>;
    for (const [kind, label] of Object.entries(KIND_LABELS)) expect(web[`orgKind.${kind}`]).toBe(label);
    for (const [type, label] of Object.entries(GRID_TYPE_LABELS))
      expect(web[`org.gridType.${type}`]).toBe(label);
  });

  it('a bad filter is refused with its field; the auditor reads no organisation', async () => {
    const response = await get('sysadmin', '/api/org/units.xlsx?kind=planet');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect((await get('auditor', '/api/org/units.xlsx')).statusCode).toBe(403);
  });
});
