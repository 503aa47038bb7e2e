import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { Caller } from '../auth/index.ts';
import {
  addOfficeSchedule,
  type CalendarArrangement,
  type CalendarStore,
  type DayChange,
  loadArrangement,
  loadWorkCalendar,
  type OfficeScheduleInput,
  parseCalendarFile,
  parseIsoDate,
  removeOfficeSchedule,
  setCalendarDays,
} from '../calendar/index.ts';
import { recomputeObligations } from './recompute-obligations.ts';

export type CalendarChange =
  | { kind: 'days'; days: DayChange[]; reason: string }
  | { kind: 'arrangements'; arrangements: CalendarArrangement[] }
  | { kind: 'file'; format: 'json' | 'ics'; content: string }
  | { kind: 'addOfficeHours'; input: OfficeScheduleInput }
  | { kind: 'removeOfficeHours'; id: string };

export interface ApplyCalendarChangeOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** The process's calendar, reloaded once the change is committed. */
  store: CalendarStore;
  change: CalendarChange;
}

/**
 * Changes the calendar and, in the same transaction, recomputes every running
 * obligation whose window the change touches — so no deadline is ever computed on a
 * calendar that no longer holds.
 */
export async function applyCalendarChange(
  options: ApplyCalendarChangeOptions,
): Promise<{ changedDays: DayChange[]; recomputed: number; years: number[] }> {
  const { clock, caller, change } = options;
  const result = await options.db.transaction(async (tx) => {
    const base = { db: tx, clock, caller };
    let changedDays: DayChange[] = [];
    let span: { from: number; to: number | null } | null = null;
    let years: number[] = [];
    let reason: string = `calendar.${change.kind}`;
    switch (change.kind) {
      case 'days':
        changedDays = await setCalendarDays({ ...base, days: change.days, reason: change.reason });
        break;
      case 'arrangements':
      case 'file': {
        const arrangements =
          change.kind === 'file' ? parseCalendarFile(change.format, change.content) : change.arrangements;
        for (const arrangement of arrangements)
          changedDays.push(...(await loadArrangement({ ...base, arrangement })));
        years = arrangements.map((a) => a.year);
        break;
      }
      case 'addOfficeHours': {
        await addOfficeSchedule({ ...base, input: change.input });
        span = {
          from: parseIsoDate(change.input.validFrom) ?? 0,
          to: change.input.validTo ? parseIsoDate(change.input.validTo) : null,
        };
        reason = 'calendar.office_hours_added';
        break;
      }
      case 'removeOfficeHours': {
        const removed = await removeOfficeSchedule({ ...base, id: change.id });
        span = { from: parseIsoDate(removed.from) ?? 0, to: removed.to ? parseIsoDate(removed.to) : null };
        reason = 'calendar.office_hours_removed';
        break;
      }
    }
    const calendar = await loadWorkCalendar(tx);
    const days = changedDays.map((d) => parseIsoDate(d.date) ?? 0);
    const changed = span ?? (days.length > 0 ? { days } : null);
    const recomputed = changed ? await recomputeObligations({ db: tx, clock, calendar, changed, reason }) : 0;
    return { changedDays, recomputed, years };
  });
  await options.store.reload(options.db);
  return result;
}
