import { AppError } from '../../core/errors.ts';
import { parseStart } from '../calendar/index.ts';
import { type CallElement, type CallInput, ELEMENTS } from '../cases/index.ts';
import type { IntakeCaseBody } from './intake.schemas.ts';

/**
 * C5 with C6: a channel's demand must carry the time, the place, the situation and the
 * demand; the party defaults to the contact (or 来电群众) and the handling unit is the
 * centre's to choose in triage (C7).
 */
export const INTAKE_ELEMENTS: readonly CallElement[] = ELEMENTS.filter((e) =>
  ['occurredAt', 'address', 'situation', 'demand'].includes(e.field),
);

/**
 * The party text: who raised it and how to reach them. There is no contact column; the
 * phone is kept here for the centre and the grid, and masked in every view this module
 * presents.
 */
export function partyText(party?: string, contactName?: string, contactPhone?: string): string {
  const who = party?.trim() || contactName?.trim() || '来电群众';
  const contact = [
    contactName?.trim() && contactName.trim() !== who ? `联系人：${contactName.trim()}` : '',
    contactPhone?.trim() ? `电话：${contactPhone.trim()}` : '',
  ].filter(Boolean);
  return contact.length > 0 ? `${who}（${contact.join('，')}）` : who;
}

/** The validated body of POST /api/intake/cases as openCase's input. */
export function intakeCallInput(body: IntakeCaseBody, channel: CallInput['channel']): CallInput {
  let occurredAt: Date | undefined;
  if (body.occurredAt) {
    try {
      occurredAt = parseStart(body.occurredAt);
    } catch {
      throw new AppError({
        status: 400,
        code: 'BAD_TIME',
        zh: '发生时间须为带时区的 ISO 8601 时间，例如 2026-09-21T08:30:00+08:00',
        en: 'occurredAt must be ISO 8601 with an offset, e.g. 2026-09-21T08:30:00+08:00',
        field: 'occurredAt',
      });
    }
  }
  return {
    category: body.category,
    channel,
    occurredAt,
    lat: body.lat,
    lng: body.lng,
    address: body.address,
    party: partyText(body.party, body.contactName, body.contactPhone),
    situation: body.situation,
    demand: body.demand,
    proposedUnitId: body.proposedUnitId,
    proposedUnitText: body.proposedUnitText,
  };
}
