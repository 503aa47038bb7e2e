import { dayOfDate, partsOf } from './local-time.ts';

/** A day that differs from the weekday/weekend default: a holiday or a make-up workday (调休). */
export interface DayException {
  day: number;
  workday: boolean;
  /** Holiday name (国庆节…) on rest days and on the make-up workdays that belong to it. */
  holiday: string | null;
  /** A weekend day worked in exchange for a holiday. */
  makeup: boolean;
}

/** An office period in minutes of the local day, [start, end). */
export interface Period {
  start: number;
  end: number;
}

/** Office hours valid from one day to another (inclusive; `to` null = open-ended). */
export interface OfficeSchedule {
  from: number;
  to: number | null;
  periods: Period[];
}

/** 09:00–12:00 and 13:30–17:30, the default office hours. */
export const DEFAULT_PERIODS: Period[] = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

export interface DayInfo {
  day: number;
  workday: boolean;
  holiday: string | null;
  makeup: boolean;
}

/** Years around the data for which the fast index is built; outside it the calendar walks. */
const INDEX_MARGIN_YEARS = 10;

/**
 * The work calendar as pure data: which days are workdays and when offices are open.
 * Weekends are rest days and weekdays workdays unless an exception says otherwise.
 * Built once from the database and replaced when the calendar changes; every lookup
 * is then arithmetic on typed arrays (the N-th workday after a day is one index).
 */
export class WorkCalendar {
  private readonly exceptions: Map<number, DayException>;
  private readonly schedules: OfficeSchedule[];
  private readonly base: number;
  private readonly work: Uint8Array;
  /** ordinal[i] = workdays in [base, base + i], inclusive. */
  private readonly ordinal: Int32Array;
  private readonly workdays: Int32Array;

  constructor(exceptions: Iterable<DayException>, schedules: OfficeSchedule[] = []) {
    this.exceptions = new Map([...exceptions].map((e) => [e.day, e]));
    // Later `from` wins where ranges overlap: a summer schedule inside an open-ended one.
    this.schedules = [...schedules].sort((a, b) => b.from - a.from);
    const years = [...this.exceptions.keys()].map((d) => partsOf(d).year);
    // The index spans the data plus a margin (and 2020–2030 even without data); the
    // constructor reads no clock.
    const minYear = Math.min(2020, ...years) - INDEX_MARGIN_YEARS;
    const maxYear = Math.max(2030, ...years) + INDEX_MARGIN_YEARS;
    this.base = dayOfDate(minYear, 1, 1);
    const length = dayOfDate(maxYear, 12, 31) - this.base + 1;
    this.work = new Uint8Array(length);
    this.ordinal = new Int32Array(length);
    const list: number[] = [];
    let count = 0;
    for (let i = 0; i < length; i++) {
      const day = this.base + i;
      if (this.computeWorkday(day)) {
        this.work[i] = 1;
        count++;
        list.push(day);
      }
      this.ordinal[i] = count;
    }
    this.workdays = Int32Array.from(list);
  }

  private computeWorkday(day: number): boolean {
    const exception = this.exceptions.get(day);
    if (exception) return exception.workday;
    // 1970-01-01 (day 0) was a Thursday.
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  private inIndex(day: number): boolean {
    return day >= this.base && day < this.base + this.work.length;
  }

  isWorkday(day: number): boolean {
    return this.inIndex(day) ? this.work[day - this.base] === 1 : this.computeWorkday(day);
  }

  info(day: number): DayInfo {
    const exception = this.exceptions.get(day);
    return {
      day,
      workday: this.isWorkday(day),
      holiday: exception?.holiday ?? null,
      makeup: exception?.makeup ?? false,
    };
  }

  /** Office periods of a day; empty on rest days. */
  periods(day: number): Period[] {
    if (!this.isWorkday(day)) return [];
    return (
      this.schedules.find((s) => s.from <= day && (s.to === null || day <= s.to))?.periods ?? DEFAULT_PERIODS
    );
  }

  /** Office close of a day (end of its last period), also on rest days (moved deadlines land on workdays). */
  closeMinute(day: number): number {
    const schedule = this.schedules.find((s) => s.from <= day && (s.to === null || day <= s.to));
    const periods = schedule?.periods ?? DEFAULT_PERIODS;
    return periods[periods.length - 1]?.end ?? 17 * 60 + 30;
  }

  /** The n-th workday after `day` (n ≥ 1; `day` itself is not counted, Civil Code art. 201). */
  nthWorkdayAfter(day: number, n: number): number {
    if (n < 1) throw new RangeError('n must be at least 1');
    if (this.inIndex(day)) {
      const index = (this.ordinal[day - this.base] ?? 0) + n - 1;
      const found = this.workdays[index];
      if (found !== undefined) return found;
    }
    let current = day;
    let left = n;
    while (left > 0) {
      current += 1;
      if (this.isWorkday(current)) left -= 1;
    }
    return current;
  }

  /** `day` when it is a workday, else the next workday (Civil Code art. 203). */
  workdayOnOrAfter(day: number): number {
    return this.isWorkday(day) ? day : this.nthWorkdayAfter(day, 1);
  }

  /** Workdays in [from, to], both included; 0 when to < from. */
  countWorkdays(from: number, to: number): number {
    if (to < from) return 0;
    if (this.inIndex(from) && this.inIndex(to)) {
      return (
        (this.ordinal[to - this.base] ?? 0) -
        (this.ordinal[from - this.base] ?? 0) +
        (this.work[from - this.base] ?? 0)
      );
    }
    let count = 0;
    for (let day = from; day <= to; day++) if (this.isWorkday(day)) count++;
    return count;
  }
}
