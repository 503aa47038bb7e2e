import { z } from 'zod';
import { badRequest } from '../../core/errors.ts';
import { isoDate, parseIsoDate, partsOf } from './local-time.ts';

/**
 * A year's holiday arrangement as published, and the JSON import format:
 * `{"year": 2027, "source": "…", "holidays": [{"name": "春节", "off": ["2027-02-06", "2027-02-13"], "work": ["2027-02-14"]}]}`.
 */
export const calendarArrangement = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(1).max(200),
  holidays: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(50),
        off: z.tuple([z.string(), z.string()]),
        work: z.array(z.string()).max(10),
      }),
    )
    .min(1)
    .max(30),
});
export type CalendarArrangement = z.infer<typeof calendarArrangement>;

export interface DayChange {
  date: string;
  workday: boolean;
  holiday: string | null;
  makeup: boolean;
}

/** The days an arrangement sets, checked: real dates, inside its year, no day twice. */
export function daysOfArrangement(arrangement: CalendarArrangement): DayChange[] {
  const days = new Map<string, DayChange>();
  const dayOf = (text: string, field: string) => {
    const day = parseIsoDate(text);
    if (day === null)
      throw badRequest('BAD_DATE', `日期“${text}”无效`, `"${text}" is not a date (YYYY-MM-DD)`, field);
    return day;
  };
  const add = (change: DayChange, field: string) => {
    if (days.has(change.date)) {
      throw badRequest(
        'DUPLICATE_DATE',
        `日期 ${change.date} 重复出现`,
        `${change.date} appears twice`,
        field,
      );
    }
    days.set(change.date, change);
  };
  arrangement.holidays.forEach((holiday, i) => {
    const from = dayOf(holiday.off[0], `holidays.${i}.off`);
    const to = dayOf(holiday.off[1], `holidays.${i}.off`);
    if (to < from || to - from > 30) {
      throw badRequest('BAD_RANGE', '休假起止日期无效', 'The rest-day range is invalid', `holidays.${i}.off`);
    }
    // A holiday starts in its year; its last days and make-up days may reach into the next or previous one.
    if (partsOf(from).year !== arrangement.year) {
      const text = holiday.off[0];
      throw badRequest(
        'BAD_DATE',
        `日期 ${text} 不在 ${arrangement.year} 年`,
        `${text} is not in ${arrangement.year}`,
        `holidays.${i}.off`,
      );
    }
    for (let day = from; day <= to; day++) {
      add({ date: isoDate(day), workday: false, holiday: holiday.name, makeup: false }, `holidays.${i}.off`);
    }
    holiday.work.forEach((text, j) => {
      const day = dayOf(text, `holidays.${i}.work`);
      add(
        { date: isoDate(day), workday: true, holiday: holiday.name, makeup: true },
        `holidays.${i}.work.${j}`,
      );
    });
  });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
