import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const count = z.number().int();
const flag = z.enum(['true', 'false']).default('false');

/** A1: GET /api/assessment/indicators. */
export const indicatorsQuery = z.strictObject({
  unit: z.uuid(),
  /** First day of the period (Asia/Shanghai). */
  from: day,
  /** First day after the period: [from, to). */
  to: day,
  /** Also the unit's direct children of the assessed kinds. */
  children: flag,
  /** Each unit's whole subtree instead of its own duties and cases. */
  rollUp: flag,
});

const rate = z.object({ numerator: count, denominator: count, rate: z.number().nullable() });

export const indicatorsView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  rollUp: z.boolean(),
  units: z.array(
    z.object({
      unit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() }),
      rates: z.object({
        timelySignIn: rate,
        onTimeCompletion: rate,
        firstTimeCompletion: rate,
        satisfaction: rate,
      }),
      counts: z.object({
        received: count,
        dispatched: count,
        returned: z.object({ total: count, agreed: count, refused: count, pending: count }),
        overdueNow: count,
        extended: count,
        avgSignHours: z.number().nullable(),
        avgFinishHours: z.number().nullable(),
      }),
    }),
  ),
});
