import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { findAccountByUsername, normaliseUsername } from './accounts.repository.ts';
import { accounts, sessions } from './accounts.tables.ts';
import type { AuthSettings } from './auth-settings.ts';
import { burnVerification, verifyPassword } from './passwords.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

export interface LoginOptions {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  username: string;
  password: string;
  /** Client address, recorded on the login events. */
  ip: string;
  /** Token of a session the browser already had; it is ended so the id always changes at login. */
  previousToken?: string | undefined;
}

export interface LoginResult {
  token: string;
  accountId: string;
}

const badCredentials = () =>
  new AppError({
    status: 401,
    code: 'BAD_CREDENTIALS',
    zh: '用户名或密码错误',
    en: 'Wrong user name or password',
  });

/**
 * Checks the password and opens a new session. Every success and failure is an
 * event; LOGIN_MAX_FAILURES consecutive failures lock the account for
 * LOGIN_LOCK_MINUTES, during which even the right password is refused.
 */
export async function login(options: LoginOptions): Promise<LoginResult> {
  const { db, clock, settings } = options;
  const now = clock.now();
  const username = normaliseUsername(options.username);
  const account = await findAccountByUsername(db, username);

  /** A refused login that changes nothing but the trail. */
  const recordFailure = (subjectId: string, reason: string) =>
    db.transaction((tx) =>
      appendEvent({
        db: tx,
        at: now,
        actor: null,
        subject: { type: 'account', id: subjectId },
        kind: 'auth.login_failed',
        payload: { reason, ip: options.ip },
      }),
    );

  if (!account) {
    await burnVerification(options.password);
    await recordFailure(username, 'unknown_account');
    throw badCredentials();
  }
  const subject = { type: 'account', id: account.id };

  if (account.lockedUntil && account.lockedUntil > now) {
    await recordFailure(account.id, 'locked');
    throw lockedError(account.lockedUntil);
  }

  if (!(await verifyPassword(account.passwordHash, options.password))) {
    const lockedUntil = await db.transaction(async (tx) => {
      // Counted atomically, so parallel guesses cannot slip past the limit.
      const [counted] = await tx
        .update(accounts)
        .set({ failedLogins: sql`${accounts.failedLogins} + 1` })
        .where(eq(accounts.id, account.id))
        .returning({ failedLogins: accounts.failedLogins });
      const failures = counted?.failedLogins ?? 1;
      await appendEvent({
        db: tx,
        at: now,
        actor: null,
        subject,
        kind: 'auth.login_failed',
        payload: { reason: 'bad_password', failures, ip: options.ip },
      });
      if (failures < settings.maxFailedLogins) return null;
      const until = new Date(now.getTime() + settings.lockMinutes * 60_000);
      await tx
        .update(accounts)
        .set({ lockedUntil: until, failedLogins: 0 })
        .where(eq(accounts.id, account.id));
      await appendEvent({
        db: tx,
        at: now,
        actor: null,
        subject,
        kind: 'auth.account_locked',
        payload: { until: toIsoShanghai(until), failures, ip: options.ip },
      });
      return until;
    });
    throw lockedUntil ? lockedError(lockedUntil) : badCredentials();
  }

  if (account.disabledAt) {
    await recordFailure(account.id, 'disabled');
    throw new AppError({
      status: 403,
      code: 'ACCOUNT_DISABLED',
      zh: '账号已停用',
      en: 'This account is disabled',
    });
  }

  const token = newSessionToken();
  await db.transaction(async (tx) => {
    if (options.previousToken) {
      await tx.delete(sessions).where(eq(sessions.tokenHash, hashSessionToken(options.previousToken)));
    }
    await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    await tx.insert(sessions).values({
      tokenHash: hashSessionToken(token),
      accountId: account.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + settings.sessionAbsoluteHours * 3600_000),
    });
    await appendEvent({
      db: tx,
      at: now,
      actor: { id: account.id, orgUnitId: account.orgUnitId },
      subject,
      kind: 'auth.login_succeeded',
      payload: { ip: options.ip },
    });
  });
  return { token, accountId: account.id };
}

function lockedError(until: Date): AppError {
  const at = toIsoShanghai(until).slice(0, 16).replace('T', ' ');
  return new AppError({
    status: 423,
    code: 'ACCOUNT_LOCKED',
    zh: `登录失败次数过多，账号已锁定至 ${at}`,
    en: `Too many failed logins: the account is locked until ${at}`,
  });
}
