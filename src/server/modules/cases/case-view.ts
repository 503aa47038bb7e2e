import { z } from 'zod';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import { maskPersonalText } from '../org/index.ts';
import { CASE_STATES, type CaseState } from './case-flow.ts';
import type { CaseRow, NextDuty } from './cases.repository.ts';
import { CASE_CHANNELS, CASE_LEVELS, SLA_CLASSES } from './cases.tables.ts';

export const caseView = z.object({
  id: z.uuid(),
  number: z.string(),
  state: z.string(),
  stateType: z.string(),
  version: z.number().int(),
  raisedBy: z.uuid().nullable(),
  raiserRole: z.string(),
  channel: z.enum(CASE_CHANNELS),
  category: z.string(),
  occurredAt: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string().nullable(),
  gridId: z.uuid().nullable(),
  communityId: z.uuid().nullable(),
  townshipId: z.uuid().nullable(),
  outsideGrid: z.boolean(),
  party: z.string(),
  situation: z.string(),
  demand: z.string(),
  proposedUnitId: z.uuid().nullable(),
  proposedUnitText: z.string().nullable(),
  level: z.enum(CASE_LEVELS),
  areaUnitId: z.uuid(),
  centreUnitId: z.uuid().nullable(),
  leadUnitId: z.uuid().nullable(),
  slaClass: z.enum(SLA_CLASSES).nullable(),
  rounds: z.number().int(),
  firstTimeCompletion: z.boolean(),
  /** C16: joint enforcement led by the township with stationed agencies. */
  jointEnforcement: z.boolean(),
  /** A merged case: the case it duplicates. */
  mergedIntoId: z.uuid().nullable(),
  /** C5: the source system's own reference, for a case it handed in. */
  sourceRef: z.string().nullable(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  rating: z.enum(['satisfied', 'unsatisfied']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseView = z.infer<typeof caseView>;

export function presentCase(row: CaseRow): CaseView {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    stateType: CASE_STATES[row.state as CaseState] ?? 'open',
    version: row.version,
    raisedBy: row.raisedBy,
    raiserRole: row.raiserRole,
    channel: row.channel,
    category: row.category,
    occurredAt: toIsoShanghai(row.occurredAt),
    lat: row.lat,
    lng: row.lng,
    address: row.address,
    gridId: row.gridId,
    communityId: row.communityId,
    townshipId: row.townshipId,
    outsideGrid: row.outsideGrid,
    // Personal data: phone and ID numbers inside the text are masked wherever a case is shown.
    party: maskPersonalText(row.party),
    situation: maskPersonalText(row.situation),
    demand: maskPersonalText(row.demand),
    proposedUnitId: row.proposedUnitId,
    proposedUnitText: row.proposedUnitText,
    level: row.level,
    areaUnitId: row.areaUnitId,
    centreUnitId: row.centreUnitId,
    leadUnitId: row.leadUnitId,
    slaClass: row.slaClass,
    rounds: row.rounds,
    firstTimeCompletion: row.rounds === 1,
    jointEnforcement: row.jointEnforcement,
    mergedIntoId: row.mergedIntoId,
    sourceRef: row.sourceRef,
    feedback: row.feedback,
    feedbackAt: toIsoOrNull(row.feedbackAt),
    rating: row.rating,
    createdAt: toIsoShanghai(row.createdAt),
    updatedAt: toIsoShanghai(row.updatedAt),
  };
}

/** A row of a case list: the case and the clock the list shows (its duty owed first). */
export const caseListItem = caseView.extend({
  nextDuty: z
    .object({
      ruleId: z.string(),
      unitId: z.uuid(),
      state: z.enum(['running', 'breached']),
      dueAt: z.string(),
      warnAt: z.string(),
      warnedAt: z.string().nullable(),
    })
    .nullable(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export function presentListItem(row: CaseRow, next: NextDuty | undefined): CaseListItem {
  return {
    ...presentCase(row),
    nextDuty: next
      ? {
          ruleId: next.ruleId,
          unitId: next.unitId,
          state: next.state,
          dueAt: toIsoShanghai(next.dueAt),
          warnAt: toIsoShanghai(next.warnAt),
          warnedAt: toIsoOrNull(next.warnedAt),
        }
      : null,
  };
}
