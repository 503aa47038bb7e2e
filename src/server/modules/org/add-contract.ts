import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { parseIsoDate } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { contracts, posts } from './org.tables.ts';
import { findPerson } from './people.repository.ts';
import { CONTRACT_LEVELS } from './unit-rules.ts';

export interface AddContractOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** The contractor. */
  personId: string;
  /** The contractor's own unit, where they hold a post. */
  fromUnitId: string;
  /** The unit contracted (分包). */
  unitId: string;
  kind: 'leader' | 'mass_work_team' | 'enforcement';
  startsOn: string;
}

export type ContractRow = typeof contracts.$inferSelect;

/**
 * G4 five-level linkage: records that a person of one level contracts a unit of the
 * level below (city → district → township → community → grid; enforcement
 * departments one level down). The contractor is the unit's escalation contact.
 */
export async function addContract(options: AddContractOptions): Promise<ContractRow> {
  const { db, caller } = options;
  if (parseIsoDate(options.startsOn) === null)
    throw badRequest('BAD_DATE', '开始日期须为 YYYY-MM-DD', 'startsOn must be YYYY-MM-DD', 'startsOn');
  const [from, unit, person] = await Promise.all([
    findOrgUnit(db, options.fromUnitId),
    findOrgUnit(db, options.unitId),
    findPerson(db, options.personId),
  ]);
  if (!from)
    throw badRequest(
      'ORG_UNIT_NOT_FOUND',
      '包联人所在组织不存在',
      'The contractor’s unit does not exist',
      'fromUnitId',
    );
  if (!unit)
    throw badRequest(
      'ORG_UNIT_NOT_FOUND',
      '被包联组织不存在',
      'The contracted unit does not exist',
      'unitId',
    );
  if (!person) throw notFound('Person', '人员', 'personId');
  requireAccess(caller, 'person.manage', from.path);
  // G4: each level contracts the level directly below it, within its own area.
  if (!CONTRACT_LEVELS.some((l) => l.from === from.kind && l.to === unit.kind)) {
    throw badRequest(
      'CONTRACT_LEVEL',
      `${from.kind} 级人员不能包联 ${unit.kind} 级组织`,
      `Someone at a ${from.kind} cannot contract a ${unit.kind}`,
      'unitId',
    );
  }
  const home = from.kind === 'department' ? `${from.path.split('/').slice(0, -2).join('/')}/` : from.path;
  if (!unit.path.startsWith(home)) {
    throw badRequest(
      'CONTRACT_AREA',
      '只能包联本辖区内的组织',
      'A contractor contracts units of their own area only',
      'unitId',
    );
  }
  const [post] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.personId, person.id), eq(posts.unitId, from.id), isNull(posts.endsOn)));
  if (!post) {
    throw badRequest(
      'NO_POST',
      '包联人须在其所在组织有在岗岗位',
      'The contractor must hold a post at their unit',
      'personId',
    );
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contracts)
      .values({
        id: randomUUID(),
        personId: person.id,
        fromUnitId: from.id,
        unitId: unit.id,
        kind: options.kind,
        startsOn: options.startsOn,
        endsOn: null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('contract insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'org_unit', id: unit.id },
      kind: 'org.contract_added',
      payload: {
        contractId: row.id,
        personId: person.id,
        name: person.name,
        fromUnitId: from.id,
        kind: row.kind,
      },
    });
    return row;
  });
}
