import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { type Caller, eventActor, requireAccess } from './access.ts';
import { findAccountById } from './accounts.repository.ts';
import { accounts } from './accounts.tables.ts';

export interface UnlockAccountOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  accountId: string;
}

/** Lifts a lock before it runs out (the person called the administrator). */
export async function unlockAccount(options: UnlockAccountOptions): Promise<void> {
  const { db, caller } = options;
  const account = await findAccountById(db, options.accountId);
  if (!account) throw notFound('Account', '账号');
  const unit = account.orgUnitId ? await findOrgUnit(db, account.orgUnitId) : undefined;
  requireAccess(caller, 'account.unlock', unit?.path ?? '/');
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ lockedUntil: null, failedLogins: 0 }).where(eq(accounts.id, account.id));
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: eventActor(caller),
      subject: { type: 'account', id: account.id },
      kind: 'auth.account_unlocked',
      payload: { wasLockedUntil: account.lockedUntil?.toISOString() ?? null },
    });
  });
}
