import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { changeWebhook } from './change-webhook.ts';
import { emptyBody } from './notifications.schemas.ts';
import { registerWebhook } from './register-webhook.ts';
import { removeWebhook } from './remove-webhook.ts';
import {
  type DeliveryListing,
  findWebhook,
  listDeliveries,
  listWebhooks,
  type WebhookListing,
} from './webhooks.repository.ts';
import {
  changeWebhookBody,
  createdWebhookView,
  createWebhookBody,
  deliveriesQuery,
  deliveryView,
  webhookIdParams,
  webhookView,
} from './webhooks.schemas.ts';

/** Outgoing webhooks, for the system administrator. */
export function registerWebhookRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const eventActor = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    return { id: actor.id, orgUnitId: actor.orgUnitId };
  };

  app.get('/api/webhooks', {
    schema: {
      tags: ['webhooks'],
      summary: 'Registered webhooks (never their secrets)',
      response: { 200: z.object({ items: z.array(webhookView) }) },
    },
    config: { action: 'webhook.manage' },
    handler: async () => ({ items: (await listWebhooks(ctx.db)).map(presentWebhook) }),
  });

  app.post('/api/webhooks', {
    schema: {
      tags: ['webhooks'],
      summary: 'Register a webhook; the answer carries its signing secret, this once',
      body: createWebhookBody,
      response: { 201: createdWebhookView },
    },
    config: { action: 'webhook.manage' },
    handler: async (request, reply) => {
      const { webhook, secret } = await registerWebhook({
        db: ctx.db,
        clock: ctx.clock,
        actor: eventActor(request),
        ...request.body,
      });
      return reply.status(201).send({ ...presentWebhook(webhook), secret });
    },
  });

  app.patch('/api/webhooks/:id', {
    schema: {
      tags: ['webhooks'],
      summary: 'Change the URL, the kinds or the description, or pause and resume',
      params: webhookIdParams,
      body: changeWebhookBody,
      response: { 200: webhookView },
    },
    config: { action: 'webhook.manage' },
    handler: async (request) => {
      const webhook = await changeWebhook({
        db: ctx.db,
        clock: ctx.clock,
        actor: eventActor(request),
        id: request.params.id,
        changes: request.body,
      });
      return presentWebhook(webhook);
    },
  });

  app.delete('/api/webhooks/:id', {
    schema: {
      tags: ['webhooks'],
      summary: 'Remove a webhook (it is deactivated; its delivery log stays)',
      params: webhookIdParams,
      body: emptyBody,
      response: { 204: z.null() },
    },
    config: { action: 'webhook.manage' },
    handler: async (request, reply) => {
      await removeWebhook({
        db: ctx.db,
        clock: ctx.clock,
        actor: eventActor(request),
        id: request.params.id,
      });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/webhooks/:id/deliveries', {
    schema: {
      tags: ['webhooks'],
      summary: 'Delivery log of a webhook, newest first, with every attempt',
      params: webhookIdParams,
      querystring: deliveriesQuery,
      response: { 200: z.object({ items: z.array(deliveryView) }) },
    },
    config: { action: 'webhook.manage' },
    handler: async (request) => {
      if (!(await findWebhook(ctx.db, request.params.id))) throw notFound('Webhook', '回调', 'id');
      const deliveries = await listDeliveries(ctx.db, request.params.id, request.query.limit);
      return { items: deliveries.map(presentDelivery) };
    },
  });
}

function presentWebhook(webhook: WebhookListing): z.infer<typeof webhookView> {
  return {
    id: webhook.id,
    url: webhook.url,
    kinds: webhook.kinds,
    description: webhook.description,
    active: webhook.active,
    createdAt: toIsoShanghai(webhook.createdAt),
    updatedAt: toIsoShanghai(webhook.updatedAt),
  };
}

function presentDelivery(delivery: DeliveryListing): z.infer<typeof deliveryView> {
  return {
    id: delivery.id,
    eventId: delivery.eventId.toString(),
    kind: delivery.kind,
    state: delivery.state,
    attemptCount: delivery.attempts,
    nextAttemptAt: delivery.state === 'pending' ? toIsoOrNull(delivery.nextAttemptAt) : null,
    createdAt: toIsoShanghai(delivery.createdAt),
    endedAt: toIsoOrNull(delivery.endedAt),
    attempts: delivery.log.map((a) => ({
      attempt: a.attempt,
      attemptedAt: toIsoShanghai(a.attemptedAt),
      statusCode: a.statusCode,
      error: a.error,
      durationMs: a.durationMs,
    })),
  };
}
