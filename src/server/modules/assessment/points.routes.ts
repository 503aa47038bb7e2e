import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { listPointApprovers, listPointEntries } from './point-entries.ts';
import { approversQuery, pointsQuery } from './points.schemas.ts';

/** A2: the reads the manual point form needs — the entries to correct and the approvers to name. */
export function registerPointRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];

  app.get('/api/assessment/points', {
    schema: {
      tags,
      summary: 'A2: the manual point entries under an area in a month',
      querystring: pointsQuery,
    },
    config: { action: 'assessment.read' },
    handler: async (request) => ({
      items: await listPointEntries({
        db: ctx.db,
        caller: actorOf(request),
        areaUnitId: request.query.area,
        month: request.query.month,
      }),
    }),
  });
  app.get('/api/assessment/points/approvers', {
    schema: {
      tags,
      summary: 'A2: the accounts that may approve a manual point entry for a unit',
      querystring: approversQuery,
    },
    config: { action: 'assessment.manage' },
    handler: async (request) => ({
      items: await listPointApprovers({ db: ctx.db, caller: actorOf(request), unitId: request.query.unit }),
    }),
  });
}
