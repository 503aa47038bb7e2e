import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { type Caller, eventActor, requireAccess } from './access.ts';
import { countGrantsOfRole, findGrant } from './accounts.repository.ts';
import { roleGrants } from './accounts.tables.ts';

export interface RevokeRoleOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  grantId: string;
}

export async function revokeRole(options: RevokeRoleOptions): Promise<void> {
  const { db, caller } = options;
  const found = await findGrant(db, options.grantId);
  if (!found) throw notFound('Grant', '授权');
  requireAccess(caller, 'role.revoke', found.orgPath);
  const { grant } = found;
  if (caller !== 'system' && caller.id === grant.accountId) {
    throw forbidden('SELF_GRANT', '不能修改自己的角色', 'You cannot change your own roles');
  }
  await db.transaction(async (tx) => {
    // Nobody could grant roles any more: keep at least one security administrator.
    if (grant.role === 'security_admin' && (await countGrantsOfRole(tx, 'security_admin', grant.id)) === 0) {
      throw conflict(
        'LAST_SECURITY_ADMIN',
        '不能撤销最后一名安全管理员',
        'The last security administrator cannot be removed',
      );
    }
    await tx.delete(roleGrants).where(eq(roleGrants.id, grant.id));
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: eventActor(caller),
      subject: { type: 'account', id: grant.accountId },
      kind: 'auth.role_revoked',
      payload: { grantId: grant.id, role: grant.role, orgUnitId: grant.orgUnitId },
    });
  });
}
