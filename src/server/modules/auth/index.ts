/** The auth module: accounts, sessions, roles, data scope and the three administrator roles. */
export { type Caller, eventActor, requireAccess } from './access.ts';
export {
  accountNames,
  findAccountById,
  listAccountsInScope,
  loadGrants,
  normaliseUsername,
} from './accounts.repository.ts';
export { accounts, roleGrants, sessions } from './accounts.tables.ts';
export { type AuthSettings, authSettingsFrom } from './auth-settings.ts';
export { changePassword } from './change-password.ts';
export { createAccount } from './create-account.ts';
export { grantRole } from './grant-role.ts';
export { login } from './login.ts';
export { logout } from './logout.ts';
export { checkPasswordPolicy } from './password-policy.ts';
export { type Action, type Actor, actionsOf, authorize, isAction, POLICY, scopeOf } from './policy.ts';
export { resetPassword } from './reset-password.ts';
export { resolveSession } from './resolve-session.ts';
export { revokeRole } from './revoke-role.ts';
export { ADMIN_ROLES, BUSINESS_ROLES, isAdminRole, isRole, ROLES, type Role } from './roles.ts';
export { unlockAccount } from './unlock-account.ts';
export { updateSettings } from './update-settings.ts';
