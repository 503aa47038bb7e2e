import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { calendarYears, exceptionsBetween } from './calendar.repository.ts';
import { type CalendarArrangement, type DayChange, daysOfArrangement } from './calendar-arrangement.ts';
import { setCalendarDays } from './set-calendar-days.ts';

export interface LoadArrangementOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  arrangement: CalendarArrangement;
}

/**
 * Loads (or replaces) a year's holiday arrangement: its rest and make-up days are set,
 * and days of that year that the previous arrangement had marked but this one does
 * not go back to the weekday/weekend default. Returns the days that changed.
 */
export async function loadArrangement(options: LoadArrangementOptions): Promise<DayChange[]> {
  const { db, caller, arrangement } = options;
  requireAccess(caller, 'calendar.manage');
  const days = daysOfArrangement(arrangement);
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const listed = new Set(days.map((d) => d.date));
    const previous = await exceptionsBetween(tx, `${arrangement.year}-01-01`, `${arrangement.year}-12-31`);
    const resets: DayChange[] = previous
      .filter((row) => !listed.has(row.day))
      .map((row) => ({ date: row.day, ...defaultOf(row.day) }));
    const changed = await setCalendarDays({
      db: tx,
      clock: options.clock,
      caller,
      days: [...days, ...resets],
      reason: `${arrangement.year} ${arrangement.source}`,
    });
    const [existing] = await tx.select().from(calendarYears).where(eq(calendarYears.year, arrangement.year));
    if (existing) {
      await tx
        .update(calendarYears)
        .set({ source: arrangement.source, loadedAt: now })
        .where(eq(calendarYears.year, arrangement.year));
    } else {
      await tx
        .insert(calendarYears)
        .values({ year: arrangement.year, source: arrangement.source, loadedAt: now });
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'calendar', id: String(arrangement.year) },
      kind: existing ? 'calendar.year_replaced' : 'calendar.year_loaded',
      payload: {
        year: arrangement.year,
        source: arrangement.source,
        holidays: arrangement.holidays,
        changedDays: changed.length,
      },
    });
    return changed;
  });
}

function defaultOf(date: string): { workday: boolean; holiday: null; makeup: false } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { workday: weekday !== 0 && weekday !== 6, holiday: null, makeup: false };
}
