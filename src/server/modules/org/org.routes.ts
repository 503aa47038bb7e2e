import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { scopeOf } from '../auth/index.ts';
import { listOrgUnitsInScope } from './org.repository.ts';

const unitView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.number().int(),
});

export function registerOrgRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/org/units', {
    schema: {
      tags: ['org'],
      summary: 'Org units in my scope',
      response: { 200: z.object({ items: z.array(unitView) }) },
    },
    config: { action: 'org.read' },
    handler: async (request) => {
      const units = await listOrgUnitsInScope(ctx.db, scopeOf(actorOf(request), 'org.read'));
      return {
        items: units.map((u) => ({
          id: u.id,
          parentId: u.parentId,
          code: u.code,
          name: u.name,
          kind: u.kind,
          level: u.level,
        })),
      };
    },
  });
}
