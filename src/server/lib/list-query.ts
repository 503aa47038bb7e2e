import { z } from 'zod';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day `YYYY-MM-DD` that exists (2026-02-30 is refused), as a query parameter. */
export const dayParam = z
  .string()
  .regex(DAY, { error: 'expected YYYY-MM-DD' })
  .refine(
    (text) => {
      const [, y, m, d] = DAY.exec(text) as RegExpExecArray;
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      return date.toISOString().slice(0, 10) === text;
    },
    { error: 'not a real day' },
  );

/** 00:00 of a day in Asia/Shanghai. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** 00:00 of the day after, in Asia/Shanghai: the exclusive end of a `to` day. */
export function shanghaiDayEnd(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + 86_400_000);
}

/** A typed search as a LIKE/ILIKE pattern that matches it anywhere (% and _ taken literally). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Refuses a `from` day after the `to` day, naming the field `to`. */
export function daysInOrder<T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(
  schema: T,
): T {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'to is before from',
    path: ['to'],
  });
}
