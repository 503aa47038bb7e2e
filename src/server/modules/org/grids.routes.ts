import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, notFound } from '../../core/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { requireAccess } from '../auth/index.ts';
import { type Area, checkCoverage } from './grid-geometry.ts';
import { gridsOfTownship } from './grids.repository.ts';
import { handOverGridHead } from './hand-over-grid-head.ts';
import { addHousehold, assignJointRepresentative } from './households.ts';
import { importGridBoundaries } from './import-grid-boundaries.ts';
import { locateGrid, locateView } from './locate-grid.ts';
import { findOrgUnit } from './org.repository.ts';
import { visiblePhone } from './org.views.ts';
import { responsibilityChain } from './responsibility-chain.ts';

const idParams = z.strictObject({ id: z.uuid() });
const coverageView = z.object({
  grids: z.number().int(),
  overlaps: z.array(z.object({ a: z.string(), b: z.string(), areaM2: z.number() })),
  uncoveredM2: z.number().nullable(),
  townshipM2: z.number().nullable(),
});

export function registerGridRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['grids'];

  app.get('/api/grids/locate', {
    schema: {
      tags,
      summary: 'The grid at a point, with its community, township, district and grid head',
      querystring: z.strictObject({ lat: z.coerce.number(), lng: z.coerce.number() }),
      response: { 200: locateView },
    },
    config: { action: 'grid.locate' },
    handler: async (request) =>
      locateGrid({ db: ctx.db, index: ctx.grids.current(), actor: actorOf(request), ...request.query }),
  });

  app.get('/api/org/units/:id/grids.geojson', {
    schema: { tags, summary: "A township's grids as a GeoJSON FeatureCollection", params: idParams },
    config: { action: 'org.read' },
    handler: async (request, reply) => {
      const township = await findOrgUnit(ctx.db, request.params.id);
      if (!township) throw notFound('Org unit', '组织');
      requireAccess(actorOf(request), 'org.read', township.path);
      const grids = await gridsOfTownship(ctx.db, township.path);
      const features = grids
        .filter((g) => g.boundary)
        .map((g) => ({
          type: 'Feature' as const,
          properties: { code: g.code, name: g.name, gridType: g.gridType, parentId: g.parentId },
          geometry: g.boundary,
        }));
      if (township.boundary) {
        features.unshift({
          type: 'Feature',
          properties: {
            code: township.code,
            name: township.name,
            gridType: null,
            parentId: township.parentId,
          },
          geometry: township.boundary,
        });
      }
      return reply
        .type('application/geo+json; charset=utf-8')
        .send(JSON.stringify({ type: 'FeatureCollection', features }));
    },
  });

  app.put('/api/org/units/:id/grids.geojson', {
    schema: {
      tags,
      summary: "Set a township's grid boundaries from a FeatureCollection (all or nothing; G3 checks)",
      params: idParams,
      body: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).max(5000) }),
      response: { 200: coverageView.extend({ updated: z.number().int() }) },
    },
    config: { action: 'org.manage' },
    handler: async (request) => {
      const report = await importGridBoundaries({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        townshipId: request.params.id,
        collection: request.body,
      });
      await ctx.grids.reload(ctx.db);
      return report;
    },
  });

  app.get('/api/org/units/:id/coverage', {
    schema: {
      tags,
      summary: 'G3 check of a township: overlapping grids and uncovered area',
      params: idParams,
      response: { 200: coverageView },
    },
    config: { action: 'org.read' },
    handler: async (request) => {
      const township = await findOrgUnit(ctx.db, request.params.id);
      if (!township) throw notFound('Org unit', '组织');
      requireAccess(actorOf(request), 'org.read', township.path);
      if (township.kind !== 'township')
        throw badRequest('NOT_A_TOWNSHIP', '覆盖检查按镇街进行', 'Coverage is checked per township', 'id');
      const grids = await gridsOfTownship(ctx.db, township.path);
      return checkCoverage(
        grids
          .filter((g) => g.boundary)
          .map((g) => ({ code: g.code, name: g.name, boundary: g.boundary as Area })),
        (township.boundary as Area | null) ?? null,
      );
    },
  });

  app.get('/api/grids/:id/chain', {
    schema: {
      tags,
      summary: 'Who answers for a grid, bottom up: grid head, secretary, contractors (G3, G4)',
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({
              unitId: z.uuid(),
              unitName: z.string(),
              unitKind: z.string(),
              link: z.enum(['post', 'contract']),
              role: z.string(),
              personId: z.uuid(),
              personName: z.string(),
              phone: z.string().nullable(),
              fromUnitName: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    config: { action: 'org.read' },
    handler: async (request) => {
      const actor = actorOf(request);
      const grid = await findOrgUnit(ctx.db, request.params.id);
      if (grid?.kind !== 'grid') throw notFound('Grid', '网格');
      requireAccess(actor, 'org.read', grid.path);
      const links = await responsibilityChain(ctx.db, grid.id);
      return {
        items: links.map(({ level: _level, ...link }) => ({
          ...link,
          phone: visiblePhone(actor, link.phone, grid.path),
        })),
      };
    },
  });

  app.post('/api/grids/:id/hand-over', {
    schema: {
      tags,
      summary: 'Hand a grid over to a new grid head (ends the old post, starts the new; G3)',
      params: idParams,
      body: z.strictObject({ personId: z.uuid(), on: z.string().max(10) }),
      response: { 200: z.object({ endedPostId: z.uuid().nullable(), startedPostId: z.uuid() }) },
    },
    config: { action: 'person.manage' },
    handler: async (request) => {
      const result = await handOverGridHead({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        gridId: request.params.id,
        ...request.body,
      });
      return { endedPostId: result.ended?.id ?? null, startedPostId: result.started.id };
    },
  });

  app.post('/api/households', {
    schema: {
      tags,
      summary: 'Register a household of a grid with its family representative (G6)',
      body: z.strictObject({
        gridId: z.uuid(),
        address: z.string().trim().min(1).max(200),
        representativeId: z.uuid().nullish(),
      }),
      response: { 201: z.object({ id: z.uuid() }) },
    },
    config: { action: 'person.manage' },
    handler: async (request, reply) => {
      const row = await addHousehold({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        ...request.body,
      });
      return reply.status(201).send({ id: row.id });
    },
  });

  app.post('/api/grids/:id/joint-representative', {
    schema: {
      tags,
      summary: 'Group households under their 联户代表 (G6)',
      params: idParams,
      body: z.strictObject({ personId: z.uuid(), householdIds: z.array(z.uuid()).min(1).max(50) }),
      response: { 200: z.object({ households: z.number().int() }) },
    },
    config: { action: 'person.manage' },
    handler: async (request) => ({
      households: await assignJointRepresentative({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        gridId: request.params.id,
        ...request.body,
      }),
    }),
  });
}
