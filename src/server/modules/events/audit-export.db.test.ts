import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['auditor', 'sysadmin', 'dispatcher']) cookies[name] = await t.login(name);
  const [unit] = await t.database.query<{ id: string }>(
    `SELECT id FROM org_units WHERE code = '370782001001001'`,
  );
  const added = await t.app.inject({
    method: 'POST',
    url: '/api/people',
    headers: { cookie: cookies.sysadmin as string },
    payload: { name: '新网格员', phone: '13912345678', idNumber: '110105199001010125', unitId: unit?.id },
  });
  expect(added.statusCode, added.body).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] as string } });

async function exported(query = '') {
  const response = await get('auditor', `/api/audit/events.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '审计日志');
}

describe('GET /api/audit/events.xlsx', () => {
  it('the audit administrator’s file starts with exactly the events the trail lists, newest first', async () => {
    const listed = (await get('auditor', '/api/audit/events?limit=500')).json();
    const sheet = await exported();
    expect(sheet.headers.slice(0, 6)).toEqual(['事件编号', '时间', '事件类型', '对象类型', '对象', '操作人']);
    const ids = sheet.records.map((r) => r.事件编号);
    expect(ids.slice(0, listed.items.length)).toEqual(listed.items.map((e: { id: string }) => e.id));
    // The next page of the trail starts where `before` says, in the file as in the list.
    if (listed.nextBefore) {
      const next = (await get('auditor', `/api/audit/events?limit=20&before=${listed.nextBefore}`)).json();
      const after = await exported(`?before=${listed.nextBefore}`);
      expect(after.records.slice(0, 20).map((r) => r.事件编号)).toEqual(
        next.items.map((e: { id: string }) => e.id),
      );
    }
  });

  it('by kind and day, with the payload as written (personal numbers masked) and the actor named', async () => {
    const sheet = await exported('?kind=org.person_added&from=2026-09-18&to=2026-09-18');
    const mine = sheet.records.filter((r) => String(r.内容).includes('新网格员'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      事件类型: 'org.person_added',
      对象类型: 'person',
      操作人: '系统管理员',
      时间: new Date(Date.UTC(2026, 8, 18, 9, 0)),
    });
    expect(String(mine[0]?.内容)).toContain('139****5678');
    expect(JSON.stringify(sheet.rows)).not.toContain('13912345678');
    expect(sheet.records.every((r) => r.事件类型 === 'org.person_added')).toBe(true);
    expect(sheet.about).toMatchObject({ 事件类型: 'org.person_added', 日期: '2026-09-18 至 2026-09-18' });
    expect((await exported('?from=2026-09-19')).records).toEqual([]);
  });

  it('bad filters are refused with their field; only the audit administrator reads the trail', async () => {
    for (const [query, field] of [
      ['?before=abc', 'before'],
      ['?from=2026-13-01', 'from'],
      ['?from=2026-09-19&to=2026-09-18', 'to'],
      ['?actorId=me', 'actorId'],
    ] as const) {
      const response = await get('auditor', `/api/audit/events.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
    expect((await get('sysadmin', '/api/audit/events.xlsx')).statusCode).toBe(403);
    expect((await get('dispatcher', '/api/audit/events.xlsx')).statusCode).toBe(403);
  });
});
