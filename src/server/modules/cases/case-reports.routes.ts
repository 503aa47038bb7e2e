import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { drawBody, reviewBody, spotCheckView, summaryQuery, summaryView } from './case-reports.schemas.ts';
import { summarizeCases } from './case-summary.ts';
import { drawSpotCheck, getSpotCheck, reviewSpotCheckItem } from './spot-checks.ts';

/**
 * C13: the weekly summary and monthly analysis, and the spot checks. Static paths
 * (`/api/cases/summary`, `/api/cases/spot-checks`) win over `/api/cases/:id` in the router.
 */
export function registerCaseReportRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  app.get('/api/cases/summary', {
    schema: {
      tags,
      summary: 'C13: weekly summary (period=week) or monthly analysis (period=month) of a unit’s subtree',
      querystring: summaryQuery,
      response: { 200: summaryView },
    },
    config: { action: 'case.report' },
    handler: async (request) =>
      summarizeCases({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        unitId: request.query.unit,
        period: request.query.period,
        date: request.query.date,
      }),
  });

  app.post('/api/cases/spot-checks', {
    schema: {
      tags,
      summary: 'C13: draw a random sample of closed cases, complex ones first (seeded, reproducible)',
      body: drawBody,
      response: { 201: spotCheckView },
    },
    config: { action: 'case.spotcheck' },
    handler: async (request, reply) => {
      const view = await drawSpotCheck({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        ...request.body,
      });
      return reply.status(201).send(view);
    },
  });

  app.get('/api/cases/spot-checks/:id', {
    schema: {
      tags,
      summary: 'C13: a spot check with its sampled cases and their reviews',
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: spotCheckView },
    },
    config: { action: 'case.spotcheck' },
    handler: async (request) => getSpotCheck(ctx.db, actorOf(request), request.params.id),
  });

  app.post('/api/cases/spot-checks/:id/items/:itemId/review', {
    schema: {
      tags,
      summary: 'C13: review one sampled case (problem needs a comment)',
      params: z.strictObject({ id: z.uuid(), itemId: z.uuid() }),
      body: reviewBody,
      response: { 200: spotCheckView },
    },
    config: { action: 'case.spotcheck' },
    handler: async (request) =>
      reviewSpotCheckItem({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        spotCheckId: request.params.id,
        itemId: request.params.itemId,
        ...request.body,
      }),
  });
}
