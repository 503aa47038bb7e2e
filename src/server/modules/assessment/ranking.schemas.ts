import { z } from 'zod';
import { SUBJECT_KINDS } from './compute-ranking.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const subject = z.enum(Object.keys(SUBJECT_KINDS) as [keyof typeof SUBJECT_KINDS]);
const period = z.enum(['week', 'month', 'quarter']);
const percent = z.number().min(0).max(100);

/** A2: PUT /api/assessment/settings/:areaUnitId. */
export const settingsBody = z.strictObject({
  weights: z.strictObject({ signIn: percent, onTime: percent, firstTime: percent, satisfaction: percent }),
  minimumCases: z.number().int().min(0).max(100_000).optional(),
  pointRules: z.record(z.string().max(40), z.number().min(-100).max(100)).optional(),
});
export const areaParams = z.strictObject({ areaUnitId: z.uuid() });
export const idParams = z.strictObject({ id: z.uuid() });

/** A2: POST /api/assessment/points. */
export const pointBody = z.strictObject({
  unitId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  points: z.number().min(-100).max(100),
  ruleId: z.string().regex(/^[A-Z]\d{1,2}$/, 'a rule ID such as A2, R10 or C8'),
  reason: z.string().min(1).max(2000),
  approvedBy: z.uuid(),
  corrects: z.uuid().optional(),
});

/** A1, A2: GET …/rankings/preview and POST …/rankings. */
export const rankingAsk = z.strictObject({ area: z.uuid(), subject, period, date: day });
export const rankingList = z.strictObject({
  area: z.uuid(),
  subject: subject.optional(),
  period: period.optional(),
  date: day.optional(),
});
export const correctionBody = z.strictObject({ reason: z.string().min(1).max(2000) });
