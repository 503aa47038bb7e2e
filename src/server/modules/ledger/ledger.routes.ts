import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badRequest } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { containsPattern } from '../../lib/list-query.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { parseStart } from '../calendar/index.ts';
import { obligationView, presentObligation } from '../obligations/index.ts';
import { createLedgerItem } from './create-ledger-item.ts';
import { crossOffLedgerItem } from './cross-off-ledger-item.ts';
import { exportLedgerItems } from './export-ledger-items.ts';
import { getLedgerItem } from './get-ledger-item.ts';
import { unitsById } from './ledger.repository.ts';
import {
  ledgerItemView,
  ledgerReportView,
  presentItem,
  presentItems,
  presentReports,
} from './ledger.views.ts';
import { LEDGER_FLOW, type LedgerAction } from './ledger-flow.ts';
import { LEDGER_KIND_NAMES } from './ledger-kinds.ts';
import {
  type LedgerFilters,
  ledgerExportQuery,
  ledgerListQuery,
  sortLedgerItems,
} from './ledger-list-query.ts';
import { ledgerOverdue } from './ledger-overdue.ts';
import { listLedgerItems } from './list-ledger-items.ts';
import { reopenLedgerItem } from './reopen-ledger-item.ts';
import { reviewLedgerReport } from './review-ledger-report.ts';
import { submitLedgerReport } from './submit-ledger-report.ts';

/** An ISO 8601 time with an offset; a bad one is a 400 naming `field`. */
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

const idParams = z.strictObject({ id: z.uuid() });
const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorId: z.uuid().nullable(),
  actorOrgId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
const reason = z.string().max(2000);

