/**
 * Shanghai days for the settled figures (assessment_daily): which whole days of a period
 * may come from settled rows and which instants are left to compute live. Pure.
 */

const DAY_MS = 86_400_000;
/** China Standard Time has had no daylight saving since 1991 (indicator-period.ts). */
const OFFSET_MS = 8 * 3_600_000;

/** The Shanghai day holding `at`, as days since 1970-01-01. */
export const dayNumberOf = (at: Date): number => Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);

/** `YYYY-MM-DD` of a day number. */
export const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The day number of `YYYY-MM-DD` (assumed valid: it comes from the database or dayText). */
export const dayNumber = (text: string): number => Date.parse(`${text}T00:00:00Z`) / DAY_MS;

/** The first instant of a day. */
export const dayStart = (day: number): Date => new Date(day * DAY_MS - OFFSET_MS);

/**
 * The whole days inside [from, to) that ended before the day of `now` — the only days
 * that may be settled (today can still change by the hour, and a running duty due later
 * today does not count yet). Returned as [first, end) day numbers; empty when first ≥ end.
 */
export function settleableDays(from: Date, to: Date, now: Date): { first: number; end: number } {
  const first = Math.ceil((from.getTime() + OFFSET_MS) / DAY_MS);
  const end = Math.min(Math.floor((to.getTime() + OFFSET_MS) / DAY_MS), dayNumberOf(now));
  return { first, end };
}

/** An interval of instants [from, to). */
export interface Range {
  from: Date;
  to: Date;
}

/**
 * What remains of [from, to) once the settled days are taken out, as merged ranges in
 * order: the instants to compute live. `settled` holds day numbers inside the period.
 */
export function liveRanges(from: Date, to: Date, settled: readonly number[]): Range[] {
  const out: Range[] = [];
  let cursor = from.getTime();
  for (const day of [...settled].sort((a, b) => a - b)) {
    const start = dayStart(day).getTime();
    const end = dayStart(day + 1).getTime();
    if (start < cursor || end > to.getTime()) continue; // not a whole day inside what is left
    if (start > cursor) out.push({ from: new Date(cursor), to: new Date(start) });
    cursor = end;
  }
  if (cursor < to.getTime()) out.push({ from: new Date(cursor), to });
  return out;
}
