import { z } from 'zod';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import type { ItemRow, SessionRow } from './consultation.repository.ts';

export const sessionView = z.object({
  id: z.uuid(),
  areaUnitId: z.uuid(),
  kind: z.string(),
  month: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  meetingAt: z.string().nullable(),
  location: z.string().nullable(),
  attendance: z.array(z.object({ unitId: z.string(), people: z.string() })),
  laggards: z.array(z.object({ unitId: z.string(), explanation: z.string() })),
  requirements: z.string().nullable(),
  createdAt: z.string(),
  heldAt: z.string().nullable(),
  minutesIssuedAt: z.string().nullable(),
});

export function presentSession(row: SessionRow): z.infer<typeof sessionView> {
  return {
    id: row.id,
    areaUnitId: row.areaUnitId,
    kind: row.kind,
    month: row.month,
    title: row.title,
    state: row.state,
    meetingAt: toIsoOrNull(row.meetingAt),
    location: row.location,
    attendance: row.attendance ?? [],
    laggards: row.laggards ?? [],
    requirements: row.requirements,
    createdAt: toIsoShanghai(row.createdAt),
    heldAt: toIsoOrNull(row.heldAt),
    minutesIssuedAt: toIsoOrNull(row.minutesIssuedAt),
  };
}

export const itemView = z.object({
  id: z.uuid(),
  areaUnitId: z.uuid(),
  sessionId: z.uuid().nullable(),
  source: z.string(),
  title: z.string(),
  description: z.string(),
  categoryCode: z.string().nullable(),
  placeUnitId: z.uuid().nullable(),
  involvedUnitIds: z.array(z.string()),
  state: z.string(),
  principle: z.string().nullable(),
  leadUnitId: z.uuid().nullable(),
  cooperatingUnitIds: z.array(z.string()),
  basis: z.string().nullable(),
  reasoning: z.string().nullable(),
  ruleId: z.uuid().nullable(),
  ledgerItemId: z.uuid().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export function presentItem(row: ItemRow): z.infer<typeof itemView> {
  return {
    id: row.id,
    areaUnitId: row.areaUnitId,
    sessionId: row.sessionId,
    source: row.source,
    title: row.title,
    description: row.description,
    categoryCode: row.categoryCode,
    placeUnitId: row.placeUnitId,
    involvedUnitIds: row.involvedUnitIds,
    state: row.state,
    principle: row.principle,
    leadUnitId: row.leadUnitId,
    cooperatingUnitIds: row.cooperatingUnitIds ?? [],
    basis: row.basis,
    reasoning: row.reasoning,
    ruleId: row.ruleId,
    ledgerItemId: row.ledgerItemId,
    createdAt: toIsoShanghai(row.createdAt),
    decidedAt: toIsoOrNull(row.decidedAt),
  };
}
