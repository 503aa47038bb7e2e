import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, isRole, requireAccess } from '../auth/index.ts';
import { parseIsoDate } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { posts } from './org.tables.ts';
import { activeGridHead, findPerson, type PostRow } from './people.repository.ts';
import { ROLE_UNIT_KINDS } from './unit-rules.ts';

export interface StartPostOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  personId: string;
  role: string;
  unitId: string;
  /** YYYY-MM-DD, the first day the post is held. */
  startsOn: string;
  title?: string | null | undefined;
}

/** A unique violation, as both drivers report it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: unknown };
  if (e?.code === '23505' && (e.constraint === constraint || e.message?.includes(constraint))) return true;
  return e?.cause !== undefined && isUniqueViolation(e.cause, constraint);
}

export const gridHeadTaken = () =>
  conflict(
    'GRID_HEAD_EXISTS',
    '该网格已有在岗网格长，请使用交接',
    'The grid already has an active grid head; hand over instead',
    'personId',
  );

/** G3: puts a person in a role at a unit (定人定岗). A grid keeps one active grid head. */
export async function startPost(options: StartPostOptions): Promise<PostRow> {
  const { db, caller } = options;
  if (!isRole(options.role)) throw badRequest('BAD_ROLE', '岗位角色无效', 'Unknown role', 'role');
  if (parseIsoDate(options.startsOn) === null)
    throw badRequest('BAD_DATE', '开始日期须为 YYYY-MM-DD', 'startsOn must be YYYY-MM-DD', 'startsOn');
  const unit = await findOrgUnit(db, options.unitId);
  if (!unit) throw badRequest('ORG_UNIT_NOT_FOUND', '组织不存在', 'Org unit not found', 'unitId');
  requireAccess(caller, 'person.manage', unit.path);
  const kinds = ROLE_UNIT_KINDS[options.role];
  // G3/G7: a grid head sits at a grid, a dispatcher at a centre, a department head at a department…
  if (kinds !== 'any' && !kinds.includes(unit.kind)) {
    throw badRequest(
      'POST_UNIT_KIND',
      `该岗位只能设在以下类型的组织：${kinds.join('、')}`,
      `This role is held at a ${kinds.join(' or ')}, not at a ${unit.kind}`,
      'unitId',
    );
  }
  const person = await findPerson(db, options.personId);
  if (!person) throw notFound('Person', '人员', 'personId');
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    if (options.role === 'grid_head' && (await activeGridHead(tx, unit.id))) throw gridHeadTaken();
    let row: PostRow | undefined;
    try {
      [row] = await tx
        .insert(posts)
        .values({
          id: randomUUID(),
          personId: person.id,
          role: options.role,
          unitId: unit.id,
          title: options.title ?? null,
          startsOn: options.startsOn,
          endsOn: null,
          createdAt: now,
        })
        .returning();
    } catch (error) {
      // Two handovers racing: the database's index is the last word.
      if (isUniqueViolation(error, 'posts_one_grid_head_uq')) throw gridHeadTaken();
      throw error;
    }
    if (!row) throw new Error('post insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'post', id: row.id },
      kind: 'org.post_started',
      payload: {
        personId: person.id,
        name: person.name,
        role: row.role,
        unitId: unit.id,
        startsOn: row.startsOn,
      },
    });
    return row;
  });
}
