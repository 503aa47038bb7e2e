import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { dayNumberOf, instantAt, type WorkCalendar } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { dueTimes } from './due-time.ts';
import { activeObligationsAround } from './obligations.repository.ts';
import { obligations } from './obligations.tables.ts';

export interface RecomputeObligationsOptions {
  /** The transaction that changed the calendar. */
  db: Db;
  clock: Clock;
  /** The calendar as it is after the change. */
  calendar: WorkCalendar;
  /** Changed days (day numbers), or a span of days (office hours changed); `to` null = open-ended. */
  changed: { days: number[] } | { from: number; to: number | null };
  /** Why, for the events: 'calendar.days_changed', 'calendar.office_hours_added'… */
  reason: string;
}

/**
 * After a calendar change, recomputes the running and paused obligations whose
 * window (start day to due day) touches a changed day; each one that moves gets an
 * `obligation.recomputed` event with the old and new times.
 */
export async function recomputeObligations(options: RecomputeObligationsOptions): Promise<number> {
  const { db, calendar, changed } = options;
  const touches =
    'days' in changed
      ? (first: number, last: number) => changed.days.some((d) => d >= first && d <= last)
      : (first: number, last: number) => last >= changed.from && (changed.to === null || first <= changed.to);
  const fromDay = 'days' in changed ? Math.min(...changed.days) : changed.from;
  const toDay = 'days' in changed ? Math.max(...changed.days) : changed.to;
  if (!Number.isFinite(fromDay)) return 0;
  const candidates = await activeObligationsAround(
    db,
    instantAt(fromDay, 0),
    toDay === null ? null : instantAt(toDay + 1, 0),
  );
  const now = options.clock.now();
  let moved = 0;
  for (const row of candidates) {
    if (!touches(dayNumberOf(row.startedAt), dayNumberOf(row.dueAt))) continue;
    const times = dueTimes(calendar, row);
    if (times.dueAt.getTime() === row.dueAt.getTime() && times.warnAt.getTime() === row.warnAt.getTime())
      continue;
    await db
      .update(obligations)
      .set({ ...times, version: row.version + 1 })
      .where(eq(obligations.id, row.id));
    await appendEvent({
      db,
      at: now,
      actor: null,
      subject: { type: 'obligation', id: row.id },
      kind: 'obligation.recomputed',
      payload: {
        reason: options.reason,
        ruleId: row.ruleId,
        before: { dueAt: row.dueAt.toISOString(), warnAt: row.warnAt.toISOString() },
        after: { dueAt: times.dueAt.toISOString(), warnAt: times.warnAt.toISOString() },
      },
    });
    moved++;
  }
  return moved;
}
