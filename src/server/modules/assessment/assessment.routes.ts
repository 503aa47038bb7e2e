import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { indicatorsQuery, indicatorsView } from './assessment.schemas.ts';
import { readIndicators } from './read-indicators.ts';

/** A1: the assessment's reads. */
export function registerAssessmentRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];

  app.get('/api/assessment/indicators', {
    schema: {
      tags,
      summary: 'A1: the four rates and their counts for a unit (and its children) in a period [from, to)',
      querystring: indicatorsQuery,
      response: { 200: indicatorsView },
    },
    config: { action: 'assessment.read' },
    handler: async (request) =>
      readIndicators({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        unitId: request.query.unit,
        from: request.query.from,
        to: request.query.to,
        children: request.query.children === 'true',
        rollUp: request.query.rollUp === 'true',
      }),
  });
}
