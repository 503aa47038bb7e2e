import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { scopeOf } from '../auth/index.ts';
import { type CallInput, presentCase } from '../cases/index.ts';
import { apiKeyFromHeaders } from './api-key.ts';
import { authenticateSource } from './authenticate-source.ts';
import { createIntakeSource } from './create-intake-source.ts';
import { disableIntakeSource } from './disable-intake-source.ts';
import { findCaseBySourceRef, listSources } from './intake.repository.ts';
import {
  createSourceBody,
  intakeCaseBody,
  presentSource,
  sourceIdParams,
  sourceRef,
  sourceView,
  sourceWithKeyView,
} from './intake.schemas.ts';
import { INTAKE_ELEMENTS, intakeCallInput } from './intake-input.ts';
import { intakeCaseView, presentIntakeCase } from './intake-view.ts';
import { registerOpen311Routes } from './open311.routes.ts';
import { receiveCase } from './receive-case.ts';
import { rotateIntakeSourceKey } from './rotate-intake-source-key.ts';

const emptyBody = z.strictObject({}).nullish();
/** The source's key: `Authorization: Bearer <key>` or `X-Api-Key: <key>` (no session). */
const keyHeaders = z.object({
  authorization: z.string().max(300).optional(),
  'x-api-key': z.string().max(300).optional(),
});

/** Source systems (system administrator), the intake API (source keys, C5) and Open311. */
export function registerIntakeRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['intake'];

  app.get('/api/intake/sources', {
    schema: {
      tags,
      summary: 'Source systems in my scope (key prefixes only, never keys)',
      response: { 200: z.object({ items: z.array(sourceView) }) },
    },
    config: { action: 'intake.manage' },
    handler: async (request) => {
      const rows = await listSources(ctx.db, scopeOf(actorOf(request), 'intake.manage'));
      return { items: rows.map((r) => presentSource(r.source, r.area)) };
    },
  });

  app.post('/api/intake/sources', {
    schema: {
      tags,
      summary: 'Register a source system (C5); the answer carries its API key, this once',
      body: createSourceBody,
      response: { 201: sourceWithKeyView },
    },
    config: { action: 'intake.manage' },
    handler: async (request, reply) => {
      const { source, area, key } = await createIntakeSource({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        input: request.body,
      });
      return reply.status(201).send({ ...presentSource(source, area), key });
    },
  });

  app.post('/api/intake/sources/:id/disable', {
    schema: {
      tags,
      summary: 'Disable a source system: its key stops working at once',
      params: sourceIdParams,
      body: emptyBody,
      response: { 200: sourceView },
    },
    config: { action: 'intake.manage' },
    handler: async (request) => {
      const { source, area } = await disableIntakeSource({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        sourceId: request.params.id,
      });
      return presentSource(source, area);
    },
  });

  app.post('/api/intake/sources/:id/rotate-key', {
    schema: {
      tags,
      summary: 'Give a source system a new API key (answered this once); the old one stops working',
      params: sourceIdParams,
      body: emptyBody,
      response: { 200: sourceWithKeyView },
    },
    config: { action: 'intake.manage' },
    handler: async (request) => {
      const { source, area, key } = await rotateIntakeSourceKey({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        sourceId: request.params.id,
      });
      return { ...presentSource(source, area), key };
    },
  });

  // Source systems authenticate with their key, not a session: the routes are public to
  // the session hook and check the key themselves (401 BAD_API_KEY).
  app.post('/api/intake/cases', {
    schema: {
      tags,
      summary:
        'C5: hand in a demand (Authorization: Bearer <key>); the same sourceRef returns the stored case (200)',
      // No session: the source's key (Authorization: Bearer, or X-Api-Key).
      security: [],
      headers: keyHeaders,
      body: intakeCaseBody,
      response: { 200: intakeCaseView, 201: intakeCaseView },
    },
    config: { public: true },
    handler: async (request, reply) => {
      const source = await authenticateSource(ctx.db, apiKeyFromHeaders(request.headers));
      const { sourceRef: ref, placeCode } = request.body;
      const received = await receiveCase({
        db: ctx.db,
        clock: ctx.clock,
        calendar: ctx.calendar.current(),
        grids: ctx.grids.current(),
        defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO,
        source,
        sourceRef: ref,
        input: intakeCallInput(request.body, source.channel as CallInput['channel']),
        elements: INTAKE_ELEMENTS,
        placeCode,
      });
      if (received.created) ctx.bus.wake();
      return reply.status(received.created ? 201 : 200).send(presentIntakeCase(received.case, ref));
    },
  });

  app.get('/api/intake/cases/:sourceRef', {
    schema: {
      tags,
      summary: 'C12: the state and the answer (feedback) of a case this source handed in',
      security: [],
      headers: keyHeaders,
      params: z.strictObject({ sourceRef }),
      response: { 200: intakeCaseView },
    },
    config: { public: true },
    handler: async (request) => {
      const source = await authenticateSource(ctx.db, apiKeyFromHeaders(request.headers));
      // Only this source's cases: another source's reference does not exist for it.
      const row = await findCaseBySourceRef(ctx.db, source.id, request.params.sourceRef);
      if (!row) throw notFound('Case', '案件');
      return presentIntakeCase(presentCase(row), request.params.sourceRef);
    },
  });

  registerOpen311Routes(root, ctx);
}
