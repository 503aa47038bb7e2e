import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoOrNull } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { itemView, presentItem, presentSession, sessionView } from './consultation.views.ts';
import { listMyItems } from './list-my-items.ts';

/** What the involved units see of the consultation: their items, their material, the papers. */
export function registerConsultationUnitRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/consultation/my-items', {
    schema: {
      tags: ['consultation'],
      summary:
        'R9, R7: items involving my units — written material owed before the meeting, minutes after it',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              item: itemView,
              session: sessionView,
              units: z.array(
                z.object({ unitId: z.uuid(), name: z.string(), submittedAt: z.string().nullable() }),
              ),
            }),
          ),
        }),
      },
    },
    config: { action: 'consultation.material' },
    handler: async (request) => {
      const rows = await listMyItems(ctx.db, actorOf(request));
      return {
        items: rows.map((r) => ({
          item: presentItem(r.item),
          session: presentSession(r.session),
          units: r.units.map((u) => ({ ...u, submittedAt: toIsoOrNull(u.submittedAt) })),
        })),
      };
    },
  });
}
