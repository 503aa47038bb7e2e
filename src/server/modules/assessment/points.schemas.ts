import { z } from 'zod';

/** A2: GET /api/assessment/points — the manual entries under an area in a month. */
export const pointsQuery = z.strictObject({
  area: z.uuid(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});
/** A2: GET /api/assessment/points/approvers — who may approve an entry for the unit. */
export const approversQuery = z.strictObject({ unit: z.uuid() });
