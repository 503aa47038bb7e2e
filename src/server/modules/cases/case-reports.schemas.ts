import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const count = z.number().int();
const share = z.number().nullable();

export const summaryQuery = z.strictObject({
  unit: z.uuid(),
  period: z.enum(['week', 'month']),
  date: day,
});

const categoryCount = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), count });

const figures = {
  raised: count,
  closed: count,
  ratings: z.object({ satisfied: count, unsatisfied: count, satisfactionRate: share }),
  firstTime: z.object({ verified: count, firstTime: count, rate: share }),
};

export const summaryView = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ kind: z.enum(['week', 'month']), from: z.string(), to: z.string() }),
  asOf: z.string(),
  ...figures,
  overdueNow: count,
  byCategory: z.array(categoryCount),
  byState: z.array(z.object({ state: z.string(), stateType: z.string(), count })),
  byStateType: z.object({ gating: count, open: count, paused: count, closed: count }),
  leadUnits: z.array(
    z.object({ unitId: z.uuid(), name: z.string(), received: count, finished: count, overdue: count }),
  ),
  analysis: z
    .object({
      previous: z.object({ period: z.object({ from: z.string(), to: z.string() }), ...figures }),
      deltas: z.object({
        raised: count,
        closed: count,
        satisfied: count,
        unsatisfied: count,
        satisfactionRate: share,
        firstTimeRate: share,
      }),
      topCategories: z.array(categoryCount.extend({ previous: count, delta: count })),
    })
    .optional(),
});

export const drawBody = z.strictObject({
  unitId: z.uuid(),
  from: day,
  to: day,
  size: z.number().int().min(1).max(100),
  /** Redraw a sample: the same seed over the same closed cases gives the same sample. */
  seed: z.string().trim().min(1).max(64).optional(),
});

export const reviewBody = z.strictObject({
  verdict: z.enum(['ok', 'problem']),
  comment: z.string().max(2000).optional(),
});

export const spotCheckView = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  sampleSize: count,
  seed: z.string(),
  createdBy: z.uuid(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      number: z.string(),
      category: z.string(),
      categoryName: z.string(),
      state: z.string(),
      stateType: z.string(),
      slaClass: z.string().nullable(),
      rounds: count,
      complex: z.boolean(),
      feedback: z.string().nullable(),
      closedAt: z.string().nullable(),
      verdict: z.enum(['ok', 'problem']).nullable(),
      comment: z.string().nullable(),
      reviewedBy: z.uuid().nullable(),
      reviewedAt: z.string().nullable(),
    }),
  ),
});
