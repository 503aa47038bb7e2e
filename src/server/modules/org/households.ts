import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { households, posts } from './org.tables.ts';
import { findPerson } from './people.repository.ts';

export type HouseholdRow = typeof households.$inferSelect;

/** G6: a household of a grid and its family representative. */
export async function addHousehold(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  gridId: string;
  address: string;
  representativeId?: string | null | undefined;
}): Promise<HouseholdRow> {
  const { db, caller } = options;
  const grid = await findOrgUnit(db, options.gridId);
  if (grid?.kind !== 'grid')
    throw badRequest('NOT_A_GRID', '住户须登记在网格下', 'A household belongs to a grid', 'gridId');
  requireAccess(caller, 'person.manage', grid.path);
  if (options.representativeId && !(await findPerson(db, options.representativeId))) {
    throw notFound('Person', '人员', 'representativeId');
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(households)
      .values({
        id: randomUUID(),
        gridId: grid.id,
        address: options.address.trim(),
        representativeId: options.representativeId ?? null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('household insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'household', id: row.id },
      kind: 'org.household_added',
      payload: { gridId: grid.id, representativeId: row.representativeId },
    });
    return row;
  });
}

/**
 * G6: several family representatives elect one 联户代表. The joint representative
 * holds a household_rep post at the grid; the households must all be of that grid.
 */
export async function assignJointRepresentative(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  gridId: string;
  personId: string;
  householdIds: string[];
}): Promise<number> {
  const { db, caller } = options;
  const grid = await findOrgUnit(db, options.gridId);
  if (grid?.kind !== 'grid') throw badRequest('NOT_A_GRID', '须指明网格', 'A grid is needed', 'gridId');
  requireAccess(caller, 'person.manage', grid.path);
  const [post] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.personId, options.personId),
        eq(posts.unitId, grid.id),
        eq(posts.role, 'household_rep'),
        isNull(posts.endsOn),
      ),
    );
  if (!post) {
    throw badRequest(
      'NOT_A_JOINT_REP',
      '此人不是该网格在岗的联户代表',
      'This person holds no household_rep post at the grid',
      'personId',
    );
  }
  const rows = options.householdIds.length
    ? await db.select().from(households).where(inArray(households.id, options.householdIds))
    : [];
  if (rows.length !== options.householdIds.length || rows.some((h) => h.gridId !== grid.id)) {
    throw badRequest(
      'HOUSEHOLD_NOT_IN_GRID',
      '住户须都属于该网格',
      'Every household must belong to the grid',
      'householdIds',
    );
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    await tx
      .update(households)
      .set({ jointRepresentativeId: options.personId })
      .where(inArray(households.id, options.householdIds));
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'org_unit', id: grid.id },
      kind: 'org.joint_representative_assigned',
      payload: { personId: options.personId, households: options.householdIds },
    });
    return rows.length;
  });
}
