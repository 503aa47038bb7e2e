import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { type Caller, eventActor, requireAccess } from './access.ts';
import { findAccountById, findAccountByUsername } from './accounts.repository.ts';
import { accounts, sessions } from './accounts.tables.ts';
import type { AuthSettings } from './auth-settings.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { hashPassword } from './passwords.ts';

export interface ResetPasswordOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  settings: AuthSettings;
  /** The account, by id (API) or user name (CLI). */
  account: { id: string } | { username: string };
  newPassword: string;
}

/**
 * A system administrator sets a new password. Like an initial password it must be
 * changed at the next login (outside demo mode); all sessions end and the lock lifts.
 */
export async function resetPassword(options: ResetPasswordOptions): Promise<void> {
  const { db, caller } = options;
  const account =
    'id' in options.account
      ? await findAccountById(db, options.account.id)
      : await findAccountByUsername(db, options.account.username);
  if (!account) throw notFound('Account', '账号');
  const unit = account.orgUnitId ? await findOrgUnit(db, account.orgUnitId) : undefined;
  requireAccess(caller, 'account.reset_password', unit?.path ?? '/');
  const weak = checkPasswordPolicy(options.newPassword, account.username);
  if (weak) throw badRequest('WEAK_PASSWORD', weak.zh, weak.en, 'newPassword');
  const passwordHash = await hashPassword(options.newPassword);
  const now = options.clock.now();
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({
        passwordHash,
        mustChangePassword: !options.settings.demoMode,
        passwordChangedAt: now,
        failedLogins: 0,
        lockedUntil: null,
      })
      .where(eq(accounts.id, account.id));
    await tx.delete(sessions).where(eq(sessions.accountId, account.id));
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'account', id: account.id },
      kind: 'auth.password_reset',
      payload: {},
    });
  });
}
