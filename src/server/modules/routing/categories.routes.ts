import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoOrNull } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { listCategories } from './categories.repository.ts';
import { writeCategoriesSheet } from './categories-sheet.ts';
import { SLA_CLASSES } from './routing.tables.ts';

/** The catalogue's filter, shared by `GET /api/categories` and its export. */
const categoriesQuery = z.strictObject({ retired: z.enum(['true', 'false']).default('false') });

const categoryView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  slaClass: z.enum(SLA_CLASSES).nullable(),
  keywords: z.string(),
  retiredAt: z.string().nullable(),
});

export function registerCategoryRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/categories', {
    schema: {
      tags: ['routing'],
      summary: 'The category catalogue (大类 / 小类) with SLA classes; retired=true includes retired ones',
      querystring: categoriesQuery,
      response: { 200: z.object({ items: z.array(categoryView) }) },
    },
    config: { action: 'category.read' },
    handler: async (request) => {
      const rows = await listCategories(ctx.db);
      const withRetired = request.query.retired === 'true';
      return {
        items: rows
          .filter((r) => withRetired || !r.retiredAt)
          .map((r) => ({
            code: r.code,
            parentCode: r.parentCode,
            nameZh: r.nameZh,
            nameEn: r.nameEn,
            slaClass: r.slaClass,
            keywords: r.keywords,
            retiredAt: toIsoOrNull(r.retiredAt),
          })),
      };
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/categories.xlsx', {
    schema: {
      tags: ['routing'],
      summary:
        'Issue 8: the category catalogue as .xlsx (sheet 事项类别), each 大类 followed by its 小类; retired=true includes retired ones',
      querystring: categoriesQuery,
      response: xlsxResponse,
    },
    config: { action: 'category.read' },
    handler: async (request, reply) => {
      const { retired } = request.query as z.infer<typeof categoriesQuery>;
      const rows = (await listCategories(ctx.db)).filter((r) => retired === 'true' || !r.retiredAt);
      const file = await writeCategoriesSheet({
        categories: rows,
        withRetired: retired === 'true',
        exportedAt: ctx.clock.now(),
        exportedBy: actorOf(request).displayName,
      });
      return sendXlsx(reply, file, { en: 'categories', zh: '事项类别' }, ctx.clock.now());
    },
  });
}