/** The ledger (台账): items, their reports and review, crossing off and reopening, overdue per unit. */
export function registerLedgerRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  const clocks = () => ({
    clock: ctx.clock,
    calendar: ctx.calendar.current(),
    defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
  });

  app.get('/api/ledger/items', {
    schema: {
      tags,
      summary:
        'Items on the ledgers I may read (my units lead or cooperate, or my area); filtered by kind, state, unit, source, title and overdue, newest first or sorted',
      querystring: ledgerListQuery,
      response: { 200: z.object({ items: z.array(ledgerItemView) }) },
    },
    config: { action: 'ledger.read' },
    handler: async (request) => {
      const { sourceType, sourceId, q, overdue, sort, ...query } = request.query;
      const rows = await listLedgerItems({
        db: ctx.db,
        actor: actorOf(request),
        query: {
          ...query,
          source: sourceType ? { type: sourceType, id: sourceId } : undefined,
          search: q ? containsPattern(q) : undefined,
          overdue: overdue === 'true',
        },
      });
      return { items: sortLedgerItems(await presentItems(ctx.db, rows), sort ?? 'newest') };
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/ledger/items.xlsx', {
    schema: {
      tags,
      summary:
        'Issue 8: the ledger list as .xlsx (sheet 台账事项) — the same filters and scope as GET /api/ledger/items, at most 10 000 rows',
      querystring: ledgerExportQuery,
      response: xlsxResponse,
    },
    config: { action: 'ledger.read' },
    handler: async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const file = await exportLedgerItems({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        filters: request.query as LedgerFilters,
        link: (id) => `${origin}/ledger/items/${id}`,
      });
      return sendXlsx(reply, file, { en: 'ledger', zh: '台账' }, ctx.clock.now());
    },
  });

  app.post('/api/ledger/items', {
    schema: {
      tags,
      summary:
        'R7, S8: put an item on a ledger (the ledger’s owner): lead and cooperating units, due time, report rule',
      body: z.strictObject({
        kind: z.enum(LEDGER_KIND_NAMES),
        sourceType: z.string().min(1).max(60).optional(),
        sourceId: z.uuid().optional(),
        title: z.string().max(200),
        content: z.string().max(8000),
        leadUnitId: z.uuid(),
        cooperatingUnitIds: z.array(z.uuid()).max(30).optional(),
        dueAt: z.string().max(40).optional(),
        dueRuleId: z.string().max(4).optional(),
        reportRule: z.string().max(40).optional(),
      }),
      response: { 201: ledgerItemView },
    },
    config: { action: 'ledger.manage' },
    handler: async (request, reply) => {
      const { dueAt, ...input } = request.body;
      const row = await createLedgerItem({
        db: ctx.db,
        ...clocks(),
        caller: actorOf(request),
        input: { ...input, dueAt: dueAt ? parseAt(dueAt, 'dueAt') : undefined },
      });
      ctx.bus.wake();
      return reply.status(201).send(await presentItem(ctx.db, row));
    },
  });

  app.get('/api/ledger/items/:id', {
    schema: {
      tags,
      summary: 'One item with its reports, its clocks and its timeline',
      params: idParams,
      response: {
        200: z.object({
          item: ledgerItemView,
          /** The steps I may take on it now. */
          actions: z.array(z.enum(Object.keys(LEDGER_FLOW) as [LedgerAction, ...LedgerAction[]])),
          reports: z.array(ledgerReportView),
          obligations: z.array(obligationView),
          timeline: z.array(timelineEntry),
        }),
      },
    },
    config: { action: 'ledger.read' },
    handler: async (request) => {
      const page = await getLedgerItem({ db: ctx.db, actor: actorOf(request), itemId: request.params.id });
      const units = await unitsById(
        ctx.db,
        page.obligations.map((o) => o.unitId),
      );
      return {
        item: await presentItem(ctx.db, page.item),
        actions: page.actions,
        reports: await presentReports(ctx.db, page.reports),
        obligations: page.obligations.map((o) => presentObligation(o, units.get(o.unitId)?.name ?? null)),
        timeline: page.timeline.map((e) => ({
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

  app.post('/api/ledger/items/:id/reports', {
    schema: {
      tags,
      summary: 'R8: a written report on the item for a period (an explanation when not done)',
      params: idParams,
      body: z.strictObject({
        period: z.string().max(7),
        done: z.boolean(),
        progress: z.string().max(8000),
        explanation: z.string().max(8000).optional(),
        unitId: z.uuid().optional(),
      }),
      response: { 201: ledgerReportView },
    },
    config: { action: 'ledger.report' },
    handler: async (request, reply) => {
      const { report } = await submitLedgerReport({
        db: ctx.db,
        ...clocks(),
        actor: actorOf(request),
        itemId: request.params.id,
        input: request.body,
      });
      ctx.bus.wake();
      const [view] = await presentReports(ctx.db, [report]);
      return reply.status(201).send(view as z.infer<typeof ledgerReportView>);
    },
  });

  app.post('/api/ledger/items/:id/reports/:reportId/review', {
    schema: {
      tags,
      summary: 'The ledger’s owner accepts a report or returns it with a note (a resubmission falls due)',
      params: z.strictObject({ id: z.uuid(), reportId: z.uuid() }),
      body: z.strictObject({
        review: z.enum(['accepted', 'returned']),
        note: z.string().max(2000).optional(),
      }),
      response: { 200: ledgerReportView },
    },
    config: { action: 'ledger.manage' },
    handler: async (request) => {
      const report = await reviewLedgerReport({
        db: ctx.db,
        ...clocks(),
        caller: actorOf(request),
        itemId: request.params.id,
        reportId: request.params.reportId,
        input: request.body,
      });
      ctx.bus.wake();
      const [view] = await presentReports(ctx.db, [report]);
      return view as z.infer<typeof ledgerReportView>;
    },
  });

  app.post('/api/ledger/items/:id/cross-off', {
    schema: {
      tags,
      summary: 'S5, S8: cross a done item off (销号) with a reason; its running clocks end',
      params: idParams,
      body: z.strictObject({ reason }),
      response: { 200: ledgerItemView },
    },
    config: { action: 'ledger.manage' },
    handler: async (request) => {
      const row = await crossOffLedgerItem({
        db: ctx.db,
        ...clocks(),
        caller: actorOf(request),
        itemId: request.params.id,
        reason: request.body.reason,
      });
      ctx.bus.wake();
      return presentItem(ctx.db, row);
    },
  });

  app.post('/api/ledger/items/:id/reopen', {
    schema: {
      tags,
      summary: 'Reopen a crossed-off item with a reason (and a new due time); a report clock opens',
      params: idParams,
      body: z.strictObject({ reason, dueAt: z.string().max(40).optional() }),
      response: { 200: ledgerItemView },
    },
    config: { action: 'ledger.manage' },
    handler: async (request) => {
      const row = await reopenLedgerItem({
        db: ctx.db,
        ...clocks(),
        caller: actorOf(request),
        itemId: request.params.id,
        reason: request.body.reason,
        dueAt: request.body.dueAt ? parseAt(request.body.dueAt, 'dueAt') : undefined,
      });
      ctx.bus.wake();
      return presentItem(ctx.db, row);
    },
  });

  app.get('/api/ledger/overdue', {
    schema: {
      tags,
      summary: 'R8, S5: per unit in my scope, open items it leads and its overdue reports and items',
      querystring: z.strictObject({ kind: z.enum(LEDGER_KIND_NAMES).optional() }),
      response: {
        200: z.object({
          units: z.array(
            z.object({
              unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
              openItems: z.number().int(),
              overdueReports: z.number().int(),
              overdueItems: z.number().int(),
            }),
          ),
        }),
      },
    },
    config: { action: 'ledger.read' },
    handler: async (request) => {
      const rows = await ledgerOverdue({ db: ctx.db, actor: actorOf(request), kind: request.query.kind });
      return {
        units: rows.map((r) => ({
          unit: { id: r.unitId, name: r.unitName, code: r.unitCode },
          openItems: r.openItems,
          overdueReports: r.overdueReports,
          overdueItems: r.overdueItems,
        })),
      };
    },
  });
}
