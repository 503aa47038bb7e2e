import { z } from 'zod';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import type { CaseRecordRow } from './add-case-record.ts';
import type { CaseTaskRow } from './case-tasks.ts';
import type { caseReturns } from './case-work.tables.ts';

export const caseTaskView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  round: z.number().int(),
  state: z.string(),
  result: z.string().nullable(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});

export function presentTask(row: CaseTaskRow): z.infer<typeof caseTaskView> {
  return {
    id: row.id,
    unitId: row.unitId,
    round: row.round,
    state: row.state,
    result: row.result,
    createdAt: toIsoShanghai(row.createdAt),
    signedAt: toIsoOrNull(row.signedAt),
    doneAt: toIsoOrNull(row.doneAt),
  };
}

export const caseRecordView = z.object({
  id: z.uuid(),
  kind: z.string(),
  unitIds: z.array(z.uuid()),
  decision: z.string().nullable(),
  minutes: z.string().nullable(),
  decidedByLeader: z.boolean(),
  createdBy: z.uuid(),
  createdAt: z.string(),
});

export function presentRecord(row: CaseRecordRow): z.infer<typeof caseRecordView> {
  return {
    id: row.id,
    kind: row.kind,
    unitIds: row.unitIds,
    decision: row.decision,
    minutes: row.minutes,
    decidedByLeader: row.decidedByLeader,
    createdBy: row.createdBy,
    createdAt: toIsoShanghai(row.createdAt),
  };
}

export const caseReturnView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  reason: z.string(),
  returnedAt: z.string(),
  decision: z.string().nullable(),
  countsAgainst: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export function presentReturn(row: typeof caseReturns.$inferSelect): z.infer<typeof caseReturnView> {
  return {
    id: row.id,
    unitId: row.unitId,
    reason: row.reason,
    returnedAt: toIsoShanghai(row.returnedAt),
    decision: row.decision,
    countsAgainst: row.countsAgainst,
    decidedAt: toIsoOrNull(row.decidedAt),
  };
}
