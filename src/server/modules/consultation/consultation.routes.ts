import { and, eq, inArray, notExists } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { officialDocx } from '../../lib/official-docx.ts';
import { type Actor, authorize, requireAccess } from '../auth/index.ts';
import { parseStart } from '../calendar/index.ts';
import { cases, caseView, presentCase } from '../cases/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { PRINCIPLES } from '../routing/index.ts';
import { addItem } from './add-item.ts';
import { itemsInState, itemsOfSession, sessionInScope } from './consultation.repository.ts';
import {
  consultationItemCases,
  consultationItems,
  consultationSessions,
  ITEM_SOURCES,
} from './consultation.tables.ts';
import { itemView, presentItem, presentSession, sessionView } from './consultation.views.ts';
import { createSession } from './create-session.ts';
import { dispatchDecidedCases } from './dispatch-decided-cases.ts';
import { fixAgenda } from './fix-agenda.ts';
import { issueMinutes, issuerOf } from './issue-minutes.ts';
import { listSessions, type SessionsFilters, sessionsQuery } from './list-sessions.ts';
import { minutesDocument, specialReportDocument } from './minutes-content.ts';
import { recordMeeting } from './record-meeting.ts';
import { writeSessionsSheet } from './sessions-sheet.ts';
import { submitMaterial } from './submit-material.ts';
import { unitsOfIds } from './units.repository.ts';

const id = z.strictObject({ id: z.uuid() });

/**
 * R7: the minutes go to every unit that attended or is involved, so once issued those
 * units read the papers too; anyone else needs consultation.read over the area (else 404).
 */
