import { and, eq, ne } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { findAccountById } from './accounts.repository.ts';
import { accounts, sessions } from './accounts.tables.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Actor } from './policy.ts';

export interface ChangePasswordOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
}

/**
 * The account holder changes their own password. Other sessions of the account end
 * (someone who knew the old password is logged out); this one stays.
 */
export async function changePassword(options: ChangePasswordOptions): Promise<void> {
  const { db, actor } = options;
  const now = options.clock.now();
  const account = await findAccountById(db, actor.id);
  if (!account || !(await verifyPassword(account.passwordHash, options.currentPassword))) {
    throw badRequest(
      'BAD_CURRENT_PASSWORD',
      '当前密码不正确',
      'The current password is wrong',
      'currentPassword',
    );
  }
  const weak = checkPasswordPolicy(options.newPassword, account.username);
  if (weak) throw badRequest('WEAK_PASSWORD', weak.zh, weak.en, 'newPassword');
  if (options.newPassword === options.currentPassword) {
    throw badRequest(
      'PASSWORD_REUSED',
      '新密码不能与当前密码相同',
      'The new password must differ from the current one',
      'newPassword',
    );
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
      .where(eq(accounts.id, actor.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, actor.id), ne(sessions.tokenHash, actor.sessionTokenHash)));
    await appendEvent({
      db: tx,
      at: now,
      actor: { id: actor.id, orgUnitId: actor.orgUnitId },
      subject: { type: 'account', id: actor.id },
      kind: 'auth.password_changed',
      payload: { wasRequired: account.mustChangePassword },
    });
  });
}
