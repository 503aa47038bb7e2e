import { z } from 'zod';
import { ALERT_KINDS } from './alerts.ts';
import { SUBJECT_KINDS } from './compute-ranking.ts';

export const caseAlertBody = z.strictObject({ caseId: z.uuid(), reason: z.string().min(1).max(500) });
/** The alerts list's filters, shared by `GET /api/assessment/alerts` and its .xlsx export. */
export const alertsQuery = z.object({
  area: z.uuid(),
  kind: z.enum(ALERT_KINDS).optional(),
  /** Open (not yet closed) or closed alerts only. */
  state: z.enum(['open', 'closed']).optional(),
});
export const alertParams = z.strictObject({ id: z.uuid() });
export const closeBody = z.strictObject({ note: z.string().min(1).max(1000) });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const interviewBody = z.strictObject({
  area: z.uuid(),
  subject: z.enum(Object.keys(SUBJECT_KINDS) as [keyof typeof SUBJECT_KINDS]),
  month,
});
export const referralBody = z.strictObject({ area: z.uuid(), month });
/** A body-less POST takes no body, or an empty object. */
export const emptyBody = z.strictObject({}).nullish();