async function papersInScope(ctx: AppContext, actor: Actor, sessionId: string) {
  const [session] = await ctx.db
    .select()
    .from(consultationSessions)
    .where(eq(consultationSessions.id, sessionId));
  const area = session ? await findOrgUnit(ctx.db, session.areaUnitId) : undefined;
  if (!session || !area) throw notFound('Session', '会商会议');
  if (authorize(actor, 'consultation.read', { orgPath: area.path })) return { session, area };
  const items = await itemsOfSession(ctx.db, session.id);
  const units = await unitsOfIds(ctx.db, [
    ...(session.attendance ?? []).map((a) => a.unitId),
    ...items.flatMap((i) => [
      ...i.involvedUnitIds,
      ...(i.leadUnitId ? [i.leadUnitId] : []),
      ...(i.cooperatingUnitIds ?? []),
    ]),
  ]);
  const reached = [...units.values()].some((u) => actor.grants.some((g) => u.path.startsWith(g.orgPath)));
  if (!reached || session.state !== 'minutes_issued') throw notFound('Session', '会商会议');
  return { session, area };
}
const text = (max: number) => z.string().max(max);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function parseAt(value: string, field: string): Date {
  try {
    return parseStart(value);
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

/** The 会商研判 cycle (R1–R10): sessions, items, the meeting record, minutes, decided cases. */
export function registerConsultationRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultation'];
  const common = { clock: ctx.clock, defaultWarnRatio: ctx.config.OBLIGATION_WARN_RATIO };

  app.post('/api/consultation/sessions', {
    schema: {
      tags,
      summary:
        'R2: open a monthly session (collection by the 18th, agenda by the 21st, meeting in the last ten days) or an extra one',
      body: z.strictObject({
        areaUnitId: z.uuid(),
        kind: z.enum(['monthly', 'extra']),
        month: text(7).optional(),
        title: text(200).optional(),
      }),
      response: { 201: sessionView },
    },
    config: { action: 'consultation.manage' },
    handler: async (request, reply) => {
      const row = await createSession({
        ...common,
        db: ctx.db,
        calendar: ctx.calendar.current(),
        actor: actorOf(request),
        input: request.body,
      });
      return reply.status(201).send(presentSession(row));
    },
  });

  app.get('/api/consultation/sessions', {
    schema: {
      tags,
      summary: 'Sessions of an area, newest first; by kind and state',
      querystring: sessionsQuery,
      response: { 200: z.object({ items: z.array(sessionView) }) },
    },
    config: { action: 'consultation.read' },
    handler: async (request) => {
      const { rows } = await listSessions({ db: ctx.db, actor: actorOf(request), filters: request.query });
      return { items: rows.map(presentSession) };
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/consultation/sessions.xlsx', {
    schema: {
      tags,
      summary:
        'Issue 8: the sessions of an area as .xlsx (sheet 会商列表) — the same filters and scope as GET /api/consultation/sessions',
      querystring: sessionsQuery,
      response: xlsxResponse,
    },
    config: { action: 'consultation.read' },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const filters = request.query as SessionsFilters;
      const { area, rows } = await listSessions({ db: ctx.db, actor, filters });
      const origin = `${request.protocol}://${request.host}`;
      const file = await writeSessionsSheet({
        sessions: rows.map(presentSession),
        areaName: area.name,
        filters,
        link: (sessionId) => `${origin}/consultation/sessions/${sessionId}`,
        exportedAt: ctx.clock.now(),
        exportedBy: actor.displayName,
      });
      return sendXlsx(reply, file, { en: 'consultation-sessions', zh: '会商列表' }, ctx.clock.now());
    },
  });

  app.get('/api/consultation/sessions/:id', {
    schema: {
      tags,
      summary: 'A session with its items',
      params: id,
      response: { 200: z.object({ session: sessionView, items: z.array(itemView) }) },
    },
    config: { action: 'consultation.read' },
    handler: async (request) => {
      const { session } = await sessionInScope(
        ctx.db,
        actorOf(request),
        request.params.id,
        'consultation.read',
      );
      return {
        session: presentSession(session),
        items: (await itemsOfSession(ctx.db, session.id)).map(presentItem),
      };
    },
  });

  app.post('/api/consultation/items', {
    schema: {
      tags,
      summary:
        'R4: enter an unclear-responsibility matter (from waiting cases, a leader, media, netizens or the platform)',
      body: z.strictObject({
        areaUnitId: z.uuid(),
        source: z.enum(ITEM_SOURCES),
        title: text(200),
        description: text(8000),
        categoryCode: text(100).optional(),
        placeUnitId: z.uuid().optional(),
        involvedUnitIds: z.array(z.uuid()).max(30).optional(),
        caseIds: z.array(z.uuid()).max(200).optional(),
      }),
      response: { 201: itemView },
    },
    config: { action: 'consultation.manage' },
    handler: async (request, reply) => {
      const row = await addItem({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        input: request.body,
      });
      return reply.status(201).send(presentItem(row));
    },
  });

  app.get('/api/consultation/queue', {
    schema: {
      tags,
      summary: 'R4: the queued items of an area, and the cases marked unclear that wait on no item yet',
      querystring: z.strictObject({ areaUnitId: z.uuid() }),
      response: { 200: z.object({ items: z.array(itemView), waitingCases: z.array(caseView) }) },
    },
    config: { action: 'consultation.read' },
    handler: async (request) => {
      const area = await findOrgUnit(ctx.db, request.query.areaUnitId);
      if (!area) throw notFound('Unit', '单位');
      requireAccess(actorOf(request), 'consultation.read', area.path);
      const onOpenItem = ctx.db
        .select({ one: consultationItemCases.caseId })
        .from(consultationItemCases)
        .innerJoin(consultationItems, eq(consultationItems.id, consultationItemCases.itemId))
        .where(
          and(
            eq(consultationItemCases.caseId, cases.id),
            inArray(consultationItems.state, ['queued', 'on_agenda']),
          ),
        );
      const waiting = await ctx.db
        .select()
        .from(cases)
        .where(and(eq(cases.state, 'in_consultation'), notExists(onOpenItem)))
        .limit(500);
      // Cases of this area's subtree only.
      const inArea = [];
      for (const c of waiting) {
        const unit = await findOrgUnit(ctx.db, c.areaUnitId);
        if (unit?.path.startsWith(area.path)) inArea.push(presentCase(c));
      }
      return {
        items: (await itemsInState(ctx.db, area.id, 'queued')).map(presentItem),
        waitingCases: inArea,
      };
    },
  });

  app.post('/api/consultation/sessions/:id/agenda', {
    schema: {
      tags,
      summary: 'R5: fix the agenda, time and place; the involved units owe written material (R9)',
      params: id,
      body: z.strictObject({
        meetingAt: text(40),
        location: text(200),
        itemIds: z.array(z.uuid()).min(1).max(50),
      }),
      response: { 200: sessionView },
    },
    config: { action: 'consultation.manage' },
    handler: async (request) => {
      const { meetingAt, ...rest } = request.body;
      const row = await fixAgenda({
        ...common,
        db: ctx.db,
        calendar: ctx.calendar.current(),
        actor: actorOf(request),
        sessionId: request.params.id,
        input: { ...rest, meetingAt: parseAt(meetingAt, 'meetingAt') },
      });
      ctx.bus.wake();
      return presentSession(row);
    },
  });

  app.post('/api/consultation/items/:id/materials', {
    schema: {
      tags,
      summary: 'R9: an involved unit submits its written material before the meeting',
      params: id,
      body: z.strictObject({ unitId: z.uuid(), content: text(20000) }),
      response: { 201: z.object({ id: z.uuid() }) },
    },
    config: { action: 'consultation.material' },
    handler: async (request, reply) => {
      const row = await submitMaterial({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        itemId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ id: row.id });
    },
  });

  app.post('/api/consultation/sessions/:id/meeting', {
    schema: {
      tags,
      summary:
        'R6: record the meeting — attendance, laggards, requirements and a determination for every item (R1)',
      params: id,
      body: z.strictObject({
        attendance: z
          .array(z.strictObject({ unitId: z.uuid(), people: text(200) }))
          .min(1)
          .max(100),
        laggards: z
          .array(z.strictObject({ unitId: z.uuid(), explanation: text(4000) }))
          .max(50)
          .optional(),
        requirements: text(8000).optional(),
        determinations: z
          .array(
            z.strictObject({
              itemId: z.uuid(),
              outcome: z.enum(['decided', 'to_leaders']),
              principle: z.enum(PRINCIPLES).optional(),
              leadUnitId: z.uuid().optional(),
              cooperatingUnitIds: z.array(z.uuid()).max(20).optional(),
              basis: text(2000).optional(),
              reasoning: text(4000).optional(),
              categoryCode: text(100).optional(),
              areaUnitId: z.uuid().optional(),
            }),
          )
          .max(50),
      }),
      response: { 200: sessionView },
    },
    config: { action: 'consultation.manage' },
    handler: async (request) => {
      const row = await recordMeeting({
        ...common,
        db: ctx.db,
        calendar: ctx.calendar.current(),
        actor: actorOf(request),
        sessionId: request.params.id,
        input: request.body,
      });
      ctx.bus.wake();
      return presentSession(row);
    },
  });

  app.post('/api/consultation/sessions/:id/issue', {
    schema: {
      tags,
      summary: 'R7: issue the minutes to all units',
      params: id,
      body: z.strictObject({}).nullish(),
      response: { 200: sessionView },
    },
    config: { action: 'consultation.manage' },
    handler: async (request) => {
      const row = await issueMinutes({
        db: ctx.db,
        clock: ctx.clock,
        actor: actorOf(request),
        sessionId: request.params.id,
      });
      ctx.bus.wake();
      return presentSession(row);
    },
  });

  for (const [file, build] of [
    ['minutes', minutesDocument],
    ['special-report', specialReportDocument],
  ] as const) {
    app.get(`/api/consultation/sessions/:id/${file}.docx`, {
      schema: {
        tags,
        summary: `R7: the ${file === 'minutes' ? 'minutes' : 'special report of the undecided items'} as .docx (GB/T 9704)`,
        params: id,
      },
      config: { action: 'consultation.papers' },
      handler: async (request, reply) => {
        const { session, area } = await papersInScope(ctx, actorOf(request), request.params.id);
        if (session.state !== 'held' && session.state !== 'minutes_issued')
          throw new AppError({
            status: 409,
            code: 'SESSION_STATE',
            zh: '会议尚未召开',
            en: 'The meeting is not recorded yet',
          });
        const bytes = await officialDocx(await build(ctx.db, session, area, await issuerOf(ctx.db, session)));
        const name = encodeURIComponent(`${session.title}${file === 'minutes' ? '纪要' : '专题报告'}.docx`);
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
          .send(bytes);
      },
    });
  }

  app.post('/api/consultation/items/:id/dispatch-cases', {
    schema: {
      tags,
      summary:
        'R7, C7: dispatch every case waiting on a decided item to its decided lead unit, in one action',
      params: id,
      body: z.strictObject({}).nullish(),
      response: {
        200: z.object({
          dispatched: z.array(z.uuid()),
          skipped: z.array(z.object({ caseId: z.uuid(), code: z.string() })),
        }),
      },
    },
    config: { action: 'consultation.dispatch' },
    handler: async (request) => {
      const result = await dispatchDecidedCases({
        ...common,
        db: ctx.db,
        calendar: ctx.calendar.current(),
        actor: actorOf(request),
        itemId: request.params.id,
      });
      ctx.bus.wake();
      return result;
    },
  });
}
