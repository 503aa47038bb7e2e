import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { revokeRole } from './revoke-role.ts';

let t: TestApp;
let cookies: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  cookies = {};
  for (const name of ['sysadmin', 'secadmin', 'auditor', 'dispatcher', 'gridworker', 'leader']) {
    cookies[name] = await t.login(name);
  }
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await t.close();
});

const accountId = async (username: string) =>
  (await t.database.query<{ id: string }>('SELECT id FROM accounts WHERE username = $1', [username]))[0]
    ?.id ?? '';
const call = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload ? { payload } : {}) });

describe('separation of the three administrator roles', () => {
  it('refuses a second administrator role for the same account', async () => {
    const response = await call('secadmin', 'POST', '/api/grants', {
      accountId: await accountId('auditor'),
      role: 'system_admin',
      orgUnitId: units['370700'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'ADMIN_ROLE_CONFLICT', field: 'role' });
  });

  it('refuses a business role for an administrator and an administrator role for a business account', async () => {
    const toAdmin = await call('secadmin', 'POST', '/api/grants', {
      accountId: await accountId('sysadmin'),
      role: 'leader',
      orgUnitId: units['370782'],
    });
    expect(toAdmin.json().error.code).toBe('ADMIN_ROLE_CONFLICT');
    const toBusiness = await call('secadmin', 'POST', '/api/grants', {
      accountId: await accountId('leader'),
      role: 'audit_admin',
      orgUnitId: units['370700'],
    });
    expect(toBusiness.json().error.code).toBe('ADMIN_ROLE_CONFLICT');
  });

  it('holds in the database itself, not only in code', async () => {
    const id = await accountId('auditor');
    await expect(
      t.database.query(
        "INSERT INTO role_grants (account_id, role, org_unit_id, granted_at) VALUES ($1, 'security_admin', $2, now())",
        [id, units['370782']],
      ),
    ).rejects.toThrow(/role_grants_one_admin_role_uq/);
  });

  it('gives each administrator its own duty and nothing else', async () => {
    expect((await call('sysadmin', 'GET', '/api/accounts')).statusCode).toBe(200);
    expect(
      (await call('sysadmin', 'GET', `/api/grants?accountId=${await accountId('leader')}`)).statusCode,
    ).toBe(403);
    expect((await call('sysadmin', 'GET', '/api/audit/events')).statusCode).toBe(403);

    expect(
      (await call('secadmin', 'GET', `/api/grants?accountId=${await accountId('leader')}`)).statusCode,
    ).toBe(200);
    expect((await call('secadmin', 'GET', '/api/accounts')).statusCode).toBe(200); // to pick whom to grant
    expect(
      (
        await call('secadmin', 'POST', '/api/accounts', {
          username: 'sneaky',
          displayName: 'S',
          orgUnitId: units['370700'],
          initialPassword: 'Sneaky#2026',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('secadmin', 'POST', `/api/accounts/${await accountId('leader')}/unlock`)).statusCode,
    ).toBe(403);
    expect((await call('secadmin', 'POST', '/api/audit/verify')).statusCode).toBe(403);

    expect((await call('auditor', 'GET', '/api/audit/events')).statusCode).toBe(200);
    expect((await call('auditor', 'POST', '/api/audit/verify')).json().ok).toBe(true);
    const trail = (await call('auditor', 'GET', '/api/audit/events?limit=1')).json().items;
    expect(trail[0]).toMatchObject({
      kind: 'audit.chain_verified',
      actorName: '审计管理员',
      payload: { ok: true },
    });
    expect((await call('auditor', 'GET', '/api/accounts')).statusCode).toBe(403);
    expect((await call('auditor', 'GET', '/api/org/units')).statusCode).toBe(403);
  });

  it('keeps business users out of administration', async () => {
    for (const who of ['dispatcher', 'gridworker', 'leader']) {
      expect((await call(who, 'GET', '/api/accounts')).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/audit/events')).statusCode).toBe(403);
      expect(
        (
          await call(who, 'POST', '/api/grants', {
            accountId: await accountId(who),
            role: 'leader',
            orgUnitId: units['370700'],
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it('does not let a security administrator change their own roles or remove the last one', async () => {
    const grants = await call('sysadmin', 'GET', '/api/accounts');
    const sec = grants.json().items.find((a: { username: string }) => a.username === 'secadmin');
    const own = await call('secadmin', 'DELETE', `/api/grants/${sec.roles[0].id}`);
    expect(own.json().error.code).toBe('SELF_GRANT');
    // Only the operator's CLI (caller 'system') could try to remove the last one.
    await expect(
      revokeRole({ db: t.ctx.db, clock: t.clock, caller: 'system', grantId: sec.roles[0].id }),
    ).rejects.toMatchObject({ code: 'LAST_SECURITY_ADMIN', status: 409 });
  });
});

describe('data scope follows the org tree', () => {
  it('shows a township dispatcher its township subtree only', async () => {
    const response = await call('dispatcher', 'GET', '/api/org/units');
    const codes = response.json().items.map((u: { code: string }) => u.code);
    expect(codes).toContain('370782001');
    expect(codes).toContain('370782001001001');
    expect(codes).not.toContain('370782002');
    expect(codes).not.toContain('370782');
  });

  it('shows a grid worker its own grid only', async () => {
    const codes = (await call('gridworker', 'GET', '/api/org/units'))
      .json()
      .items.map((u: { code: string }) => u.code);
    expect(codes).toEqual(['370782001001001']);
  });

  it('lets a district-level administrator manage accounts of its district only', async () => {
    const id = await accountId('secadmin');
    // A new system administrator for 龙都街道 only.
    const created = await call('sysadmin', 'POST', '/api/accounts', {
      username: 'longdu-admin',
      displayName: '龙都管理员',
      orgUnitId: units['370782002'],
      initialPassword: 'Longdu#2026',
    });
    expect(created.statusCode).toBe(201);
    const grant = await call('secadmin', 'POST', '/api/grants', {
      accountId: created.json().id,
      role: 'system_admin',
      orgUnitId: units['370782002'],
    });
    expect(grant.statusCode).toBe(201);
    expect(id).not.toBe('');
    const local = await t.login('longdu-admin', 'Longdu#2026');
    const listed = await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie: local } });
    expect(listed.json().items.map((a: { username: string }) => a.username)).toEqual(['longdu-admin']);
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${await accountId('gridworker')}/unlock`,
      headers: { cookie: local },
    });
    expect(outside.statusCode).toBe(403);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie: local },
      payload: {
        username: 'x-user',
        displayName: 'X',
        orgUnitId: units['370782001'],
        initialPassword: 'Xuser#2026',
      },
    });
    expect(create.json().error.code).toBe('OUT_OF_SCOPE');
  });
});
