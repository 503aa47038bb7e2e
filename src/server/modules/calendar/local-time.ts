/**
 * China Standard Time arithmetic on plain numbers. A "day number" counts local
 * (Asia/Shanghai) calendar days since 1970-01-01; a "minute of day" counts from local
 * midnight. China has had no daylight saving since 1991, so UTC+8 is exact.
 */
export const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export function dayNumberOf(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

export function minuteOfDay(instant: Date): number {
  const local = (instant.getTime() + OFFSET_MS) % DAY_MS;
  return Math.floor((local < 0 ? local + DAY_MS : local) / 60_000);
}

/** The instant at local `minute` (may be 1440 = next midnight) of day `day`. */
export function instantAt(day: number, minute: number): Date {
  return new Date(day * DAY_MS + minute * 60_000 - OFFSET_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of 'YYYY-MM-DD', or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return null;
  return ms / DAY_MS;
}

export function dayOfDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Year, month (1–12), day of month and weekday (0 = Sunday) of a day number. */
export function partsOf(day: number): { year: number; month: number; date: number; weekday: number } {
  const d = new Date(day * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'HH:MM' → minutes, or null. */
export function parseClock(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
