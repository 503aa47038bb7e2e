import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { requireAccess, scopeOf } from '../auth/index.ts';
import { parseStart } from '../calendar/index.ts';
import { findOrgUnit, type OrgUnitRow } from '../org/index.ts';
import { requireCaseCategory } from './categories.repository.ts';
import { createRule } from './create-rule.ts';
import { PRINCIPLES, responsibilityRules } from './routing.tables.ts';
import { ruleQuality } from './rule-quality.ts';
import { suggestFor, unitsOf } from './rules.repository.ts';
import type { RuleRow } from './suggest.ts';

/** An ISO 8601 time with offset; a bad one is a 400 naming `field`. */
function parseAt(text: string, field: string): Date {
  try {
    return parseStart(text);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw badRequest(
      'BAD_TIME',
      '时间须为带时区的 ISO 8601 时间',
      'Give an ISO 8601 time with an offset',
      field,
    );
  }
}

const unitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string() });
const ruleView = z.object({
  id: z.uuid(),
  categoryCode: z.string().nullable(),
  area: unitRef,
  lead: unitRef,
  cooperating: z.array(unitRef),
  principle: z.enum(PRINCIPLES),
  basis: z.string(),
  consultationItemId: z.uuid().nullable(),
  fallback: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  replacesId: z.uuid().nullable(),
  quality: z.object({ dispatches: z.number(), followed: z.number(), returned: z.number() }),
});

async function present(ctx: AppContext, rows: RuleRow[]): Promise<z.infer<typeof ruleView>[]> {
  const units = await unitsOf(
    ctx.db,
    rows.flatMap((r) => [r.areaUnitId, r.leadUnitId, ...r.cooperatingUnitIds]),
  );
  const quality = await ruleQuality(
    ctx.db,
    rows.map((r) => r.id),
  );
  const ref = (id: string) => {
    const u = units.get(id) as OrgUnitRow;
    return { id, name: u?.name ?? '', code: u?.code ?? '' };
  };
  return rows.map((r) => ({
    id: r.id,
    categoryCode: r.categoryCode,
    area: ref(r.areaUnitId),
    lead: ref(r.leadUnitId),
    cooperating: r.cooperatingUnitIds.map(ref),
    principle: r.principle,
    basis: r.basis,
    consultationItemId: r.consultationItemId,
    fallback: r.fallback,
    validFrom: toIsoShanghai(r.validFrom),
    validTo: toIsoOrNull(r.validTo),
    replacesId: r.replacesId,
    quality: quality.get(r.id) ?? { dispatches: 0, followed: 0, returned: 0 },
  }));
}

export function registerRoutingRuleRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];

  app.get('/api/routing/suggest', {
    schema: {
      tags,
      summary:
        'C7, R1: the responsibility rule for a category at a place, with its basis — or why there is none',
      querystring: z.strictObject({ category: z.string().min(1).max(100), grid: z.uuid() }),
      response: {
        200: z.object({
          status: z.enum(['rule', 'fallback', 'none', 'conflict']),
          rule: ruleView.nullable(),
          rules: z.array(ruleView),
          message: z.string(),
          message_en: z.string(),
        }),
      },
    },
    config: { action: 'routing.read' },
    handler: async (request) => {
      const place = await findOrgUnit(ctx.db, request.query.grid);
      if (!place) throw notFound('Unit', '单位');
      requireAccess(actorOf(request), 'routing.read', place.path);
      await requireCaseCategory(ctx.db, request.query.category);
      const s = await suggestFor(ctx.db, request.query.category, place, ctx.clock.now());
      if (s.status === 'rule' || s.status === 'fallback') {
        const [rule] = await present(ctx, [s.rule]);
        const lead = rule?.lead.name ?? '';
        return s.status === 'rule'
          ? {
              status: s.status,
              rule: rule ?? null,
              rules: [],
              message: `建议由${lead}牵头（依据：${s.rule.basis}）`,
              message_en: `Suggested lead: ${lead} (basis: ${s.rule.basis})`,
            }
          : {
              status: s.status,
              rule: rule ?? null,
              rules: [],
              message: `无对应权责，按属地兜底由${lead}牵头`,
              message_en: `No rule for the category; the area's fallback ${lead} leads`,
            };
      }
      if (s.status === 'conflict') {
        return {
          status: s.status,
          rule: null,
          rules: await present(ctx, s.rules),
          message: '权责规则相互冲突，属职责不清，可提交会商研判',
          message_en: 'Rules conflict: the responsibility is unclear; send the case to the consultation',
        };
      }
      return {
        status: s.status,
        rule: null,
        rules: [],
        message: '权责清单中没有对应规则，属职责不清，可提交会商研判',
        message_en: 'No rule covers this: the responsibility is unclear; send the case to the consultation',
      };
    },
  });

  app.get('/api/routing/rules', {
    schema: {
      tags,
      summary: 'The responsibility catalogue (权责清单) in my scope, with measured routing quality per rule',
      querystring: z.strictObject({
        category: z.string().max(100).optional(),
        areaUnitId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: { 200: z.object({ items: z.array(ruleView) }) },
    },
    config: { action: 'routing.read' },
    handler: async (request) => {
      const filters: SQL[] = [];
      if (request.query.category) filters.push(eq(responsibilityRules.categoryCode, request.query.category));
      if (request.query.areaUnitId)
        filters.push(eq(responsibilityRules.areaUnitId, request.query.areaUnitId));
      const rows = await ctx.db
        .select()
        .from(responsibilityRules)
        .where(filters.length ? and(...filters) : undefined)
        .orderBy(desc(responsibilityRules.createdAt))
        .limit(request.query.limit);
      // A rule is visible where its area lies in (or above, for the wider rules that reach in) the caller's scope.
      const scope = scopeOf(actorOf(request), 'routing.read');
      const areas = await unitsOf(
        ctx.db,
        rows.map((r) => r.areaUnitId),
      );
      const visible = rows.filter((r) => {
        const path = areas.get(r.areaUnitId)?.path ?? '';
        return scope.some((s) => path.startsWith(s) || s.startsWith(path));
      });
      return { items: await present(ctx, visible) };
    },
  });

  app.post('/api/routing/rules', {
    schema: {
      tags,
      summary: 'R1: add a responsibility rule (or replace one: replacesId)',
      body: z.strictObject({
        categoryCode: z.string().max(100).nullable(),
        areaUnitId: z.uuid(),
        leadUnitId: z.uuid(),
        cooperatingUnitIds: z.array(z.uuid()).max(20).optional(),
        principle: z.enum(PRINCIPLES),
        basis: z.string().max(2000),
        fallback: z.boolean().optional(),
        validFrom: z.string().max(40).optional(),
        validTo: z.string().max(40).optional(),
        replacesId: z.uuid().optional(),
      }),
      response: { 201: ruleView },
    },
    config: { action: 'routing.manage' },
    handler: async (request, reply) => {
      const body = request.body;
      const row = await createRule({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        input: {
          ...body,
          validFrom: body.validFrom ? parseAt(body.validFrom, 'validFrom') : undefined,
          validTo: body.validTo ? parseAt(body.validTo, 'validTo') : undefined,
        },
      });
      const [view] = await present(ctx, [row]);
      return reply.status(201).send(view as z.infer<typeof ruleView>);
    },
  });
}
