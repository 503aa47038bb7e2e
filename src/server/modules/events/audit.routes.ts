import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { dayParam, daysInOrder, shanghaiDayEnd, shanghaiDayStart } from '../../lib/list-query.ts';
import { EXPORT_ROW_LIMIT, sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { accountNames } from '../auth/index.ts';
import { writeAuditSheet } from './audit-sheet.ts';
import { listEvents } from './list-events.ts';
import { runChainVerification } from './run-chain-verification.ts';

const eventView = z.object({
  id: z.string(),
  stream: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorOrgId: z.uuid().nullable(),
  subjectType: z.string(),
  subjectId: z.string(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

/**
 * The trail's filters, shared by `GET /api/audit/events` and its export
 * `GET /api/audit/events.xlsx`: kind, subject, actor and the days it happened (Asia/Shanghai).
 */
const eventFilterShape = {
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  kind: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(200).optional(),
  actorId: z.uuid().optional(),
  from: dayParam.optional(),
  to: dayParam.optional(),
};

const eventsQuery = daysInOrder(
  z.strictObject({ ...eventFilterShape, limit: z.coerce.number().int().min(1).max(500).default(50) }),
);
const eventsExportQuery = daysInOrder(z.strictObject(eventFilterShape));
export type EventFilters = z.infer<typeof eventsExportQuery>;

/** The trail as the audit administrator reads it, newest first, with the actors' names. */
async function readEvents(db: Db, filters: EventFilters, limit: number) {
  const page = await listEvents({
    db,
    limit,
    before: filters.before ? BigInt(filters.before) : undefined,
    kind: filters.kind,
    subject: filters.subjectType ? { type: filters.subjectType, id: filters.subjectId } : undefined,
    actorId: filters.actorId,
    from: filters.from ? shanghaiDayStart(filters.from) : undefined,
    // listEvents' `to` is inclusive: the last millisecond of the day.
    to: filters.to ? new Date(shanghaiDayEnd(filters.to).getTime() - 1) : undefined,
  });
  const names = await accountNames(db, [
    ...new Set(page.items.flatMap((e) => (e.actorId ? [e.actorId] : []))),
  ]);
  return {
    items: page.items.map((e) => ({
      id: e.id.toString(),
      stream: e.stream,
      seq: e.seq,
      occurredAt: toIsoShanghai(e.occurredAt),
      actorId: e.actorId,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      actorOrgId: e.actorOrgId,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      kind: e.kind,
      payload: e.payload,
    })),
    nextBefore: page.nextBefore?.toString() ?? null,
  };
}

const verifyResponse = z.object({
  ok: z.boolean(),
  streams: z.number().int(),
  checked: z.number().int(),
  problem: z
    .object({
      stream: z.string(),
      seq: z.number().int(),
      eventId: z.string().nullable(),
      kind: z.enum(['altered', 'removed', 'broken_link', 'head_mismatch']),
      message: z.string(),
      message_en: z.string(),
    })
    .nullable(),
});

/** The audit administrator's view: read the trail and verify its chain, nothing else. */
export function registerAuditRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/audit/events', {
    schema: {
      tags: ['audit'],
      summary: 'The audit trail, newest first; by kind, subject, actor and days',
      querystring: eventsQuery,
      response: { 200: z.object({ items: z.array(eventView), nextBefore: z.string().nullable() }) },
    },
    config: { action: 'audit.read' },
    handler: async (request) => {
      const { limit, ...filters } = request.query;
      return readEvents(ctx.db, filters, limit);
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/audit/events.xlsx', {
    schema: {
      tags: ['audit'],
      summary:
        'Issue 8: the audit trail as .xlsx (sheet 审计日志) — the same filters as GET /api/audit/events, newest first, at most 10 000 events',
      querystring: eventsExportQuery,
      response: xlsxResponse,
    },
    config: { action: 'audit.read' },
    handler: async (request, reply) => {
      const filters = request.query as EventFilters;
      const page = await readEvents(ctx.db, filters, EXPORT_ROW_LIMIT);
      const file = await writeAuditSheet({
        events: page.items,
        capped: page.nextBefore !== null,
        filters,
        exportedAt: ctx.clock.now(),
        exportedBy: actorOf(request).displayName,
      });
      return sendXlsx(reply, file, { en: 'audit-trail', zh: '审计日志' }, ctx.clock.now());
    },
  });

  app.post('/api/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Verify the hash chain of the event log',
      body: z.strictObject({}).nullish(),
      response: { 200: verifyResponse },
    },
    config: { action: 'audit.verify' },
    handler: async (request) => {
      const actor = actorOf(request);
      return runChainVerification({
        db: ctx.db,
        clock: ctx.clock,
        actor: { id: actor.id, orgUnitId: actor.orgUnitId },
      });
    },
  });
}
