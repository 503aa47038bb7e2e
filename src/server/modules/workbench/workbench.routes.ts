import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { readWorkbench } from './read-workbench.ts';

/** Issue 8: the home page's data — what my units owe now, most urgent first. */
export function registerWorkbenchRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/workbench', {
    schema: {
      tags: ['workbench'],
      summary: "The caller's to-do list: the open duties of their units, overdue first, with counts",
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional() }),
    },
    config: { action: 'workbench.read' },
    handler: async (request) =>
      readWorkbench({ db: ctx.db, clock: ctx.clock, actor: actorOf(request), limit: request.query.limit }),
  });
}
