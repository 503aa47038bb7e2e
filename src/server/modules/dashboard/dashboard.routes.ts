import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { type Dashboard, dashboardArea, readDashboard } from './read-dashboard.ts';

const dashboardQuery = z.strictObject({
  area: z.uuid().optional(),
  /** `0` leaves the grids' boundaries out (a refresh: the page has them already). */
  geometry: z.enum(['0', '1']).optional(),
});

/** How long one area's dashboard is reused: it is refreshed every minute by every open screen. */
const CACHE_MS = 30_000;

/** The leaders' dashboard (issue 7 §5): one read with everything the page shows. */
export function registerDashboardRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Per area and geometry flag; the access check runs before every answer, cached or not.
  const cache = new Map<string, { at: number; value: Dashboard }>();

  app.get('/api/dashboard', {
    schema: {
      tags: ['dashboard'],
      summary:
        "The leaders' dashboard of an area: today and this month, the four A1 rates and their trend, rankings, overdue by unit, grid density, top categories",
      querystring: dashboardQuery,
    },
    config: { action: 'dashboard.read' },
    handler: async (request, reply) => {
      const geometry = request.query.geometry !== '0';
      const base = { db: ctx.db, clock: ctx.clock, caller: actorOf(request) };
      const now = ctx.clock.now().getTime();
      const key = `${request.query.area ?? `scope:${actorOf(request).id}`}:${geometry}`;
      const hit = cache.get(key);
      if (hit && now - hit.at >= 0 && now - hit.at < CACHE_MS) {
        // Checks the caller's access to the area again (the key may be another caller's area).
        await dashboardArea({ ...base, areaUnitId: hit.value.area.id });
        return reply.header('cache-control', 'private, max-age=30').send(hit.value);
      }
      const value = await readDashboard({ ...base, areaUnitId: request.query.area, geometry });
      if (cache.size > 200) cache.clear();
      cache.set(key, { at: now, value });
      return reply.header('cache-control', 'private, max-age=30').send(value);
    },
  });
}
