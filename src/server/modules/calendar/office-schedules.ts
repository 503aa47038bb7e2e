import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { officeSchedules } from './calendar.tables.ts';
import { parseClock, parseIsoDate } from './local-time.ts';

export interface OfficeScheduleInput {
  name: string;
  validFrom: string;
  validTo: string | null;
  periods: { start: string; end: string }[];
}

export type OfficeScheduleRow = typeof officeSchedules.$inferSelect;

/** The dates a schedule covers (to = null: open-ended), for recomputing obligations. */
export interface DateSpan {
  from: string;
  to: string | null;
}

function validate(input: OfficeScheduleInput): void {
  const from = parseIsoDate(input.validFrom);
  if (from === null) throw badRequest('BAD_DATE', '起始日期无效', 'validFrom is not a date', 'validFrom');
  if (input.validTo !== null) {
    const to = parseIsoDate(input.validTo);
    if (to === null) throw badRequest('BAD_DATE', '结束日期无效', 'validTo is not a date', 'validTo');
    if (to < from)
      throw badRequest('BAD_RANGE', '结束日期早于起始日期', 'validTo is before validFrom', 'validTo');
  }
  let previousEnd = -1;
  input.periods.forEach((period, i) => {
    const start = parseClock(period.start);
    const end = parseClock(period.end);
    if (start === null || end === null || end <= start || start < previousEnd) {
      throw badRequest(
        'BAD_PERIODS',
        '办公时段须为 HH:MM，按时间先后排列且互不重叠',
        'Office periods must be HH:MM, in order and not overlapping',
        `periods.${i}`,
      );
    }
    previousEnd = end;
  });
  if (input.periods.length === 0) {
    throw badRequest(
      'BAD_PERIODS',
      '至少需要一个办公时段',
      'At least one office period is needed',
      'periods',
    );
  }
}

/** Adds office hours for a date range (summer or winter hours). */
export async function addOfficeSchedule(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  input: OfficeScheduleInput;
}): Promise<OfficeScheduleRow> {
  requireAccess(options.caller, 'calendar.manage');
  validate(options.input);
  const now = options.clock.now();
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(officeSchedules)
      .values({ ...options.input, createdAt: now })
      .returning();
    if (!row) throw new Error('office schedule insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.caller),
      subject: { type: 'office_schedule', id: row.id },
      kind: 'calendar.office_hours_added',
      payload: { ...options.input },
    });
    return row;
  });
}

export async function removeOfficeSchedule(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  id: string;
}): Promise<DateSpan> {
  requireAccess(options.caller, 'calendar.manage');
  return options.db.transaction(async (tx) => {
    const [row] = await tx.delete(officeSchedules).where(eq(officeSchedules.id, options.id)).returning();
    if (!row) throw notFound('Office schedule', '办公时间');
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: eventActor(options.caller),
      subject: { type: 'office_schedule', id: row.id },
      kind: 'calendar.office_hours_removed',
      payload: { name: row.name, validFrom: row.validFrom, validTo: row.validTo, periods: row.periods },
    });
    return { from: row.validFrom, to: row.validTo };
  });
}
