import { and, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { findFile, sendFile } from '../files/index.ts';
import { orgUnits } from '../org/index.ts';
import { actOnTask } from './act-on-task.ts';
import { addCaseRecord } from './add-case-record.ts';
import { addProgress } from './add-progress.ts';
import { canSeeCase } from './case-scope.ts';
import { caseView, presentCase } from './case-view.ts';
import { caseRecordView, caseTaskView, presentRecord, presentTask } from './case-work.views.ts';
import { findCase } from './cases.repository.ts';
import { findDuplicates } from './find-duplicates.ts';
import { resolveCaseUnits } from './resolve-case-units.ts';

const text = (max: number) => z.string().max(max).optional();
const photoIds = z.array(z.uuid()).max(9).optional();

/** Steps beside the state table: photos, progress notes, cooperating tasks, C14 records, duplicates. */
export function registerCaseWorkRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  /** The case, if the caller sees it; otherwise it does not exist (404). */
  async function visibleCase(request: { params: { id: string } } & Parameters<typeof actorOf>[0]) {
    const row = await findCase(ctx.db, request.params.id);
    if (!row || !canSeeCase(actorOf(request), row, await resolveCaseUnits(ctx.db, row)))
      throw notFound('Case', '案件');
    return row;
  }

  app.get('/api/cases/:id/files/:fileId', {
    schema: {
      tags,
      summary: 'A photo attached to the case (call, arrival, progress, result)',
      params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }),
    },
    config: { action: 'case.read' },
    handler: async (request, reply) => {
      const row = await visibleCase(request);
      const file = await findFile(ctx.db, request.params.fileId);
      if (file?.subjectType !== 'case' || file.subjectId !== row.id) throw notFound('File', '文件');
      return sendFile(ctx, reply, file);
    },
  });

  app.post('/api/cases/:id/progress', {
    schema: {
      tags,
      summary: 'The lead unit reports progress (a note with photos); the state stays',
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({ note: z.string().max(2000), photoIds }),
      response: { 204: z.null() },
    },
    config: { action: 'case.act' },
    handler: async (request, reply) => {
      await addProgress({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        caseId: request.params.id,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/cases/:id/tasks/:taskId/:action', {
    schema: {
      tags,
      summary: 'A cooperating unit signs (C8) or finishes (C10) its task on the case',
      params: z.strictObject({ id: z.uuid(), taskId: z.uuid(), action: z.enum(['sign', 'finish']) }),
      body: z.strictObject({ result: text(4000), photoIds }).nullish(),
      response: { 200: caseTaskView },
    },
    config: { action: 'case.act' },
    handler: async (request) => {
      const task = await actOnTask({
        db: ctx.db,
        clock: ctx.clock,
        calendar: ctx.calendar.current(),
        actor: actorOf(request),
        caseId: request.params.id,
        taskId: request.params.taskId,
        action: request.params.action,
        result: request.body?.result,
        photoIds: request.body?.photoIds,
        defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
      });
      ctx.bus.wake();
      return presentTask(task);
    },
  });

  app.post('/api/cases/:id/records', {
    schema: {
      tags,
      summary: 'C14: a joint consultation record or a referral to mediation',
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({
        kind: z.enum(['joint_consultation', 'mediation_referral']),
        unitIds: z.array(z.uuid()).min(1).max(20),
        decision: text(4000),
        minutes: text(20000),
        decidedByLeader: z.boolean().optional(),
      }),
      response: { 201: caseRecordView },
    },
    config: { action: 'case.act' },
    handler: async (request, reply) => {
      const record = await addCaseRecord({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        caseId: request.params.id,
        input: request.body,
      });
      ctx.bus.wake();
      return reply.status(201).send(presentRecord(record));
    },
  });

  app.get('/api/dispatch-targets', {
    schema: {
      tags,
      summary:
        'C7: units a centre may dispatch to (departments, enterprises, agencies, townships, offices), by name or code',
      querystring: z.strictObject({
        q: z.string().trim().max(50).default(''),
        limit: z.coerce.number().int().min(1).max(100).default(30),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string(), kind: z.string() })),
        }),
      },
    },
    config: { action: 'case.act' },
    handler: async (request) => {
      // Dispatch crosses the org tree (a township centre sends work to a city department):
      // the list of handling units is no secret, so it is not limited to the caller's scope.
      const pattern = `%${request.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await ctx.db
        .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, kind: orgUnits.kind })
        .from(orgUnits)
        .where(
          and(
            inArray(orgUnits.kind, ['department', 'enterprise', 'agency', 'township', 'office']),
            or(ilike(orgUnits.name, pattern), ilike(orgUnits.code, pattern)),
          ),
        )
        .orderBy(orgUnits.code)
        .limit(request.query.limit);
      return { items: rows };
    },
  });

  app.get('/api/cases/:id/duplicates', {
    schema: {
      tags,
      summary: 'C7: possible duplicates (same category within 100 m and 72 h) visible to me, nearest first',
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: z.object({ items: z.array(z.object({ case: caseView, metres: z.number() })) }) },
    },
    config: { action: 'case.read' },
    handler: async (request) => {
      const row = await visibleCase(request);
      const actor = actorOf(request);
      const items = [];
      for (const candidate of await findDuplicates(ctx.db, row)) {
        // Only cases the caller may see are suggested.
        if (canSeeCase(actor, candidate.row, await resolveCaseUnits(ctx.db, candidate.row)))
          items.push({ case: presentCase(candidate.row), metres: Math.round(candidate.metres) });
      }
      return { items };
    },
  });
}
