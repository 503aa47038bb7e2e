import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { type Actor, isRole, requireAccess, scopeOf } from '../auth/index.ts';
import { addContract } from './add-contract.ts';
import { createPerson } from './create-person.ts';
import { createWorkTeam } from './create-work-team.ts';
import { endPost } from './end-post.ts';
import { exportPeople } from './export-people.ts';
import { findOrgUnit } from './org.repository.ts';
import { personView, presentPerson } from './org.views.ts';
import { findPersonWithPath, listPeople, postsOfPerson } from './people.repository.ts';
import { type PeopleFilters, peopleExportQuery, peopleListQuery, sortPeople } from './people-list-query.ts';
import { startPost } from './start-post.ts';
import { updatePerson } from './update-person.ts';

const idParams = z.strictObject({ id: z.uuid() });
const postView = z.object({
  id: z.uuid(),
  role: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});
const personInput = {
  name: z.string().max(50),
  phone: z.string().max(20).nullish(),
  idNumber: z.string().max(18).nullish(),
  unitId: z.uuid(),
  accountId: z.uuid().nullish(),
};

export function registerPeopleRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  /** The unit a list is narrowed to: it must lie in the caller's `person.read` scope. */
  const underUnit = async (actor: Actor, unitId: string | undefined) => {
    if (!unitId) return undefined;
    const unit = await findOrgUnit(ctx.db, unitId);
    if (!unit) throw notFound('Org unit', '组织', 'unitId');
    requireAccess(actor, 'person.read', unit.path);
    return unit;
  };

  app.get('/api/people', {
    schema: {
      tags,
      summary:
        'People of the units in my scope (personal data masked unless my role needs it), by unit and name, sorted by name or unit',
      querystring: peopleListQuery,
      response: { 200: z.object({ items: z.array(personView) }) },
    },
    config: { action: 'person.read' },
    handler: async (request) => {
      const actor = actorOf(request);
      const rows = await listPeople(ctx.db, {
        scope: scopeOf(actor, 'person.read'),
        underPath: (await underUnit(actor, request.query.unitId))?.path,
        q: request.query.q,
        limit: request.query.limit,
      });
      const people = rows.map((r) => presentPerson(actor, r.person, r.unitPath, r.unitName));
      return { items: sortPeople(people, request.query.sort ?? 'name') };
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/people.xlsx', {
    schema: {
      tags,
      summary:
        'Issue 8: the people list as .xlsx (sheet 人员信息) — the same filters, scope and masking as GET /api/people, at most 10 000 rows',
      querystring: peopleExportQuery,
      response: xlsxResponse,
    },
    config: { action: 'person.read' },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const filters = request.query as PeopleFilters;
      const origin = `${request.protocol}://${request.host}`;
      const file = await exportPeople({
        db: ctx.db,
        clock: ctx.clock,
        actor,
        filters,
        under: await underUnit(actor, filters.unitId),
        link: (id) => `${origin}/org/people/${id}`,
      });
      return sendXlsx(reply, file, { en: 'people', zh: '人员信息' }, ctx.clock.now());
    },
  });

  app.get('/api/people/:id', {
    schema: {
      tags,
      summary: 'A person and their posts',
      params: idParams,
      response: { 200: personView.extend({ posts: z.array(postView) }) },
    },
    config: { action: 'person.read' },
    handler: async (request) => {
      const actor = actorOf(request);
      const found = await findPersonWithPath(ctx.db, request.params.id);
      if (!found) throw notFound('Person', '人员');
      requireAccess(actor, 'person.read', found.path);
      const held = await postsOfPerson(ctx.db, found.person.id);
      return {
        ...presentPerson(actor, found.person, found.path, found.unitName),
        posts: held.map(({ post, unitName }) => ({ ...post, unitName })),
      };
    },
  });

  app.post('/api/people', {
    schema: {
      tags,
      summary: 'Add a person',
      body: z.strictObject(personInput),
      response: { 201: personView },
    },
    config: { action: 'person.manage' },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const person = await createPerson({ db: ctx.db, clock: ctx.clock, caller: actor, ...request.body });
      const unit = await findOrgUnit(ctx.db, person.unitId);
      return reply.status(201).send(presentPerson(actor, person, unit?.path ?? '/', unit?.name ?? null));
    },
  });

  app.patch('/api/people/:id', {
    schema: {
      tags,
      summary: "Change a person's name, numbers, unit or account",
      params: idParams,
      body: z.strictObject(personInput).partial(),
      response: { 200: personView },
    },
    config: { action: 'person.manage' },
    handler: async (request) => {
      const actor = actorOf(request);
      const person = await updatePerson({
        db: ctx.db,
        clock: ctx.clock,
        caller: actor,
        personId: request.params.id,
        changes: request.body,
      });
      const unit = await findOrgUnit(ctx.db, person.unitId);
      return presentPerson(actor, person, unit?.path ?? '/', unit?.name ?? null);
    },
  });

  app.post('/api/posts', {
    schema: {
      tags,
      summary: 'Put a person in a role at a unit (定人定岗, G3)',
      body: z.strictObject({
        personId: z.uuid(),
        role: z.string().max(40).refine(isRole, { error: 'unknown role' }),
        unitId: z.uuid(),
        startsOn: z.string().max(10),
        title: z.string().trim().max(50).nullish(),
      }),
      response: { 201: postView.omit({ unitName: true }) },
    },
    config: { action: 'person.manage' },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await startPost({ db: ctx.db, clock: ctx.clock, caller: actorOf(request), ...request.body })),
  });

  app.post('/api/posts/:id/end', {
    schema: {
      tags,
      summary: 'End a post (a grid head is handed over instead)',
      params: idParams,
      body: z.strictObject({ endsOn: z.string().max(10) }),
      response: { 200: postView.omit({ unitName: true }) },
    },
    config: { action: 'person.manage' },
    handler: async (request) =>
      endPost({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        postId: request.params.id,
        endsOn: request.body.endsOn,
      }),
  });

  app.post('/api/contracts', {
    schema: {
      tags,
      summary: 'Record who contracts (分包) a unit of the level below (G4)',
      body: z.strictObject({
        personId: z.uuid(),
        fromUnitId: z.uuid(),
        unitId: z.uuid(),
        kind: z.enum(['leader', 'mass_work_team', 'enforcement']),
        startsOn: z.string().max(10),
      }),
      response: { 201: z.object({ id: z.uuid() }) },
    },
    config: { action: 'person.manage' },
    handler: async (request, reply) => {
      const row = await addContract({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        ...request.body,
      });
      return reply.status(201).send({ id: row.id });
    },
  });

  app.post('/api/work-teams', {
    schema: {
      tags,
      summary: 'Station a mass-work team of a department at a township (G5)',
      body: z.strictObject({
        name: z.string().trim().min(1).max(100),
        departmentId: z.uuid(),
        townshipId: z.uuid(),
        memberIds: z.array(z.uuid()).min(1).max(50),
        leaderId: z.uuid().optional(),
        startsOn: z.string().max(10),
      }),
      response: { 201: z.object({ id: z.uuid() }) },
    },
    config: { action: 'person.manage' },
    handler: async (request, reply) => {
      const team = await createWorkTeam({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        ...request.body,
      });
      return reply.status(201).send({ id: team?.id ?? '' });
    },
  });
}
