import { z } from 'zod';
import type { accountView } from './auth.schemas.ts';
import { ROLES } from './roles.ts';

type AccountView = z.infer<typeof accountView>;

/** An account's state as the accounts page tags it; `active` is none of the others. */
export const ACCOUNT_STATUSES = ['active', 'locked', 'disabled', 'must_change'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_SORTS = ['username', 'name', 'unit'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/**
 * The filters of the accounts list, shared by `GET /api/accounts` and its export
 * `GET /api/accounts.xlsx`, so that the file holds what the page shows.
 */
export const accountListQuery = z.strictObject({
  /** Part of the user name or the display name. */
  q: z.string().trim().min(1).max(64).optional(),
  /** Accounts holding this role somewhere. */
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  sort: z.enum(ACCOUNT_SORTS).optional(),
});
export type AccountFilters = z.infer<typeof accountListQuery>;

export function statusOf(account: AccountView): AccountStatus[] {
  const statuses: AccountStatus[] = [];
  if (account.disabled) statuses.push('disabled');
  if (account.lockedUntil) statuses.push('locked');
  if (account.mustChangePassword) statuses.push('must_change');
  return statuses.length ? statuses : ['active'];
}

/** The accounts matching the filters, in the asked order (names and units by pinyin). */
export function filterAccounts(accounts: readonly AccountView[], filters: AccountFilters): AccountView[] {
  const q = filters.q?.toLowerCase();
  const kept = accounts.filter(
    (a) =>
      (!q || a.username.toLowerCase().includes(q) || a.displayName.toLowerCase().includes(q)) &&
      (!filters.role || a.roles.some((grant) => grant.role === filters.role)) &&
      (!filters.status || statusOf(a).includes(filters.status)),
  );
  const byUsername = (a: AccountView, b: AccountView) => a.username.localeCompare(b.username);
  const compare: Record<AccountSort, (a: AccountView, b: AccountView) => number> = {
    username: byUsername,
    name: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || byUsername(a, b),
    unit: (a, b) => (a.orgUnit?.name ?? '').localeCompare(b.orgUnit?.name ?? '', 'zh-CN') || byUsername(a, b),
  };
  return kept.sort(compare[filters.sort ?? 'username']);
}
