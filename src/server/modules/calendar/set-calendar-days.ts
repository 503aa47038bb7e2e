import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { calendarDays, exceptionsOn, isDefaultDay } from './calendar.repository.ts';
import type { DayChange } from './calendar-arrangement.ts';
import { parseIsoDate } from './local-time.ts';

export interface SetCalendarDaysOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** The days as they should be; a day equal to its weekday/weekend default loses its row. */
  days: DayChange[];
  /** Why (shown in the audit trail): "2027 arrangement", "typhoon day off"… */
  reason: string;
}

/**
 * Marks days as workdays or rest days. Returns the days that really changed, so the
 * caller can recompute the obligations whose window touches them.
 */
export async function setCalendarDays(options: SetCalendarDaysOptions): Promise<DayChange[]> {
  const { db, caller } = options;
  requireAccess(caller, 'calendar.manage');
  options.days.forEach((change, i) => {
    if (parseIsoDate(change.date) === null) {
      throw badRequest(
        'BAD_DATE',
        `日期“${change.date}”无效`,
        `"${change.date}" is not a date`,
        `days.${i}.date`,
      );
    }
    if (change.makeup && !change.workday) {
      throw badRequest(
        'BAD_DAY',
        '调休补班日必须是工作日',
        'A make-up day must be a workday',
        `days.${i}.makeup`,
      );
    }
  });
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    const before = new Map(
      (
        await exceptionsOn(
          tx,
          options.days.map((d) => d.date),
        )
      ).map((row) => [row.day, row]),
    );
    const changed = options.days.filter((change) => {
      const row = before.get(change.date);
      if (!row) return !isDefaultDay(change);
      return row.workday !== change.workday || row.holiday !== change.holiday || row.makeup !== change.makeup;
    });
    if (changed.length === 0) return [];
    const toDelete = changed.filter(isDefaultDay).map((c) => c.date);
    if (toDelete.length) await tx.delete(calendarDays).where(inArray(calendarDays.day, toDelete));
    for (const change of changed.filter((c) => !isDefaultDay(c))) {
      const values = {
        workday: change.workday,
        holiday: change.holiday,
        makeup: change.makeup,
        updatedAt: now,
      };
      const [existing] = await tx.select().from(calendarDays).where(eq(calendarDays.day, change.date));
      if (existing) await tx.update(calendarDays).set(values).where(eq(calendarDays.day, change.date));
      else await tx.insert(calendarDays).values({ day: change.date, ...values });
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'calendar', id: changed[0]?.date.slice(0, 4) ?? 'calendar' },
      kind: 'calendar.days_changed',
      payload: {
        reason: options.reason,
        days: changed.map((c) => {
          const row = before.get(c.date);
          return {
            ...c,
            before: row ? { workday: row.workday, holiday: row.holiday, makeup: row.makeup } : null,
          };
        }),
      },
    });
    return changed;
  });
}
