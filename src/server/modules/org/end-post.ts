import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { parseIsoDate } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { posts } from './org.tables.ts';
import type { PostRow } from './people.repository.ts';

export interface EndPostOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  postId: string;
  /** YYYY-MM-DD, the last day the post is held. */
  endsOn: string;
}

/**
 * Ends a post. A grid head's post does not end on its own: the grid would have no
 * head (G3); the handover ends it and starts the next in one step.
 */
export async function endPost(options: EndPostOptions): Promise<PostRow> {
  const { db, caller } = options;
  if (parseIsoDate(options.endsOn) === null)
    throw badRequest('BAD_DATE', '结束日期须为 YYYY-MM-DD', 'endsOn must be YYYY-MM-DD', 'endsOn');
  return db.transaction(async (tx) => {
    const [post] = await tx.select().from(posts).where(eq(posts.id, options.postId)).for('update');
    if (!post) throw notFound('Post', '岗位');
    const unit = await findOrgUnit(tx, post.unitId);
    requireAccess(caller, 'person.manage', unit?.path ?? '/');
    if (post.endsOn) throw conflict('POST_ENDED', '该岗位已结束', 'The post has already ended');
    if (post.role === 'grid_head') {
      throw conflict(
        'GRID_NEEDS_HEAD',
        '网格不能没有网格长，请使用交接',
        'A grid cannot be left without a head; hand over instead',
      );
    }
    if (options.endsOn < post.startsOn) {
      throw badRequest('BAD_DATE', '结束日期早于开始日期', 'endsOn is before startsOn', 'endsOn');
    }
    const [row] = await tx
      .update(posts)
      .set({ endsOn: options.endsOn })
      .where(eq(posts.id, post.id))
      .returning();
    if (!row) throw new Error('post update returned nothing');
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: eventActor(caller),
      subject: { type: 'post', id: post.id },
      kind: 'org.post_ended',
      payload: { personId: post.personId, role: post.role, unitId: post.unitId, endsOn: options.endsOn },
    });
    return row;
  });
}
