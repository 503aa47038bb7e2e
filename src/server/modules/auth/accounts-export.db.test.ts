import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { zhCN } from '../../../web/i18n/zh-CN.ts';
import { ALL_ROLE_LABELS } from './accounts-sheet.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['sysadmin', 'secadmin', 'auditor', 'leader']) cookies[name] = await t.login(name);
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  // One account of each state: locked, disabled, one that must change its password.
  await t.database.query(
    `UPDATE accounts SET locked_until = now() + interval '1 day' WHERE username = 'handler'`,
  );
  await t.database.query(`UPDATE accounts SET disabled_at = now() WHERE username = 'volunteer'`);
  await t.database.query(`UPDATE accounts SET must_change_password = true WHERE username = 'liaison'`);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: { cookie: cookies.sysadmin as string },
    payload: {
      username: 'longdu-admin',
      displayName: '龙都管理员',
      orgUnitId: units['370782002'],
      initialPassword: 'Longdu#2026',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const grant = await t.app.inject({
    method: 'POST',
    url: '/api/grants',
    headers: { cookie: cookies.secadmin as string },
    payload: { accountId: created.json().id, role: 'system_admin', orgUnitId: units['370782002'] },
  });
  expect(grant.statusCode, grant.body).toBe(201);
  cookies['longdu-admin'] = await t.login('longdu-admin', 'Longdu#2026');
});
afterAll(async () => {
  await t.close();
});

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] as string } });

async function exported(who: string, query = '') {
  const response = await get(who, `/api/accounts.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '账号列表');
}

async function listed(who: string, query = '') {
  const response = await get(who, `/api/accounts${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { username: string }[]).map((a) => a.username);
}

describe('GET /api/accounts.xlsx', () => {
  it('the file holds exactly the accounts the list shows, for each filter and sort', async () => {
    const queries = [
      '',
      '?q=调度',
      '?role=centre_dispatcher',
      '?status=locked',
      '?status=disabled',
      '?sort=unit',
    ];
    for (const who of ['sysadmin', 'secadmin', 'longdu-admin'])
      for (const query of queries) {
        const sheet = await exported(who, query);
        expect(
          sheet.records.map((r) => r.用户名),
          `${who} ${query}`,
        ).toEqual(await listed(who, query));
      }
    // A township's administrator sees its township's accounts only.
    expect((await exported('longdu-admin')).records.map((r) => r.用户名)).toEqual(['longdu-admin']);
    expect((await exported('sysadmin', '?role=centre_dispatcher')).records.map((r) => r.用户名)).toEqual([
      'citydispatcher',
      'dispatcher',
    ]);
  });

  it('roles, units and states in the page’s Chinese words, and nothing secret', async () => {
    const sheet = await exported('sysadmin');
    expect(sheet.headers).toEqual(['用户名', '姓名', '所属单位', '角色', '状态', '锁定至', '账号 ID']);
    const byName = Object.fromEntries(sheet.records.map((r) => [r.用户名, r]));
    expect(byName.dispatcher).toMatchObject({
      姓名: '陈调度',
      角色: expect.stringMatching(/^中心调度员（/),
      状态: '正常',
    });
    expect(byName.handler).toMatchObject({ 状态: '已锁定', 锁定至: expect.any(Date) });
    expect(byName.volunteer).toMatchObject({ 状态: '已停用' });
    expect(byName.liaison).toMatchObject({ 状态: '待改密' });
    expect(byName['longdu-admin']).toMatchObject({ 角色: '系统管理员（龙都街道）' });
    const file = JSON.stringify(sheet.rows);
    expect(file).not.toMatch(/argon2|\$2[aby]\$/);
    expect(sheet.about).toMatchObject({ 列表: '账号列表', 导出人: '系统管理员' });
    const web = zhCN as Record<string, string>;
    for (const [role, label] of Object.entries(ALL_ROLE_LABELS)) expect(web[`role.${role}`]).toBe(label);
  });

  it('a bad filter is refused with its field; the auditor and business roles may not export accounts', async () => {
    for (const [query, field] of [
      ['?role=king', 'role'],
      ['?status=asleep', 'status'],
      ['?sort=age', 'sort'],
      ['?page=2', 'page'],
    ] as const) {
      const response = await get('sysadmin', `/api/accounts.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
    expect((await get('auditor', '/api/accounts.xlsx')).statusCode).toBe(403);
    expect((await get('leader', '/api/accounts.xlsx')).statusCode).toBe(403);
  });
});
