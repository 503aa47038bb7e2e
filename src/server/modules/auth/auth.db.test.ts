import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const eventKinds = async (subjectId?: string) =>
  (
    await t.database.query<{ kind: string }>(
      subjectId
        ? 'SELECT kind FROM events WHERE subject_id = $1 ORDER BY id'
        : "SELECT kind FROM events WHERE kind LIKE 'auth.login%' ORDER BY id",
      subjectId ? [subjectId] : [],
    )
  ).map((r) => r.kind);
const accountId = async (username: string) =>
  (await t.database.query<{ id: string }>('SELECT id FROM accounts WHERE username = $1', [username]))[0]
    ?.id ?? '';

describe('login', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and records the success', async () => {
    const response = await login('gridworker', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'luoshi_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(response.json().user).toMatchObject({ username: 'gridworker', displayName: '王小网' });
    expect(await eventKinds(await accountId('gridworker'))).toContain('auth.login_succeeded');
  });

  it('sets Secure on the cookie behind an HTTPS proxy', async () => {
    await t.close();
    t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'gridworker', password: DEMO_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'luoshi_sid')?.secure).toBe(true);
  });

  it('gives a new session id at every login and ends the one the browser had', async () => {
    const first = await t.login('gridworker');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first },
      payload: { username: 'gridworker', password: DEMO_PASSWORD },
    });
    const second = `luoshi_sid=${response.cookies.find((c) => c.name === 'luoshi_sid')?.value}`;
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('answers the same for an unknown account and a wrong password, and records both', async () => {
    const unknown = await login('nobody', 'Whatever#1');
    const wrong = await login('gridworker', 'Wrong#pass1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.code).toBe('BAD_CREDENTIALS');
    expect(await eventKinds()).toEqual(['auth.login_failed', 'auth.login_failed']);
  });

  it('never stores or logs the password', async () => {
    await login('gridworker', 'Secret#Guess1');
    const rows = await t.database.query<{ payload: unknown }>('SELECT payload FROM events');
    expect(JSON.stringify(rows)).not.toContain('Secret#Guess1');
  });
});

describe('lockout', () => {
  it('locks the account for 30 minutes after 5 failed logins, even against the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('gridhead', 'Wrong#pass1')).statusCode).toBe(401);
    const fifth = await login('gridhead', 'Wrong#pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const id = await accountId('gridhead');
    expect(await eventKinds(id)).toContain('auth.account_locked');

    t.clock.advanceMinutes(29);
    const during = await login('gridhead', DEMO_PASSWORD);
    expect(during.statusCode).toBe(423);
    expect(during.json().error.message).toContain('账号已锁定至 2026-09-18 09:30');

    t.clock.advanceMinutes(1);
    expect((await login('gridhead', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('resets the count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await login('gridhead', 'Wrong#pass1');
    expect((await login('gridhead', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('gridhead', 'Wrong#pass1')).statusCode).toBe(401);
  });

  it('is lifted early by a system administrator, as an event', async () => {
    for (let i = 0; i < 5; i++) await login('gridhead', 'Wrong#pass1');
    const admin = await t.login('sysadmin');
    const id = await accountId('gridhead');
    const listed = await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie: admin } });
    expect(listed.json().items.find((a: { id: string }) => a.id === id).lockedUntil).toBe(
      '2026-09-18T09:30:00+08:00',
    );
    const unlock = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${id}/unlock`,
      headers: { cookie: admin },
    });
    expect(unlock.statusCode).toBe(204);
    expect((await login('gridhead', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await eventKinds(id)).toContain('auth.account_unlocked');
  });

  it('follows the configured limits', async () => {
    await t.close();
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '2', LOGIN_LOCK_MINUTES: '5' } });
    await login('gridhead', 'Wrong#pass1');
    expect((await login('gridhead', 'Wrong#pass1')).statusCode).toBe(423);
    t.clock.advanceMinutes(5);
    expect((await login('gridhead', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('session expiry', () => {
  it('ends a session after 30 idle minutes', async () => {
    const cookie = await t.login('gridworker');
    t.clock.advanceMinutes(29);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(30);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    expect((await me(cookie)).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const cookie = await t.login('gridworker');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(20);
    expect((await me(cookie)).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('follows the configured lifetimes', async () => {
    await t.close();
    t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' } });
    const cookie = await t.login('gridworker');
    t.clock.advanceMinutes(5);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('logout', () => {
  it('ends this session only', async () => {
    const phone = await t.login('gridworker');
    const desk = await t.login('gridworker');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: phone } });
    expect(out.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(desk)).statusCode).toBe(200);
  });

  it('ends every session of the account everywhere', async () => {
    const phone = await t.login('gridworker');
    const desk = await t.login('gridworker');
    const other = await t.login('gridhead');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: { cookie: phone },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(desk)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);
    expect(await eventKinds(await accountId('gridworker'))).toContain('auth.logged_out_everywhere');
  });
});

describe('passwords', () => {
  it('requires a new account to change its initial password outside demo mode', async () => {
    await t.close();
    t = await createTestApp({ env: { DEMO_MODE: 'false' } });
    const admin = await t.login('sysadmin');
    const units = await t.app.inject({ method: 'GET', url: '/api/org/units', headers: { cookie: admin } });
    const grid = units.json().items.find((u: { code: string }) => u.code === '370782001001002');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie: admin },
      payload: {
        username: 'newworker',
        displayName: '新网格员',
        orgUnitId: grid.id,
        initialPassword: 'Start#2026a',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mustChangePassword).toBe(true);

    const cookie = await t.login('newworker', 'Start#2026a');
    const meNow = await me(cookie);
    expect(meNow.json()).toMatchObject({ mustChangePassword: true, actions: ['session.self'] });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/org/units', headers: { cookie } });
    expect(blocked.json().error.code).toBe('FORBIDDEN'); // no role yet: plain refusal

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Start#2026a', newPassword: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Start#2026a', newPassword: 'Better#2026b' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(cookie)).json().mustChangePassword).toBe(false);
  });

  it('refuses other routes with PASSWORD_CHANGE_REQUIRED while the change is due', async () => {
    await t.close();
    t = await createTestApp({ env: { DEMO_MODE: 'false' } });
    const admin = await t.login('sysadmin');
    const id = await accountId('gridhead');
    await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${id}/reset-password`,
      headers: { cookie: admin },
      payload: { newPassword: 'Reset#2026x' },
    });
    const cookie = await t.login('gridhead', 'Reset#2026x');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/org/units', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('checks the current password and refuses reuse', async () => {
    const cookie = await t.login('gridworker');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'Nope#2026', newPassword: 'Better#2026b' },
    });
    expect(wrong.json().error).toMatchObject({ code: 'BAD_CURRENT_PASSWORD', field: 'currentPassword' });
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    });
    expect(same.json().error.code).toBe('PASSWORD_REUSED');
  });

  it('ends the other sessions when the password changes', async () => {
    const phone = await t.login('gridworker');
    const desk = await t.login('gridworker');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: desk },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2026b' },
    });
    expect((await me(desk)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await login('gridworker', 'Better#2026b')).statusCode).toBe(200);
  });

  it('stores argon2id hashes only', async () => {
    const rows = await t.database.query<{ password_hash: string }>('SELECT password_hash FROM accounts');
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('settings', () => {
  it('keeps the language in the account', async () => {
    const cookie = await t.login('gridworker');
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/settings',
      headers: { cookie },
      payload: { locale: 'en' },
    });
    expect(response.json().locale).toBe('en');
    expect((await me(cookie)).json().locale).toBe('en');
  });
});
