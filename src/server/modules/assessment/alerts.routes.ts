import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import {
  alertParams,
  alertsQuery,
  caseAlertBody,
  closeBody,
  emptyBody,
  interviewBody,
  referralBody,
} from './alerts.schemas.ts';
import { closeAlert, flagKeyCase, listAlerts } from './alerts.ts';
import { writeAlertsSheet } from './alerts-sheet.ts';
import { deriveInterviews } from './interviews.ts';
import { deriveRankingAlerts } from './ranking-alerts.ts';
import { deriveReferrals } from './referrals.ts';
import { traceCase } from './trace-case.ts';

/** A3–A6: alerts and accountability — key cases, traces, lists and closing. */
export function registerAlertRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const base = (request: Parameters<typeof actorOf>[0]) => ({
    db: ctx.db,
    clock: ctx.clock,
    caller: actorOf(request),
  });

  app.post('/api/assessment/key-cases', {
    schema: { tags, summary: 'A6: flag a key case for special supervision', body: caseAlertBody },
    config: { action: 'assessment.manage' },
    handler: async (request, reply) =>
      reply.code(201).send(await flagKeyCase({ ...base(request), ...request.body })),
  });
  app.post('/api/assessment/traces', {
    schema: {
      tags,
      summary: 'A4: trace a case bottom-up — grid, community, township, lead unit and who held each post',
      body: caseAlertBody,
    },
    config: { action: 'assessment.manage' },
    handler: async (request, reply) =>
      reply.code(201).send(await traceCase({ ...base(request), ...request.body })),
  });
  app.post('/api/assessment/rankings/:id/alerts', {
    schema: {
      tags,
      summary: 'A3: the commendation (top 3) and warning (bottom 3) lists of a published ranking, idempotent',
      params: alertParams,
      body: emptyBody,
    },
    config: { action: 'assessment.manage' },
    handler: async (request) => deriveRankingAlerts({ ...base(request), id: request.params.id }),
  });
  app.post('/api/assessment/interviews/derive', {
    schema: {
      tags,
      summary: 'A5: interviews (约谈) — bottom 3 two months running, or strong complaints; idempotent',
      body: interviewBody,
    },
    config: { action: 'assessment.manage' },
    handler: async (request) => {
      const { area, subject, month } = request.body;
      return deriveInterviews({ ...base(request), areaUnitId: area, subject, month });
    },
  });
  app.post('/api/assessment/referrals/derive', {
    schema: {
      tags,
      summary:
        'A5: referrals for discipline inspection — late reports, buck-passing, no improvement; idempotent',
      body: referralBody,
    },
    config: { action: 'assessment.manage' },
    handler: async (request) =>
      deriveReferrals({ ...base(request), areaUnitId: request.body.area, month: request.body.month }),
  });
  app.get('/api/assessment/alerts', {
    schema: { tags, summary: 'A3–A6: the alerts of the units under an area', querystring: alertsQuery },
    config: { action: 'assessment.read' },
    handler: async (request) => {
      const { area, kind, state } = request.query;
      return listAlerts({ ...base(request), areaUnitId: area, kind, state });
    },
  });
  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/assessment/alerts.xlsx', {
    schema: {
      tags,
      summary:
        'Issue 8: the alerts list as .xlsx (sheet 预警问责) — the same area, kind, state and scope as GET /api/assessment/alerts',
      querystring: alertsQuery,
      response: xlsxResponse,
    },
    config: { action: 'assessment.read' },
    handler: async (request, reply) => {
      const { area, kind, state } = request.query as z.infer<typeof alertsQuery>;
      const alerts = await listAlerts({ ...base(request), areaUnitId: area, kind, state });
      const file = await writeAlertsSheet({
        db: ctx.db,
        alerts,
        filters: { area, kind, state },
        exportedAt: ctx.clock.now(),
        exportedBy: actorOf(request).displayName,
      });
      return sendXlsx(reply, file, { en: 'alerts', zh: '预警问责' }, ctx.clock.now());
    },
  });
  app.post('/api/assessment/alerts/:id/close', {
    schema: { tags, summary: 'A6: close an alert once, with a note', params: alertParams, body: closeBody },
    config: { action: 'assessment.manage' },
    handler: async (request) =>
      closeAlert({ ...base(request), id: request.params.id, note: request.body.note }),
  });
}
