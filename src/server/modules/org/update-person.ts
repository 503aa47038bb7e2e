import { and, eq, ne } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { cleanPerson, type PersonInput } from './create-person.ts';
import { findOrgUnit } from './org.repository.ts';
import { people } from './org.tables.ts';
import { findPersonWithPath, type PersonRow } from './people.repository.ts';
import { maskIdNumber, maskPhone } from './personal-data.ts';

export interface UpdatePersonOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  personId: string;
  changes: Partial<PersonInput>;
}

/** Changes a person's name, numbers, unit or account; the event lists what changed, masked. */
export async function updatePerson(options: UpdatePersonOptions): Promise<PersonRow> {
  const { db, caller } = options;
  const found = await findPersonWithPath(db, options.personId);
  if (!found) throw notFound('Person', '人员');
  requireAccess(caller, 'person.manage', found.path);
  const next = cleanPerson({ ...found.person, ...options.changes });
  if (next.unitId !== found.person.unitId) {
    const unit = await findOrgUnit(db, next.unitId);
    if (!unit) throw badRequest('ORG_UNIT_NOT_FOUND', '所属组织不存在', 'Org unit not found', 'unitId');
    requireAccess(caller, 'person.manage', unit.path);
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    if (
      next.idNumber &&
      (
        await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.idNumber, next.idNumber), ne(people.id, found.person.id)))
      ).length
    ) {
      throw conflict(
        'ID_NUMBER_TAKEN',
        '该身份证号码已登记',
        'A person with this ID number exists',
        'idNumber',
      );
    }
    const values = {
      name: next.name,
      phone: next.phone ?? null,
      idNumber: next.idNumber ?? null,
      unitId: next.unitId,
      accountId: next.accountId ?? null,
    };
    const [row] = await tx.update(people).set(values).where(eq(people.id, found.person.id)).returning();
    if (!row) throw new Error('person update returned nothing');
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
      (k) => values[k] !== found.person[k],
    );
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'person', id: row.id },
      kind: 'org.person_changed',
      payload: {
        changed,
        name: row.name,
        phone: changed.includes('phone') ? maskPhone(row.phone) : undefined,
        idNumber: changed.includes('idNumber') ? maskIdNumber(row.idNumber) : undefined,
        unitId: changed.includes('unitId') ? row.unitId : undefined,
      },
    });
    return row;
  });
}
