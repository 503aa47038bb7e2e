import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { findOrgUnit } from '../org/index.ts';
import { requireAccess } from './access.ts';
import { type AccountFilters, accountListQuery, filterAccounts } from './account-list-query.ts';
import {
  type AccountListing,
  findAccountById,
  listAccountsInScope,
  loadGrants,
} from './accounts.repository.ts';
import { writeAccountsSheet } from './accounts-sheet.ts';
import {
  accountView,
  createAccountBody,
  emptyBody,
  grantBody,
  grantsQuery,
  grantView,
  idParams,
  resetPasswordBody,
} from './auth.schemas.ts';
import { createAccount } from './create-account.ts';
import { grantRole } from './grant-role.ts';
import { scopeOf } from './policy.ts';
import { resetPassword } from './reset-password.ts';
import { revokeRole } from './revoke-role.ts';
import { unlockAccount } from './unlock-account.ts';

/** Account administration (system admin) and role grants (security admin). */
export function registerAdminRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  /** The accounts of my `account.read` scope the list shows for these filters. */
  const listed = async (request: FastifyRequest, filters: AccountFilters) => {
    const listing = await listAccountsInScope(ctx.db, scopeOf(actorOf(request), 'account.read'));
    return filterAccounts(
      listing.map((l) => presentAccount(ctx, l)),
      filters,
    );
  };

  app.get('/api/accounts', {
    schema: {
      tags: ['accounts'],
      summary: 'Accounts in my scope, by user or display name, role and state, sorted',
      querystring: accountListQuery,
      response: { 200: z.object({ items: z.array(accountView) }) },
    },
    config: { action: 'account.read' },
    handler: async (request) => ({ items: await listed(request, request.query) }),
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/accounts.xlsx', {
    schema: {
      tags: ['accounts'],
      summary:
        'Issue 8: the accounts list as .xlsx (sheet 账号列表) — the same filters and scope as GET /api/accounts',
      querystring: accountListQuery,
      response: xlsxResponse,
    },
    config: { action: 'account.read' },
    handler: async (request, reply) => {
      const filters = request.query as AccountFilters;
      const file = await writeAccountsSheet({
        accounts: await listed(request, filters),
        filters,
        exportedAt: ctx.clock.now(),
        exportedBy: actorOf(request).displayName,
      });
      return sendXlsx(reply, file, { en: 'accounts', zh: '账号列表' }, ctx.clock.now());
    },
  });

  app.post('/api/accounts', {
    schema: {
      tags: ['accounts'],
      summary: 'Create an account',
      body: createAccountBody,
      response: { 201: accountView },
    },
    config: { action: 'account.create' },
    handler: async (request, reply) => {
      const account = await createAccount({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        settings: ctx.auth,
        ...request.body,
      });
      const unit = account.orgUnitId ? await findOrgUnit(ctx.db, account.orgUnitId) : undefined;
      return reply.status(201).send(
        presentAccount(ctx, {
          account,
          orgUnit: unit ? { id: unit.id, name: unit.name, path: unit.path } : null,
          roles: [],
        }),
      );
    },
  });

  app.post('/api/accounts/:id/reset-password', {
    schema: {
      tags: ['accounts'],
      summary: 'Set a new password (to be changed at next login)',
      params: idParams,
      body: resetPasswordBody,
      response: { 204: z.null() },
    },
    config: { action: 'account.reset_password' },
    handler: async (request, reply) => {
      await resetPassword({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        settings: ctx.auth,
        account: { id: request.params.id },
        newPassword: request.body.newPassword,
      });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/accounts/:id/unlock', {
    schema: {
      tags: ['accounts'],
      summary: 'Lift a login lock',
      params: idParams,
      body: emptyBody,
      response: { 204: z.null() },
    },
    config: { action: 'account.unlock' },
    handler: async (request, reply) => {
      await unlockAccount({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        accountId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/grants', {
    schema: {
      tags: ['grants'],
      summary: 'Role grants of an account',
      querystring: grantsQuery,
      response: { 200: z.object({ items: z.array(grantView) }) },
    },
    config: { action: 'role.read' },
    handler: async (request) => {
      const actor = actorOf(request);
      const account = await findAccountById(ctx.db, request.query.accountId);
      if (!account) throw notFound('Account', '账号', 'accountId');
      const unit = account.orgUnitId ? await findOrgUnit(ctx.db, account.orgUnitId) : undefined;
      requireAccess(actor, 'role.read', unit?.path ?? '/');
      const grants = await loadGrants(ctx.db, account.id);
      return {
        items: grants.map((g) => ({
          id: g.id,
          accountId: account.id,
          role: g.role,
          orgUnitId: g.orgUnitId,
          orgUnitName: g.orgUnitName,
          grantedAt: toIsoShanghai(g.grantedAt),
        })),
      };
    },
  });

  app.post('/api/grants', {
    schema: {
      tags: ['grants'],
      summary: 'Grant a role at an org unit',
      body: grantBody,
      response: { 201: grantView },
    },
    config: { action: 'role.grant' },
    handler: async (request, reply) => {
      const grant = await grantRole({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        ...request.body,
      });
      const unit = await findOrgUnit(ctx.db, grant.orgUnitId);
      return reply.status(201).send({
        id: grant.id,
        accountId: grant.accountId,
        role: grant.role,
        orgUnitId: grant.orgUnitId,
        orgUnitName: unit?.name ?? '',
        grantedAt: toIsoShanghai(grant.grantedAt),
      });
    },
  });

  app.delete('/api/grants/:id', {
    schema: {
      tags: ['grants'],
      summary: 'Revoke a role grant',
      params: idParams,
      body: emptyBody,
      response: { 204: z.null() },
    },
    config: { action: 'role.revoke' },
    handler: async (request, reply) => {
      await revokeRole({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        grantId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  });
}

function presentAccount(ctx: AppContext, listing: AccountListing): z.infer<typeof accountView> {
  const { account } = listing;
  const now = ctx.clock.now();
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    orgUnit: listing.orgUnit ? { id: listing.orgUnit.id, name: listing.orgUnit.name } : null,
    mustChangePassword: account.mustChangePassword,
    lockedUntil: account.lockedUntil && account.lockedUntil > now ? toIsoOrNull(account.lockedUntil) : null,
    disabled: account.disabledAt !== null,
    roles: listing.roles,
  };
}
