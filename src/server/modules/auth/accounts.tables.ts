import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from '../org/org.tables.ts';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Login name, stored lower-case; unique. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    /** Set for initial and reset passwords outside demo mode; cleared by a change. */
    mustChangePassword: boolean('must_change_password').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    locale: text('locale').$type<'zh-CN' | 'en'>().notNull().default('zh-CN'),
    /** The unit the person normally works for; events record it as the actor's unit. */
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(t.username)],
);

/**
 * Sessions. The cookie carries a random token; only its SHA-256 is stored, so a
 * leaked table does not leak usable sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** createdAt + absolute lifetime, fixed at login. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * A role held at an org unit; it applies to the unit's whole subtree (data scope).
 * The partial unique index makes it impossible, in the database itself, for one
 * account to hold two of the three administrator roles (MLPS 2.0 separation of duties).
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    role: text('role').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('role_grants_account_role_unit_uq').on(t.accountId, t.role, t.orgUnitId),
    uniqueIndex('role_grants_one_admin_role_uq')
      .on(t.accountId)
      .where(sql`${t.role} IN ('system_admin', 'security_admin', 'audit_admin')`),
    index('role_grants_account_idx').on(t.accountId),
  ],
);
