import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnits } from '../org/index.ts';
import { accounts, roleGrants } from './accounts.tables.ts';
import type { ActorGrant } from './policy.ts';
import { isRole } from './roles.ts';

export type AccountRow = typeof accounts.$inferSelect;

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(eq(accounts.username, normaliseUsername(username)));
  return row;
}

export async function findAccountById(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<AccountRow | undefined> {
  const query = db.select().from(accounts).where(eq(accounts.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Grants with the path of their unit, for authorisation. */
export async function loadGrants(
  db: Db,
  accountId: string,
): Promise<(ActorGrant & { id: string; orgUnitName: string; grantedAt: Date })[]> {
  const rows = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      orgUnitId: roleGrants.orgUnitId,
      orgPath: orgUnits.path,
      orgUnitName: orgUnits.name,
      grantedAt: roleGrants.grantedAt,
    })
    .from(roleGrants)
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.orgUnitId))
    .where(eq(roleGrants.accountId, accountId))
    .orderBy(roleGrants.grantedAt);
  return rows.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []));
}

/** SQL condition: the account's unit lies inside one of the given subtrees. */
export function accountInScope(prefixes: string[]) {
  if (prefixes.includes('/')) return sql`true`;
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
}

export interface AccountListing {
  account: AccountRow;
  orgUnit: { id: string; name: string; path: string } | null;
  roles: { id: string; role: string; orgUnitId: string; orgUnitName: string }[];
}

/** Accounts whose unit lies in one of the subtrees, with their unit and grants. */
export async function listAccountsInScope(db: Db, prefixes: string[]): Promise<AccountListing[]> {
  const rows = await db
    .select({ account: accounts, unitId: orgUnits.id, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(accounts)
    .innerJoin(orgUnits, eq(orgUnits.id, accounts.orgUnitId))
    .where(accountInScope(prefixes))
    .orderBy(accounts.username);
  const ids = rows.map((r) => r.account.id);
  const grants = ids.length
    ? await db
        .select({
          id: roleGrants.id,
          accountId: roleGrants.accountId,
          role: roleGrants.role,
          orgUnitId: roleGrants.orgUnitId,
          orgUnitName: orgUnits.name,
        })
        .from(roleGrants)
        .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.orgUnitId))
        .where(inArray(roleGrants.accountId, ids))
    : [];
  return rows.map((r) => ({
    account: r.account,
    orgUnit: { id: r.unitId, name: r.unitName, path: r.unitPath },
    roles: grants.filter((g) => g.accountId === r.account.id).map(({ accountId: _ignored, ...g }) => g),
  }));
}

export async function accountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findGrant(db: Db, id: string) {
  const [row] = await db
    .select({ grant: roleGrants, orgPath: orgUnits.path })
    .from(roleGrants)
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.orgUnitId))
    .where(eq(roleGrants.id, id));
  return row;
}

export async function countGrantsOfRole(db: Db, role: string, exceptId?: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(roleGrants)
    .where(
      exceptId
        ? and(eq(roleGrants.role, role), sql`${roleGrants.id} <> ${exceptId}`)
        : eq(roleGrants.role, role),
    );
  return rows[0]?.n ?? 0;
}
