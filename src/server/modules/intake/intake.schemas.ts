import { z } from 'zod';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import type { OrgUnitRow } from '../org/index.ts';
import type { IntakeSourceRow } from './intake.repository.ts';
import { INTAKE_CHANNELS } from './intake-sources.ts';

export const sourceIdParams = z.strictObject({ id: z.uuid() });

export const createSourceBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'lower-case letters, digits, _ and -, 2–40 characters'),
  name: z.string().trim().min(1).max(100),
  channel: z.enum(INTAKE_CHANNELS),
  areaUnitId: z.uuid(),
  open311: z.boolean().default(false),
});

export const sourceView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  channel: z.string(),
  areaUnitId: z.uuid(),
  areaName: z.string(),
  /** The first characters of the key, to tell keys apart; never the key. */
  keyPrefix: z.string(),
  open311: z.boolean(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});

/** The key appears in this answer only (create, rotate). */
export const sourceWithKeyView = sourceView.extend({ key: z.string() });

export function presentSource(source: IntakeSourceRow, area: OrgUnitRow): z.infer<typeof sourceView> {
  return {
    id: source.id,
    code: source.code,
    name: source.name,
    channel: source.channel,
    areaUnitId: area.id,
    areaName: area.name,
    keyPrefix: source.keyPrefix,
    open311: source.open311,
    createdAt: toIsoShanghai(source.createdAt),
    disabledAt: toIsoOrNull(source.disabledAt),
  };
}

/** A source's own reference: letters, digits and `._:-`, up to 100 characters (it goes in URLs). */
export const sourceRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'letters, digits and ._:- only');

const text = (max: number) => z.string().max(max).optional();

/** C5: a demand from a source system. Elements are optional here so the refusal names each missing one. */
export const intakeCaseBody = z.strictObject({
  sourceRef,
  category: z.string().trim().min(1).max(100),
  occurredAt: text(40),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  address: text(300),
  /** Without lat/lng: the code of the township, community or grid where it happened. */
  placeCode: z.string().max(20).optional(),
  party: text(200),
  contactName: text(50),
  contactPhone: z
    .string()
    .regex(/^\+?[\d -]{5,20}$/, 'digits, spaces and dashes')
    .optional(),
  situation: text(4000),
  demand: text(2000),
  proposedUnitId: z.uuid().optional(),
  proposedUnitText: text(200),
});
export type IntakeCaseBody = z.infer<typeof intakeCaseBody>;
