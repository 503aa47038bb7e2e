import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { requireAccess, scopeOf } from '../auth/index.ts';
import { parseStart } from '../calendar/index.ts';
import { cancelObligation } from './cancel-obligation.ts';
import { extendObligation } from './extend-obligation.ts';
import { meetObligation } from './meet-obligation.ts';
import { obligationView, presentObligation } from './obligation-view.ts';
import {
  countObligations,
  findObligationWithPath,
  listObligations,
  ruleSettings,
} from './obligations.repository.ts';
import { openObligation } from './open-obligation.ts';
import { pauseObligation } from './pause-obligation.ts';
import { resumeObligation } from './resume-obligation.ts';
import { setRuleSettings } from './set-rule-settings.ts';
import { waiveObligation } from './waive-obligation.ts';

const idParams = z.strictObject({ id: z.uuid() });
const versionBody = z.strictObject({ version: z.number().int().positive().optional() }).nullish();
const reasonBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  version: z.number().int().positive().optional(),
});

export function registerObligationRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['obligations'];
  const one = { 200: obligationView };

  app.get('/api/obligations', {
    schema: {
      tags,
      summary: 'Obligations of a subject or a unit: running, due soon, overdue or all',
      querystring: z.strictObject({
        subjectType: z.string().max(50).optional(),
        subjectId: z.string().max(100).optional(),
        unitId: z.uuid().optional(),
        status: z.enum(['all', 'running', 'due_soon', 'overdue']).default('running'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(obligationView) }) },
    },
    config: { action: 'obligation.read' },
    handler: async (request) => {
      const q = request.query;
      const rows = await listObligations(ctx.db, {
        scope: scopeOf(actorOf(request), 'obligation.read'),
        subject: q.subjectType && q.subjectId ? { type: q.subjectType, id: q.subjectId } : undefined,
        unitId: q.unitId,
        filter: q.status,
        now: ctx.clock.now(),
        limit: q.limit,
      });
      return { items: rows.map((r) => presentObligation(r.obligation, r.unitName)) };
    },
  });

  app.get('/api/obligations/stats', {
    schema: {
      tags,
      summary: 'Counts per unit and rule of obligations started in [from, to)',
      querystring: z.strictObject({
        from: z.string().max(40),
        to: z.string().max(40),
        unitId: z.uuid().optional(),
      }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              unitId: z.uuid(),
              ruleId: z.string(),
              opened: z.number().int(),
              running: z.number().int(),
              met: z.number().int(),
              metOnTime: z.number().int(),
              breached: z.number().int(),
              metLate: z.number().int(),
              waived: z.number().int(),
              cancelled: z.number().int(),
            }),
          ),
        }),
      },
    },
    config: { action: 'obligation.read' },
    handler: async (request) => ({
      items: await countObligations(ctx.db, {
        from: parseStart(request.query.from),
        to: parseStart(request.query.to),
        unitId: request.query.unitId,
        scope: scopeOf(actorOf(request), 'obligation.read'),
      }),
    }),
  });

  app.get('/api/obligations/:id', {
    schema: { tags, summary: 'One obligation', params: idParams, response: one },
    config: { action: 'obligation.read' },
    handler: async (request) => {
      const found = await findObligationWithPath(ctx.db, request.params.id);
      if (!found) throw notFound('Obligation', '义务');
      requireAccess(actorOf(request), 'obligation.read', found.orgPath);
      return presentObligation(found.row);
    },
  });

  app.post('/api/obligations', {
    schema: {
      tags,
      summary: 'Open an obligation',
      body: z.strictObject({
        subject: z.strictObject({
          type: z.string().trim().min(1).max(50),
          id: z.string().trim().min(1).max(100),
        }),
        ruleId: z.string().max(10),
        unitId: z.uuid(),
        personId: z.uuid().nullish(),
        deadline: z.string().max(40).optional(),
        startedAt: z.string().max(40).optional(),
        warnRatio: z.number().min(0.05).max(1).optional(),
      }),
      response: { 201: obligationView },
    },
    config: { action: 'obligation.manage' },
    handler: async (request, reply) => {
      const body = request.body;
      const row = await openObligation({
        db: ctx.db,
        clock: ctx.clock,
        calendar: ctx.calendar.current(),
        caller: actorOf(request),
        subject: body.subject,
        ruleId: body.ruleId,
        unitId: body.unitId,
        personId: body.personId,
        deadline: body.deadline,
        startedAt: body.startedAt ? parseStart(body.startedAt) : undefined,
        warnRatio: body.warnRatio,
        defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
      });
      ctx.bus.wake();
      return reply.status(201).send(presentObligation(row));
    },
  });

  const base = (
    request: { params: { id: string } },
    actor: ReturnType<typeof actorOf>,
    version?: number,
  ) => ({
    db: ctx.db,
    clock: ctx.clock,
    caller: actor,
    obligationId: request.params.id,
    expectedVersion: version,
  });

  app.post('/api/obligations/:id/meet', {
    schema: { tags, summary: 'The duty is done', params: idParams, body: versionBody, response: one },
    config: { action: 'obligation.manage' },
    handler: async (request) =>
      presentObligation(await meetObligation(base(request, actorOf(request), request.body?.version))),
  });

  app.post('/api/obligations/:id/pause', {
    schema: { tags, summary: 'Stop the clock', params: idParams, body: reasonBody, response: one },
    config: { action: 'obligation.manage' },
    handler: async (request) =>
      presentObligation(
        await pauseObligation({
          ...base(request, actorOf(request), request.body.version),
          reason: request.body.reason,
        }),
      ),
  });

  app.post('/api/obligations/:id/resume', {
    schema: { tags, summary: 'Start the clock again', params: idParams, body: versionBody, response: one },
    config: { action: 'obligation.manage' },
    handler: async (request) =>
      presentObligation(
        await resumeObligation({
          ...base(request, actorOf(request), request.body?.version),
          calendar: ctx.calendar.current(),
        }),
      ),
  });

  app.post('/api/obligations/:id/extend', {
    schema: {
      tags,
      summary: 'Approve an extension (C10)',
      params: idParams,
      body: reasonBody.extend({ dueAt: z.string().max(40) }),
      response: one,
    },
    config: { action: 'obligation.extend' },
    handler: async (request) =>
      presentObligation(
        await extendObligation({
          ...base(request, actorOf(request), request.body.version),
          calendar: ctx.calendar.current(),
          dueAt: parseStart(request.body.dueAt),
          reason: request.body.reason,
        }),
      ),
  });

  app.post('/api/obligations/:id/waive', {
    schema: { tags, summary: 'Waive a duty still owed', params: idParams, body: reasonBody, response: one },
    config: { action: 'obligation.waive' },
    handler: async (request) =>
      presentObligation(
        await waiveObligation({
          ...base(request, actorOf(request), request.body.version),
          reason: request.body.reason,
        }),
      ),
  });

  app.post('/api/obligations/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a duty that no longer exists',
      params: idParams,
      body: reasonBody,
      response: one,
    },
    config: { action: 'obligation.manage' },
    handler: async (request) =>
      presentObligation(
        await cancelObligation({
          ...base(request, actorOf(request), request.body.version),
          reason: request.body.reason,
        }),
      ),
  });

  const ruleView = z.object({
    ruleId: z.string(),
    deadline: z.string().nullable(),
    warnRatio: z.number().nullable(),
  });

  app.get('/api/obligation-rules/:ruleId', {
    schema: {
      tags,
      summary: "A rule's default deadline and warning point",
      params: z.strictObject({ ruleId: z.string().max(10) }),
      response: { 200: ruleView },
    },
    config: { action: 'obligation.rules' },
    handler: async (request) => {
      const row = await ruleSettings(ctx.db, request.params.ruleId);
      return {
        ruleId: request.params.ruleId,
        deadline: row?.deadline ?? null,
        warnRatio: row?.warnRatio ?? null,
      };
    },
  });

  app.put('/api/obligation-rules/:ruleId', {
    schema: {
      tags,
      summary: "Set a rule's default deadline and warning point",
      params: z.strictObject({ ruleId: z.string().max(10) }),
      body: z.strictObject({
        deadline: z.string().max(40).nullable(),
        warnRatio: z.number().min(0.05).max(1).nullable(),
      }),
      response: { 200: ruleView },
    },
    config: { action: 'obligation.rules' },
    handler: async (request) => {
      await setRuleSettings({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        ruleId: request.params.ruleId,
        ...request.body,
      });
      return { ruleId: request.params.ruleId, ...request.body };
    },
  });
}
