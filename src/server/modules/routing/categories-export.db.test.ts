import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['sysadmin', 'gridworker']) cookies[name] = await t.login(name);
  await t.database.query(`UPDATE categories SET retired_at = now() WHERE code = 'utility.water'`);
});
afterAll(async () => {
  await t.close();
});

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] as string } });

async function exported(query = '') {
  const response = await get('gridworker', `/api/categories.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '事项类别');
}

describe('GET /api/categories.xlsx', () => {
  it('C2: the catalogue as the list gives it, each 大类 followed by its 小类, retired ones on request', async () => {
    for (const query of ['', '?retired=true']) {
      const listed = (await get('gridworker', `/api/categories${query}`)).json().items as { code: string }[];
      const sheet = await exported(query);
      expect(sheet.records.map((r) => r.编码).sort()).toEqual(listed.map((c) => c.code).sort());
    }
    const sheet = await exported('?retired=true');
    const codes = sheet.records.map((r) => String(r.编码));
    // A 小类 comes after its 大类 and before the next 大类.
    for (const [i, code] of codes.entries()) {
      if (!code.includes('.')) continue;
      const group = codes.lastIndexOf(code.split('.')[0] as string, i);
      expect(group, code).toBeGreaterThanOrEqual(0);
      expect(codes.slice(group + 1, i).every((c) => c.includes('.'))).toBe(true);
    }
    expect(sheet.records.find((r) => r.编码 === 'utility.water')).toMatchObject({
      层级: '小类',
      名称: '供水',
      所属大类: 'utility',
      时限类别: '民生类',
      状态: '已停用',
    });
    expect((await exported()).records.some((r) => r.编码 === 'utility.water')).toBe(false);
    const bad = await get('gridworker', '/api/categories.xlsx?retired=yes');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', field: 'retired' });
  });
});
