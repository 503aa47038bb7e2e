import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { scopeOf } from '../auth/index.ts';
import { parseStart } from '../calendar/index.ts';
import { filesOf, fileView, presentFile } from '../files/index.ts';
import { obligationView, presentObligation } from '../obligations/index.ts';
import { listCategories } from '../routing/index.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { allowedActions, CASE_FLOW, type CaseAction, type CaseState, planTransition } from './case-flow.ts';
import {
  type CaseFilters,
  caseExportQuery,
  caseListQuery,
  listQueryOf,
  sortCaseRows,
} from './case-list-query.ts';
import { canSeeCase, rolesOnCase } from './case-scope.ts';
import { taskObligations, tasksOf } from './case-tasks.ts';
import { caseListItem, caseView, presentCase, presentListItem } from './case-view.ts';
import { caseRecords, caseReturns } from './case-work.tables.ts';
import {
  caseRecordView,
  caseReturnView,
  caseTaskView,
  presentRecord,
  presentReturn,
  presentTask,
} from './case-work.views.ts';
import {
  caseEvents,
  caseObligations,
  findCase,
  listCases,
  nextDutiesOf,
  unitsById,
} from './cases.repository.ts';
import { CASE_CHANNELS, SLA_CLASSES } from './cases.tables.ts';
import { exportCases } from './export-cases.ts';
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
  photoIds: z.array(z.uuid()).max(9).optional(),
});

const actionBody = z
  .strictObject({
    reason: text(1000),
    feedback: text(4000),
    leadUnitId: z.uuid().optional(),
    slaClass: z.enum(SLA_CLASSES).optional(),
    note: text(2000),
    dueAt: z.string().max(40).optional(),
    photoIds: z.array(z.uuid()).max(9).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    result: text(4000),
    cooperatingUnitIds: z.array(z.uuid()).max(20).optional(),
    jointEnforcement: z.boolean().optional(),
    mergeIntoId: z.uuid().optional(),
    pendingReason: text(1000),
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
      summary:
        'Cases in my scope (by grid, centre area or lead unit); mine=true: those I raised; filtered by state(s), category, raised days and number/address, sorted like the page',
      querystring: caseListQuery,
      response: { 200: z.object({ items: z.array(caseListItem) }) },
    },
    config: { action: 'case.read' },
    handler: async (request) => {
      const actor = actorOf(request);
      const { limit, ...filters } = request.query;
      const rows = await listCases(
        ctx.db,
        listQueryOf(filters, { id: actor.id, scope: scopeOf(actor, 'case.read') }, limit),
      );
      const next = await nextDutiesOf(
        ctx.db,
        rows.map((row) => row.id),
      );
      // Sorted like the page: among the newest `limit`, as the page sorts what it shows.
      const names =
        filters.sort === 'category'
          ? new Map((await listCategories(ctx.db)).map((c) => [c.code, c.nameZh]))
          : new Map<string, string>();
      const sorted = sortCaseRows(
        rows,
        filters.sort ?? 'newest',
        (code) => names.get(code) ?? code,
        (id) => next.get(id)?.dueAt ?? null,
      );
      return { items: sorted.map((row) => presentListItem(row, next.get(row.id))) };
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/cases.xlsx', {
    schema: {
      tags,
      summary:
        'Issue 8: the case list as .xlsx (sheet 案件列表) — the same filters, scope and masking as GET /api/cases, at most 10 000 rows',
      querystring: caseExportQuery,
      response: xlsxResponse,
    },
    config: { action: 'case.read' },
    handler: async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const file = await exportCases({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        filters: request.query as CaseFilters,
        link: (id) => `${origin}/cases/${id}`,
      });
      return sendXlsx(reply, file, { en: 'cases', zh: '案件列表' }, ctx.clock.now());
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
          /** The steps the caller may take now (the state table and their roles on this case). */
          actions: z.array(z.string()),
          obligations: z.array(obligationView),
          timeline: z.array(timelineEntry),
          /** Photos of the call, the arrival, progress and the result (read at /api/cases/:id/files/:fileId). */
          files: z.array(fileView),
          /** Cooperating units' tasks with their own clocks (C7), all rounds. */
          tasks: z.array(caseTaskView),
          /** Returns of wrong dispatches and whom they count against. */
          returns: z.array(caseReturnView),
          /** C14: joint consultations and mediation referrals. */
          records: z.array(caseRecordView),
          /** Names of every unit the case refers to (unit names are no secret; the units themselves stay guarded). */
          units: z.record(z.string(), z.object({ name: z.string(), code: z.string(), kind: z.string() })),
        }),
      },
    },
    config: { action: 'case.read' },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const row = await findCase(ctx.db, request.params.id);
      const units = row ? await resolveCaseUnits(ctx.db, row) : null;
      if (!row || !units || !canSeeCase(actor, row, units)) throw notFound('Case', '案件');
      const roles = rolesOnCase(actor, units);
      const actions = allowedActions(row.state as CaseState).filter(
        (action) => planTransition(row.state as CaseState, action, roles).ok,
      );
      const [duties, events, photos, tasks, returns, records] = await Promise.all([
        caseObligations(ctx.db, row.id),
        caseEvents(ctx.db, row.id),
        filesOf(ctx.db, { type: 'case', id: row.id }),
        tasksOf(ctx.db, row.id),
        ctx.db
          .select()
          .from(caseReturns)
          .where(eq(caseReturns.caseId, row.id))
          .orderBy(caseReturns.returnedAt),
        ctx.db
          .select()
          .from(caseRecords)
          .where(eq(caseRecords.caseId, row.id))
          .orderBy(caseRecords.createdAt),
      ]);
      const taskDuties = await taskObligations(
        ctx.db,
        tasks.map((t) => t.id),
      );
      reply.header('etag', `"${row.version}"`);
      return {
        case: presentCase(row),
        actions,
        obligations: [...duties, ...taskDuties].map((o) => presentObligation(o)),
        files: photos.map((f) => presentFile(f, `/api/cases/${row.id}/files/${f.id}`)),
        tasks: tasks.map(presentTask),
        returns: returns.map(presentReturn),
        records: records.map(presentRecord),
        units: await unitNames(ctx.db, [
          row.gridId,
          row.communityId,
          row.townshipId,
          row.raiserUnitId,
          row.areaUnitId,
          row.centreUnitId,
          row.leadUnitId,
          row.proposedUnitId,
          ...tasks.map((t) => t.unitId),
          ...returns.map((r) => r.unitId),
          ...records.flatMap((r) => r.unitIds),
          ...duties.map((o) => o.unitId),
          ...taskDuties.map((o) => o.unitId),
          ...events.map((e) => e.actorOrgId),
        ]),
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

/** id → name, code and kind of the units a case page mentions. */
async function unitNames(
  db: AppContext['db'],
  ids: (string | null)[],
): Promise<Record<string, { name: string; code: string; kind: string }>> {
  const found = await unitsById(db, ids);
  return Object.fromEntries(
    [...found.values()].map((u) => [u.id, { name: u.name, code: u.code, kind: u.kind }]),
  );
}
