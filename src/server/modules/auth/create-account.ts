import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { type Caller, eventActor, requireAccess } from './access.ts';
import { type AccountRow, findAccountByUsername, normaliseUsername } from './accounts.repository.ts';
import { accounts } from './accounts.tables.ts';
import type { AuthSettings } from './auth-settings.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { hashPassword } from './passwords.ts';

export interface CreateAccountOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  settings: AuthSettings;
  /** 3–32 characters: lower-case letters, digits, dot, dash, underscore. */
  username: string;
  displayName: string;
  /** The unit the person works for; must lie in the caller's scope. */
  orgUnitId: string;
  /** Must be changed at first login, except in demo mode. */
  initialPassword: string;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export async function createAccount(options: CreateAccountOptions): Promise<AccountRow> {
  const { db, caller } = options;
  const username = normaliseUsername(options.username);
  if (!USERNAME_PATTERN.test(username)) {
    throw badRequest(
      'BAD_USERNAME',
      '用户名须为 3–32 位小写字母、数字、点、横线或下划线',
      'The user name needs 3–32 lower-case letters, digits, dots, dashes or underscores',
      'username',
    );
  }
  const unit = await findOrgUnit(db, options.orgUnitId);
  if (!unit) throw badRequest('ORG_UNIT_NOT_FOUND', '所属组织不存在', 'Org unit not found', 'orgUnitId');
  requireAccess(caller, 'account.create', unit.path);
  const weak = checkPasswordPolicy(options.initialPassword, username);
  if (weak) throw badRequest('WEAK_PASSWORD', weak.zh, weak.en, 'initialPassword');
  const passwordHash = await hashPassword(options.initialPassword);
  const now = options.clock.now();

  return db.transaction(async (tx) => {
    if (await findAccountByUsername(tx, username)) {
      throw conflict(
        'USERNAME_TAKEN',
        `用户名 ${username} 已被使用`,
        `User name ${username} is taken`,
        'username',
      );
    }
    const [account] = await tx
      .insert(accounts)
      .values({
        id: randomUUID(),
        username,
        displayName: options.displayName.trim(),
        passwordHash,
        mustChangePassword: !options.settings.demoMode,
        orgUnitId: unit.id,
        createdAt: now,
        passwordChangedAt: now,
      })
      .returning();
    if (!account) throw new Error('account insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'account', id: account.id },
      kind: 'auth.account_created',
      payload: { username, displayName: account.displayName, orgUnitId: unit.id },
    });
    return account;
  });
}
