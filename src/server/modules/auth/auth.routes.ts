import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { findOrgUnit } from '../org/index.ts';
import { findAccountById, loadGrants } from './accounts.repository.ts';
import {
  changePasswordBody,
  emptyBody,
  loginBody,
  loginResponse,
  meResponse,
  settingsBody,
} from './auth.schemas.ts';
import { changePassword } from './change-password.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { type Actor, actionsOf } from './policy.ts';
import { resolveSession } from './resolve-session.ts';
import { updateSettings } from './update-settings.ts';

export function registerAuthRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post('/api/auth/login', {
    schema: {
      tags,
      summary: 'Log in; sets the session cookie',
      body: loginBody,
      response: { 200: loginResponse },
    },
    config: {
      public: true,
      rateLimit: { max: ctx.config.LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' },
    },
    handler: async (request, reply) => {
      const { token } = await login({
        db: ctx.db,
        clock: ctx.clock,
        settings: ctx.auth,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(ctx, request, reply, token);
      const actor = await resolveSession({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, token });
      if (typeof actor !== 'object') throw new Error('new session did not resolve');
      return { user: await presentMe(ctx, actor) };
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: 'End this session', body: emptyBody, response: { 204: z.null() } },
    config: { action: 'session.self' },
    handler: async (request, reply) => {
      await logout({ db: ctx.db, clock: ctx.clock, actor: actorOf(request), everywhere: false });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/logout-all', {
    schema: {
      tags,
      summary: 'End every session of the account',
      body: emptyBody,
      response: { 204: z.null() },
    },
    config: { action: 'session.self' },
    handler: async (request, reply) => {
      await logout({ db: ctx.db, clock: ctx.clock, actor: actorOf(request), everywhere: true });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: { tags, summary: 'The logged-in account', response: { 200: meResponse } },
    config: { action: 'session.self' },
    handler: async (request) => presentMe(ctx, actorOf(request)),
  });

  app.post('/api/auth/password', {
    schema: { tags, summary: 'Change my password', body: changePasswordBody, response: { 204: z.null() } },
    config: { action: 'session.self' },
    handler: async (request, reply) => {
      await changePassword({ db: ctx.db, clock: ctx.clock, actor: actorOf(request), ...request.body });
      return reply.status(204).send(null);
    },
  });

  app.put('/api/auth/me/settings', {
    schema: {
      tags,
      summary: 'Change my settings (language)',
      body: settingsBody,
      response: { 200: meResponse },
    },
    config: { action: 'session.self' },
    handler: async (request) => {
      const actor = actorOf(request);
      await updateSettings({ db: ctx.db, clock: ctx.clock, actor, locale: request.body.locale });
      return presentMe(ctx, actor);
    },
  });
}

async function presentMe(ctx: AppContext, actor: Actor): Promise<z.infer<typeof meResponse>> {
  const account = await findAccountById(ctx.db, actor.id);
  if (!account) throw new Error('actor without account');
  const unit = account.orgUnitId ? await findOrgUnit(ctx.db, account.orgUnitId) : undefined;
  const grants = await loadGrants(ctx.db, actor.id);
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    locale: account.locale,
    mustChangePassword: account.mustChangePassword,
    orgUnit: unit ? { id: unit.id, name: unit.name } : null,
    roles: grants.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName })),
    actions: actionsOf({ ...actor, mustChangePassword: account.mustChangePassword }),
  };
}

function setSessionCookie(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const secure =
    ctx.config.COOKIE_SECURE === 'always' ||
    (ctx.config.COOKIE_SECURE === 'auto' && request.protocol === 'https');
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: ctx.auth.sessionAbsoluteHours * 3600,
  });
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
