import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { accountNames } from '../auth/index.ts';
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

const eventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  kind: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(200).optional(),
  actorId: z.uuid().optional(),
});

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
      summary: 'The audit trail, newest first',
      querystring: eventsQuery,
      response: { 200: z.object({ items: z.array(eventView), nextBefore: z.string().nullable() }) },
    },
    config: { action: 'audit.read' },
    handler: async (request) => {
      const q = request.query;
      const page = await listEvents({
        db: ctx.db,
        limit: q.limit,
        before: q.before ? BigInt(q.before) : undefined,
        kind: q.kind,
        subject: q.subjectType ? { type: q.subjectType, id: q.subjectId } : undefined,
        actorId: q.actorId,
      });
      const names = await accountNames(ctx.db, [
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
