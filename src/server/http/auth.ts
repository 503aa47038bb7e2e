import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, forbidden, unauthenticated } from '../core/errors.ts';
import { type Action, type Actor, authorize, isAction, resolveSession } from '../modules/auth/index.ts';
import type { AppContext } from './context.ts';

export const SESSION_COOKIE = 'luoshi_sid';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; a route without one is denied. */
    action?: Action;
    /** Open to everyone (login, health, the public calendar). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The logged-in caller, set by the authorisation hook; null on public routes without a session. */
    actor: Actor | null;
  }
}

/** Paths served to anyone: the API reference and, outside /api, the web app itself. */
function isPublicPath(url: string): boolean {
  return !url.startsWith('/api/') || url === '/api/docs' || url.startsWith('/api/docs/');
}

/**
 * Authentication and authorisation for every route, registered once: validation has
 * run already (schema first), then the session is resolved, then the route's policy
 * action is checked. A route with neither `public` nor an action is refused (deny by
 * default) — a forgotten policy cannot open a route.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = route.config ?? {};
    if (config.public || isPublicPath(route.url)) {
      route.preHandler = combine(route.preHandler, optionalSession(ctx));
      return;
    }
    const action = config.action;
    if (!action || !isAction(action)) {
      app.log.warn(
        { url: route.url, method: route.method },
        'route has no policy action: every call is denied',
      );
    }
    route.preHandler = combine(route.preHandler, requireSession(ctx, action));
  });
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

function combine(existing: RouteOptions['preHandler'], added: Handler): RouteOptions['preHandler'] {
  if (!existing) return added;
  return Array.isArray(existing) ? [added, ...existing] : [added, existing];
}

async function actorFrom(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Actor | 'unknown' | 'expired' | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  return resolveSession({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, token });
}

function optionalSession(ctx: AppContext): Handler {
  return async (request) => {
    const actor = await actorFrom(ctx, request);
    request.actor = actor && typeof actor === 'object' ? actor : null;
  };
}

function requireSession(ctx: AppContext, action: string | undefined): Handler {
  return async (request) => {
    if (!action || !isAction(action)) {
      throw forbidden(
        'NO_POLICY',
        '该接口未配置访问策略，已拒绝',
        'This route has no access policy and is denied',
      );
    }
    const actor = await actorFrom(ctx, request);
    if (actor === 'expired') {
      throw unauthenticated(
        'SESSION_EXPIRED',
        '登录已过期，请重新登录',
        'Your session has expired; please log in again',
      );
    }
    if (!actor || actor === 'unknown') throw unauthenticated();
    request.actor = actor;
    if (authorize(actor, action)) return;
    if (actor.mustChangePassword && authorize({ ...actor, mustChangePassword: false }, action)) {
      throw new AppError({
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
        zh: '请先修改初始密码',
        en: 'Change your initial password first',
      });
    }
    throw forbidden();
  };
}

/** The actor of a route that required a session (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
