import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { scopeOf } from '../auth/index.ts';
import { parseStart } from '../calendar/index.ts';
import { obligationView, presentObligation } from '../obligations/index.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { CASE_FLOW, type CaseAction } from './case-flow.ts';
import { canSeeCase } from './case-scope.ts';
import { caseView, presentCase } from './case-view.ts';
import { caseEvents, caseObligations, findCase, listCases } from './cases.repository.ts';
import { CASE_CHANNELS, SLA_CLASSES } from './cases.tables.ts';
import { resolveCaseUnits } from './resolve-case-units.ts';
import { once, submitCall } from './submit-call.ts';

const idParams = z.strictObject({ id: z.uuid() });
const text = (max: number) => z.string().max(max).optional();

const callBody = z.strictObject({
  category: z.string().trim().min(1).max(100),
  channel: z.enum(CASE_CHANNELS).default('grid_app'),
  // C6: the six elements are optional here so that the refusal can name every missing one.
  occurredAt: text(40),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  address: text(300),
  party: text(200),
  situation: text(4000),
  demand: text(2000),
  proposedUnitId: z.uuid().optional(),
  proposedUnitText: text(200),
});

const actionBody = z
  .strictObject({
    reason: text(1000),
    feedback: text(4000),
    leadUnitId: z.uuid().optional(),
    slaClass: z.enum(SLA_CLASSES).optional(),
    note: text(2000),
    dueAt: z.string().max(40).optional(),
  })
  .nullish();

const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorId: z.uuid().nullable(),
  actorOrgId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

/** `If-Match: 3`, `"3"` or `W/"3"`: the case version the caller read. */
function versionOf(header: string | undefined): number {
  const match = header ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim()) : null;
  if (!match) {
    throw new AppError({
      status: 428,
      code: 'VERSION_REQUIRED',
      zh: '请在 If-Match 头中给出案件版本',
      en: 'Give the case version in the If-Match header',
      field: 'If-Match',
    });
  }
  return Number(match[1]);
}

export function registerCaseRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  app.post('/api/cases', {
    schema: {
      tags,
      summary: 'Raise a call (C1, C6); Idempotency-Key: the same key and body return the first answer',
      headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
      body: callBody,
      response: { 201: caseView },
    },
    config: { action: 'case.raise' },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const submit = (db: typeof ctx.db) =>
        submitCall({
          db,
          clock: ctx.clock,
          calendar: ctx.calendar.current(),
          grids: ctx.grids.current(),
          actor,
          input: { ...body, occurredAt: body.occurredAt ? parseStart(body.occurredAt) : undefined },
          defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
        });
      const key = request.headers['idempotency-key'];
      const answer = key
        ? await once({
            db: ctx.db,
            clock: ctx.clock,
            accountId: actor.id,
            key,
            body,
            work: async (tx) => ({ status: 201, body: await submit(tx) }),
          })
        : { status: 201, body: await submit(ctx.db) };
      ctx.bus.wake();
      // A replay answers with the stored status (always 201 today: refusals are not stored).
      return reply.status(answer.status as 201).send(answer.body as z.infer<typeof caseView>);
    },
  });

  app.get('/api/cases', {
    schema: {
      tags,
      summary: 'Cases in my scope (by grid, centre area or lead unit); mine=true: those I raised',
      querystring: z.strictObject({
        state: z.string().max(40).optional(),
        mine: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(caseView) }) },
    },
    config: { action: 'case.read' },
    handler: async (request) => {
      const actor = actorOf(request);
      const mine = request.query.mine === 'true';
      const rows = await listCases(ctx.db, {
        scope: mine ? ['/'] : scopeOf(actor, 'case.read'),
        state: request.query.state,
        raisedBy: mine ? actor.id : undefined,
        limit: request.query.limit,
      });
      return { items: rows.map(presentCase) };
    },
  });

  app.get('/api/cases/:id', {
    schema: {
      tags,
      summary: 'One case with its duties (clocks) and its timeline',
      params: idParams,
      response: {
        200: z.object({
          case: caseView,
          obligations: z.array(obligationView),
          timeline: z.array(timelineEntry),
        }),
      },
    },
    config: { action: 'case.read' },
    handler: async (request, reply) => {
      const row = await findCase(ctx.db, request.params.id);
      if (!row || !canSeeCase(actorOf(request), row, await resolveCaseUnits(ctx.db, row))) {
        throw notFound('Case', '案件');
      }
      const [duties, events] = await Promise.all([
        caseObligations(ctx.db, row.id),
        caseEvents(ctx.db, row.id),
      ]);
      reply.header('etag', `"${row.version}"`);
      return {
        case: presentCase(row),
        obligations: duties.map((o) => presentObligation(o)),
        timeline: events.map((e) => ({
          id: String(e.id),
          at: toIsoShanghai(e.occurredAt),
          kind: e.kind,
          actorId: e.actorId,
          actorOrgId: e.actorOrgId,
          payload: e.payload as Record<string, unknown>,
        })),
      };
    },
  });

  app.post('/api/cases/:id/actions/:action', {
    schema: {
      tags,
      summary: 'Take one step of the case flow (If-Match: the version read)',
      params: z.strictObject({
        id: z.uuid(),
        action: z.enum(Object.keys(CASE_FLOW) as [CaseAction, ...CaseAction[]]),
      }),
      headers: z.object({ 'if-match': z.string().max(40).optional() }),
      body: actionBody,
      response: { 200: caseView },
    },
    config: { action: 'case.act' },
    handler: async (request, reply) => {
      const view = await applyCaseAction({
        db: ctx.db,
        clock: ctx.clock,
        calendar: ctx.calendar.current(),
        actor: actorOf(request),
        caseId: request.params.id,
        action: request.params.action,
        expectedVersion: versionOf(request.headers['if-match']),
        input: request.body ?? {},
        defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
      });
      ctx.bus.wake();
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  });
}
