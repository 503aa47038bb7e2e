import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { putSettings, readSettings } from './assessment-settings.ts';
import { registerPointRoutes } from './points.routes.ts';
import {
  correctRanking,
  listRankings,
  previewRanking,
  publishRanking,
  readRanking,
} from './publish-ranking.ts';
import {
  areaParams,
  correctionBody,
  idParams,
  pointBody,
  rankingAsk,
  rankingList,
  settingsBody,
} from './ranking.schemas.ts';
import { rankingNotice, rankingSheet } from './ranking-exports.ts';
import { rankingPeriod } from './ranking-period.ts';
import { recordPoint } from './record-point.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A1, A2: assessment settings, point entries, rankings and their exports. */
export function registerRankingRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const base = (request: Parameters<typeof actorOf>[0]) => ({
    db: ctx.db,
    clock: ctx.clock,
    caller: actorOf(request),
  });

  app.get('/api/assessment/settings/:areaUnitId', {
    schema: { tags, summary: 'A2: the assessment settings in force for an area', params: areaParams },
    config: { action: 'assessment.read' },
    handler: async (request) => readSettings({ ...base(request), areaUnitId: request.params.areaUnitId }),
  });
  app.put('/api/assessment/settings/:areaUnitId', {
    schema: {
      tags,
      summary: 'A2: new assessment settings, valid from now',
      params: areaParams,
      body: settingsBody,
    },
    config: { action: 'assessment.manage' },
    handler: async (request) =>
      putSettings({ ...base(request), areaUnitId: request.params.areaUnitId, ...request.body }),
  });
  app.post('/api/assessment/points', {
    schema: { tags, summary: 'A2: a manual plus or minus point entry, approved', body: pointBody },
    config: { action: 'assessment.manage' },
    handler: async (request, reply) => {
      const { occurredAt, ...rest } = request.body;
      const created = await recordPoint({ ...base(request), ...rest, occurredAt: new Date(occurredAt) });
      return reply.code(201).send(created);
    },
  });
  app.get('/api/assessment/rankings/preview', {
    schema: { tags, summary: 'A1, A2: the live ranking (nothing written)', querystring: rankingAsk },
    config: { action: 'assessment.read' },
    handler: async (request) => {
      const { area, ...q } = request.query;
      const { settings, periodFrom, periodTo, ...rest } = await previewRanking({
        ...base(request),
        areaUnitId: area,
        ...q,
      });
      return { ...rest, settings };
    },
  });
  app.post('/api/assessment/rankings', {
    schema: { tags, summary: 'A1, A2: publish (freeze) a ranking, version 1', body: rankingAsk },
    config: { action: 'assessment.manage' },
    handler: async (request, reply) => {
      const { area, ...b } = request.body;
      return reply.code(201).send(await publishRanking({ ...base(request), areaUnitId: area, ...b }));
    },
  });
  app.post('/api/assessment/rankings/:id/corrections', {
    schema: {
      tags,
      summary: 'A1, A2: a corrected version n+1 of a published ranking',
      params: idParams,
      body: correctionBody,
    },
    config: { action: 'assessment.manage' },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await correctRanking({ ...base(request), id: request.params.id, reason: request.body.reason })),
  });
  app.get('/api/assessment/rankings', {
    schema: { tags, summary: 'A1: published rankings of an area, every version', querystring: rankingList },
    config: { action: 'assessment.read' },
    handler: async (request) => {
      const { area, subject, period, date } = request.query;
      const periodFrom = period && date ? rankingPeriod(period, date).from : undefined;
      return listRankings({ ...base(request), areaUnitId: area, subject, period, periodFrom });
    },
  });
  app.get('/api/assessment/rankings/:id', {
    schema: { tags, summary: 'A1: one published ranking, exactly as frozen', params: idParams },
    config: { action: 'assessment.read' },
    handler: async (request) => readRanking({ ...base(request), id: request.params.id }),
  });

  const file = (ext: 'xlsx' | 'docx') =>
    root.get(`/api/assessment/rankings/:id.${ext}`, {
      schema: {
        tags,
        summary:
          ext === 'xlsx'
            ? 'A1: the ranking table as .xlsx'
            : 'A1, A3: the ranking notice as .docx (GB/T 9704)',
        params: idParams,
        response: {
          200: {
            description: `A .${ext} file`,
            content: { [ext === 'xlsx' ? XLSX : DOCX]: { schema: z.string().describe('binary') } },
          },
        },
      },
      config: { action: 'assessment.read' },
      handler: async (request, reply) => {
        const { id } = request.params as { id: string };
        const ranking = await readRanking({ db: ctx.db, caller: actorOf(request), id });
        const body = ext === 'xlsx' ? await rankingSheet(ranking) : await rankingNotice(ranking);
        const name = `ranking-${ranking.period.from}-${ranking.subject}-v${ranking.version}.${ext}`;
        return reply
          .type(ext === 'xlsx' ? XLSX : DOCX)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(body);
      },
    });
  file('xlsx');
  file('docx');
  registerPointRoutes(root, ctx);
}
