import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { listNotifications } from './list-notifications.ts';
import { markNotificationsRead } from './mark-notifications-read.ts';
import { NotificationStream } from './notification-stream.ts';
import { presentNotification } from './notification-view.ts';
import { sessionIsLive } from './notifications.repository.ts';
import {
  emptyBody,
  notificationIdParams,
  notificationPage,
  notificationsQuery,
  streamHeaders,
} from './notifications.schemas.ts';

export interface NotificationRouteOptions {
  /** Keep-alive of the stream (25 s); tests shorten it. */
  keepAliveMs?: number;
}

/** The inbox of the logged-in person: list, mark read, and the live stream. */
export function registerNotificationRoutes(
  root: FastifyInstance,
  ctx: AppContext,
  options: NotificationRouteOptions = {},
): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const open = new Set<NotificationStream>();
  // Open streams never finish by themselves; without this, closing the server
  // would wait for every browser tab to go away.
  root.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });

  app.get('/api/notifications', {
    schema: {
      tags: ['notifications'],
      summary: 'My notifications and those of my units, newest first',
      querystring: notificationsQuery,
      response: { 200: notificationPage },
    },
    config: { action: 'notification.read' },
    handler: async (request) => {
      const page = await listNotifications({
        db: ctx.db,
        accountId: actorOf(request).id,
        unread: request.query.unread,
        limit: request.query.limit,
        before: request.query.before,
      });
      return { ...page, items: page.items.map(presentNotification) };
    },
  });

  app.post('/api/notifications/:id/read', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark one notification read (for me)',
      params: notificationIdParams,
      body: emptyBody,
      response: { 204: z.null() },
    },
    config: { action: 'notification.read' },
    handler: async (request, reply) => {
      await markNotificationsRead({
        db: ctx.db,
        clock: ctx.clock,
        accountId: actorOf(request).id,
        which: { id: request.params.id },
      });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/notifications/read-all', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark my whole inbox read',
      body: emptyBody,
      response: { 200: z.object({ marked: z.number().int() }) },
    },
    config: { action: 'notification.read' },
    handler: async (request) => {
      const marked = await markNotificationsRead({
        db: ctx.db,
        clock: ctx.clock,
        accountId: actorOf(request).id,
        which: 'all',
      });
      return { marked };
    },
  });

  app.get('/api/notifications/stream', {
    // A HEAD request would open a stream that can never carry anything.
    exposeHeadRoute: false,
    schema: {
      tags: ['notifications'],
      summary: 'Server-sent events: `notification` (id = notification id) and `unread` ({unreadCount})',
      headers: streamHeaders,
      response: {
        200: {
          description: 'An endless text/event-stream; reconnect with Last-Event-ID',
          content: { 'text/event-stream': { schema: z.string() } },
        },
      },
    },
    config: { action: 'notification.read' },
    handler: async (request, reply) => {
      // The session and policy hook has run by now (preHandler); from here on the
      // connection is ours, so fastify's reply and onSend hooks no longer apply.
      const actor = actorOf(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // Tells nginx not to buffer the stream.
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': request.id,
      });
      const idleMs = ctx.auth.sessionIdleMinutes * 60_000;
      const stream = new NotificationStream({
        db: ctx.db,
        bus: ctx.bus,
        accountId: actor.id,
        lastEventId: request.headers['last-event-id'],
        sink: raw,
        keepAliveMs: options.keepAliveMs,
        sessionLive: () => sessionIsLive(ctx.db, actor.sessionTokenHash, ctx.clock.now(), idleMs),
        onError: (error) => request.log.error({ err: error }, 'notification stream failed'),
      });
      open.add(stream);
      raw.on('close', () => stream.close());
      void stream.done.then(() => open.delete(stream));
      try {
        await stream.start();
      } catch (error) {
        request.log.error({ err: error }, 'notification stream could not start');
        stream.close();
      }
    },
  });
}
