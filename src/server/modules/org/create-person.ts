import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from './org.repository.ts';
import { people } from './org.tables.ts';
import type { PersonRow } from './people.repository.ts';
import { checkIdNumber, checkPhone, maskIdNumber, maskPhone } from './personal-data.ts';

export interface PersonInput {
  name: string;
  phone?: string | null | undefined;
  idNumber?: string | null | undefined;
  /** The unit the person belongs to; decides who may see them. */
  unitId: string;
  accountId?: string | null | undefined;
}

export interface CreatePersonOptions extends PersonInput {
  db: Db;
  clock: Clock;
  caller: Caller;
}

/** Checks a person's fields: a name, a real mobile number and ID number when given. */
export function cleanPerson(input: PersonInput): PersonInput {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 50)
    throw badRequest('BAD_NAME', '姓名须为 1–50 个字', 'The name needs 1–50 characters', 'name');
  return {
    ...input,
    name,
    phone: input.phone ? checkPhone(input.phone) : null,
    idNumber: input.idNumber ? checkIdNumber(input.idNumber) : null,
  };
}

/** Adds a person. The event carries masked numbers only: the audit trail is not a phone book. */
export async function createPerson(options: CreatePersonOptions): Promise<PersonRow> {
  const { db, caller } = options;
  const input = cleanPerson(options);
  const unit = await findOrgUnit(db, input.unitId);
  if (!unit) throw badRequest('ORG_UNIT_NOT_FOUND', '所属组织不存在', 'Org unit not found', 'unitId');
  requireAccess(caller, 'person.manage', unit.path);
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    if (
      input.idNumber &&
      (await tx.select({ id: people.id }).from(people).where(eq(people.idNumber, input.idNumber))).length
    ) {
      throw conflict(
        'ID_NUMBER_TAKEN',
        '该身份证号码已登记',
        'A person with this ID number exists',
        'idNumber',
      );
    }
    const [row] = await tx
      .insert(people)
      .values({
        id: randomUUID(),
        name: input.name,
        phone: input.phone ?? null,
        idNumber: input.idNumber ?? null,
        accountId: input.accountId ?? null,
        unitId: unit.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('person insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'person', id: row.id },
      kind: 'org.person_added',
      payload: {
        name: row.name,
        unitId: unit.id,
        phone: maskPhone(row.phone),
        idNumber: maskIdNumber(row.idNumber),
      },
    });
    return row;
  });
}
