import { z } from 'zod';
import { type Actor, authorize } from '../auth/index.ts';
import type { OrgUnitRow } from './org.repository.ts';
import type { PersonRow } from './people.repository.ts';
import { maskIdNumber, maskPhone } from './personal-data.ts';

export const unitView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  fullName: z.string().nullable(),
  kind: z.string(),
  gridType: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  level: z.number().int(),
  hasBoundary: z.boolean(),
});

export function presentUnit(u: OrgUnitRow): z.infer<typeof unitView> {
  return {
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    fullName: u.fullName,
    kind: u.kind,
    gridType: u.gridType,
    departmentId: u.departmentId,
    level: u.level,
    hasBoundary: u.boundary !== null,
  };
}

export const personView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Masked (138****8000) unless the reader may contact people of this unit. */
  phone: z.string().nullable(),
  /** Masked (110105********0123) unless the reader keeps the roster. */
  idNumber: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string().nullable(),
  hasAccount: z.boolean(),
});

/**
 * Personal data is masked unless the reader's role needs it: phone numbers for those
 * who must call people of that unit (person.contact), ID numbers only for the roster's
 * keeper (person.manage).
 */
/** A phone number as this reader may see it (person.contact on the person's unit). */
export function visiblePhone(actor: Actor, phone: string | null, unitPath: string): string | null {
  return authorize(actor, 'person.contact', { orgPath: unitPath }) ? phone : maskPhone(phone);
}

export function presentPerson(
  actor: Actor,
  person: PersonRow,
  unitPath: string,
  unitName: string | null = null,
): z.infer<typeof personView> {
  const identity = authorize(actor, 'person.manage', { orgPath: unitPath });
  return {
    id: person.id,
    name: person.name,
    phone: visiblePhone(actor, person.phone, unitPath),
    idNumber: identity ? person.idNumber : maskIdNumber(person.idNumber),
    unitId: person.unitId,
    unitName,
    hasAccount: person.accountId !== null,
  };
}
