import { z } from 'zod';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import { stateTypeOf } from './obligation-flow.ts';
import type { ObligationRow } from './obligations.repository.ts';

export const obligationView = z.object({
  id: z.uuid(),
  subject: z.object({ type: z.string(), id: z.string() }),
  ruleId: z.string(),
  unitId: z.uuid(),
  unitName: z.string().nullable(),
  personId: z.uuid().nullable(),
  deadline: z.string(),
  startedAt: z.string(),
  baseDueAt: z.string(),
  extendedDueAt: z.string().nullable(),
  dueAt: z.string(),
  warnAt: z.string(),
  state: z.enum(['running', 'paused', 'met', 'breached', 'waived', 'cancelled']),
  stateType: z.enum(['open', 'paused', 'overdue', 'done', 'closed']),
  warnedAt: z.string().nullable(),
  metAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  pausedMs: z.number().int(),
});

export function presentObligation(
  row: ObligationRow,
  unitName: string | null = null,
): z.infer<typeof obligationView> {
  return {
    id: row.id,
    subject: { type: row.subjectType, id: row.subjectId },
    ruleId: row.ruleId,
    unitId: row.unitId,
    unitName,
    personId: row.personId,
    deadline: row.deadline,
    startedAt: toIsoShanghai(row.startedAt),
    baseDueAt: toIsoShanghai(row.baseDueAt),
    extendedDueAt: toIsoOrNull(row.extendedDueAt),
    dueAt: toIsoShanghai(row.dueAt),
    warnAt: toIsoShanghai(row.warnAt),
    state: row.state,
    stateType: stateTypeOf(row.state, row.metAt),
    warnedAt: toIsoOrNull(row.warnedAt),
    metAt: toIsoOrNull(row.metAt),
    breachedAt: toIsoOrNull(row.breachedAt),
    endedAt: toIsoOrNull(row.endedAt),
    pausedAt: toIsoOrNull(row.pausedAt),
    pausedMs: row.pausedMs,
  };
}
