import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { isoDate, parseIsoDate } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { posts } from './org.tables.ts';
import { activeGridHead, findPerson, type PostRow } from './people.repository.ts';
import { gridHeadTaken, isUniqueViolation } from './start-post.ts';

export interface HandOverGridHeadOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  gridId: string;
  /** The new grid head. */
  personId: string;
  /** YYYY-MM-DD: the new head's first day; the old head's post ends the day before. */
  on: string;
}

/**
 * G3: a grid always has exactly one accountable head. Handing over ends the old
 * head's post and starts the new one in one transaction, so there is never a day
 * without a head, nor two at once.
 */
export async function handOverGridHead(
  options: HandOverGridHeadOptions,
): Promise<{ ended: PostRow | null; started: PostRow }> {
  const { db, caller } = options;
  const day = parseIsoDate(options.on);
  if (day === null) throw badRequest('BAD_DATE', '交接日期须为 YYYY-MM-DD', 'on must be YYYY-MM-DD', 'on');
  const grid = await findOrgUnit(db, options.gridId);
  if (!grid) throw notFound('Grid', '网格');
  if (grid.kind !== 'grid')
    throw badRequest('NOT_A_GRID', '该组织不是网格', 'This unit is not a grid', 'gridId');
  requireAccess(caller, 'person.manage', grid.path);
  const person = await findPerson(db, options.personId);
  if (!person) throw notFound('Person', '人员', 'personId');
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const current = await activeGridHead(tx, grid.id);
    if (current?.person.id === person.id) {
      throw conflict(
        'ALREADY_GRID_HEAD',
        '此人已是该网格的网格长',
        'This person is already the grid head',
        'personId',
      );
    }
    let ended: PostRow | null = null;
    if (current) {
      if (options.on <= current.post.startsOn) {
        throw badRequest(
          'BAD_DATE',
          '交接日期须晚于现任网格长的上任日期',
          'The handover must come after the current head started',
          'on',
        );
      }
      [ended = null] = await tx
        .update(posts)
        .set({ endsOn: isoDate(day - 1) })
        .where(eq(posts.id, current.post.id))
        .returning();
    }
    let started: PostRow | undefined;
    try {
      [started] = await tx
        .insert(posts)
        .values({
          id: randomUUID(),
          personId: person.id,
          role: 'grid_head',
          unitId: grid.id,
          title: '网格长',
          startsOn: options.on,
          endsOn: null,
          createdAt: now,
        })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error, 'posts_one_grid_head_uq')) throw gridHeadTaken();
      throw error;
    }
    if (!started) throw new Error('post insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'org_unit', id: grid.id },
      kind: 'org.grid_head_handed_over',
      payload: {
        from: current
          ? { personId: current.person.id, name: current.person.name, postId: current.post.id }
          : null,
        to: { personId: person.id, name: person.name, postId: started.id },
        on: options.on,
      },
    });
    return { ended, started };
  });
}
