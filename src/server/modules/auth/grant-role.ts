import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { type Caller, eventActor, requireAccess } from './access.ts';
import { findAccountById, loadGrants } from './accounts.repository.ts';
import { roleGrants } from './accounts.tables.ts';
import { isAdminRole, isRole } from './roles.ts';

export interface GrantRoleOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  accountId: string;
  role: string;
  /** The unit whose subtree the role covers. */
  orgUnitId: string;
}

export type GrantRow = typeof roleGrants.$inferSelect;

const adminConflict = () =>
  conflict(
    'ADMIN_ROLE_CONFLICT',
    '系统管理员、安全管理员、审计管理员须由不同账号担任，且不得兼任业务角色',
    'System, security and audit administrators must be different accounts with no business roles',
    'role',
  );

/**
 * A security administrator grants a role at a unit. The three administrator roles
 * are kept apart: an account holding one holds nothing else (also enforced by a
 * unique index, so concurrent grants cannot slip through).
 */
export async function grantRole(options: GrantRoleOptions): Promise<GrantRow> {
  const { db, caller } = options;
  if (!isRole(options.role)) throw badRequest('BAD_ROLE', '角色无效', 'Unknown role', 'role');
  const role = options.role;
  const unit = await findOrgUnit(db, options.orgUnitId);
  if (!unit) throw badRequest('ORG_UNIT_NOT_FOUND', '组织不存在', 'Org unit not found', 'orgUnitId');
  requireAccess(caller, 'role.grant', unit.path);
  if (caller !== 'system' && caller.id === options.accountId) {
    throw forbidden('SELF_GRANT', '不能为自己授权', 'You cannot change your own roles');
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    // Locking the account serialises grants to it, so the checks below see every grant.
    const account = await findAccountById(tx, options.accountId, true);
    if (!account) throw badRequest('ACCOUNT_NOT_FOUND', '账号不存在', 'Account not found', 'accountId');
    // The security admin grants only to accounts of their own subtree, and only there.
    const accountUnit = account.orgUnitId ? await findOrgUnit(tx, account.orgUnitId) : undefined;
    requireAccess(caller, 'role.grant', accountUnit?.path ?? '/');
    const existing = await loadGrants(tx, account.id);
    if (existing.some((g) => g.role === role && g.orgUnitId === unit.id)) {
      throw conflict(
        'GRANT_EXISTS',
        '该账号已在此组织拥有此角色',
        'The account already has this role here',
        'role',
      );
    }
    const holdsAdmin = existing.some((g) => isAdminRole(g.role));
    if ((isAdminRole(role) && existing.length > 0) || (!isAdminRole(role) && holdsAdmin)) {
      throw adminConflict();
    }
    const [grant] = await tx
      .insert(roleGrants)
      .values({
        id: randomUUID(),
        accountId: account.id,
        role,
        orgUnitId: unit.id,
        grantedBy: caller === 'system' ? null : caller.id,
        grantedAt: now,
      })
      .returning();
    if (!grant) throw new Error('grant insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'account', id: account.id },
      kind: 'auth.role_granted',
      payload: { grantId: grant.id, role, orgUnitId: unit.id },
    });
    return grant;
  });
}
