import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoOrNull } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import type { CategoryRow } from './categories.repository.ts';
import { createCategory } from './create-category.ts';
import { deleteCategory } from './delete-category.ts';
import { restoreCategory } from './restore-category.ts';
import { retireCategory } from './retire-category.ts';
import { SLA_CLASSES } from './routing.tables.ts';
import { updateCategory } from './update-category.ts';

const categoryView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  slaClass: z.enum(SLA_CLASSES).nullable(),
  keywords: z.string(),
  sort: z.number().int(),
  retiredAt: z.string().nullable(),
});

/** The use case checks the code's shape (with a message in both languages); here only its length. */
const codeParams = z.strictObject({ code: z.string().min(1).max(100) });
/** Routes that take no body still refuse one with fields in it. */
const emptyBody = z.strictObject({}).nullish();
const sort = z.number().int().min(0).max(1_000_000);

const present = (r: CategoryRow): z.infer<typeof categoryView> => ({
  code: r.code,
  parentCode: r.parentCode,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  slaClass: r.slaClass,
  keywords: r.keywords,
  sort: r.sort,
  retiredAt: toIsoOrNull(r.retiredAt),
});

/** C2: the administrator keeps the category catalogue; every change is one event. */
export function registerCategoryAdminRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];
  const config = { action: 'category.manage' } as const;

  app.post('/api/categories', {
    schema: {
      tags,
      summary:
        'C2: add a 大类 (`pets`) or a 小类 under an active 大类 (`pets.stray_dogs`, with its SLA class)',
      body: z.strictObject({
        code: z.string().min(1).max(100),
        parentCode: z.string().max(100).nullable().optional(),
        nameZh: z.string().max(50),
        nameEn: z.string().max(100),
        slaClass: z.enum(SLA_CLASSES).nullable().optional(),
        keywords: z.string().max(500).optional(),
        sort: sort.optional(),
      }),
      response: { 201: categoryView },
    },
    config,
    handler: async (request, reply) => {
      const row = await createCategory({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        input: request.body,
      });
      return reply.status(201).send(present(row));
    },
  });

  app.patch('/api/categories/:code', {
    schema: {
      tags,
      summary:
        'C2: change names, keywords, position or a 小类’s SLA class (the SLA class applies to later dispatches only)',
      params: codeParams,
      body: z.strictObject({
        nameZh: z.string().max(50).optional(),
        nameEn: z.string().max(100).optional(),
        keywords: z.string().max(500).optional(),
        sort: sort.optional(),
        slaClass: z.enum(SLA_CLASSES).optional(),
      }),
      response: { 200: categoryView },
    },
    config,
    handler: async (request) =>
      present(
        await updateCategory({
          db: ctx.db,
          clock: ctx.clock,
          caller: actorOf(request),
          code: request.params.code,
          changes: request.body,
        }),
      ),
  });

  app.post('/api/categories/:code/retire', {
    schema: {
      tags,
      summary: 'C2: retire a category (no new calls or rules; what names it keeps it); a 大类 after its 小类',
      params: codeParams,
      body: emptyBody,
      response: { 200: categoryView },
    },
    config,
    handler: async (request) =>
      present(
        await retireCategory({
          db: ctx.db,
          clock: ctx.clock,
          caller: actorOf(request),
          code: request.params.code,
        }),
      ),
  });

  app.post('/api/categories/:code/restore', {
    schema: {
      tags,
      summary: 'C2: bring a retired category back (a 小类 only under an active 大类)',
      params: codeParams,
      body: emptyBody,
      response: { 200: categoryView },
    },
    config,
    handler: async (request) =>
      present(
        await restoreCategory({
          db: ctx.db,
          clock: ctx.clock,
          caller: actorOf(request),
          code: request.params.code,
        }),
      ),
  });

  app.delete('/api/categories/:code', {
    schema: {
      tags,
      summary:
        'C2: delete a category nothing uses; one named by a 小类, rule, case or other record is 409 CATEGORY_IN_USE (retire it)',
      params: codeParams,
      body: emptyBody,
      response: { 204: z.null() },
    },
    config,
    handler: async (request, reply) => {
      await deleteCategory({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        code: request.params.code,
      });
      return reply.status(204).send(null);
    },
  });
}
