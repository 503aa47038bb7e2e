import ICAL from 'ical.js';
import { badRequest } from '../../core/errors.ts';
import { type CalendarArrangement, calendarArrangement } from './calendar-arrangement.ts';
import { isoDate, parseIsoDate, partsOf } from './local-time.ts';

/**
 * Reads an uploaded calendar: our JSON arrangement format (one year or a list), or an
 * iCalendar file of all-day events whose summary marks rest (休/假) or make-up work
 * (班), as published holiday calendars do: `春节(休)` from 2026-02-15 to 2026-02-24
 * (DTEND exclusive), `春节(班)` on 2026-02-14.
 */
export function parseCalendarFile(format: 'json' | 'ics', content: string): CalendarArrangement[] {
  return format === 'json' ? parseJson(content) : parseIcs(content);
}

function parseJson(content: string): CalendarArrangement[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw badRequest('BAD_FILE', '文件不是有效的 JSON', 'The file is not valid JSON', 'content');
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => {
    const parsed = calendarArrangement.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [...(Array.isArray(data) ? [i] : []), ...(issue?.path ?? [])].join('.');
      throw badRequest(
        'BAD_FILE',
        `日历文件格式有误：${path}`,
        `Calendar file invalid at ${path}: ${issue?.message}`,
        'content',
      );
    }
    return parsed.data;
  });
}

const WORK_MARK = /[（(]?\s*(补班|上班|班)\s*[)）]?$/;
const REST_MARK = /[（(]?\s*(休息|放假|休|假)\s*[)）]?$/;

function parseIcs(content: string): CalendarArrangement[] {
  let component: ICAL.Component;
  try {
    component = new ICAL.Component(ICAL.parse(content));
  } catch {
    throw badRequest('BAD_FILE', '文件不是有效的 iCalendar', 'The file is not valid iCalendar', 'content');
  }
  const byName = new Map<string, { off: number[]; work: number[] }>();
  for (const vevent of component.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const summary = (event.summary ?? '').trim();
    const isWork = WORK_MARK.test(summary);
    const isRest = !isWork && REST_MARK.test(summary);
    if (!isWork && !isRest) continue; // other entries (solar terms, notes) are not calendar days
    const name = summary.replace(isWork ? WORK_MARK : REST_MARK, '').trim() || '节假日';
    const start = parseIsoDate(event.startDate?.toString().slice(0, 10) ?? '');
    if (start === null) continue;
    const endExclusive = event.endDate ? parseIsoDate(event.endDate.toString().slice(0, 10)) : null;
    const end = endExclusive !== null && endExclusive > start ? endExclusive - 1 : start;
    const entry = byName.get(name) ?? { off: [], work: [] };
    byName.set(name, entry);
    for (let day = start; day <= end; day++) (isWork ? entry.work : entry.off).push(day);
  }
  if (byName.size === 0) {
    throw badRequest(
      'BAD_FILE',
      '文件中没有节假日（休）或补班（班）条目',
      'The file has no rest (休) or make-up (班) days',
      'content',
    );
  }
  // Each run of rest days is one holiday entry in the year it starts; a make-up day
  // belongs to the nearest run of its holiday (it may fall in the neighbouring year).
  const years = new Map<number, CalendarArrangement['holidays']>();
  for (const [name, entry] of byName) {
    const runs = contiguousRuns([...new Set(entry.off)].sort((a, b) => a - b));
    if (runs.length === 0) {
      throw badRequest(
        'BAD_FILE',
        `“${name}”只有补班日而没有休息日`,
        `"${name}" has make-up days but no rest days`,
        'content',
      );
    }
    const work = runs.map(() => [] as string[]);
    for (const day of [...new Set(entry.work)].sort((a, b) => a - b)) {
      const distances = runs.map(([from, to]) => (day < from ? from - day : day - to));
      work[distances.indexOf(Math.min(...distances))]?.push(isoDate(day));
    }
    runs.forEach(([from, to], i) => {
      const year = partsOf(from).year;
      const list = years.get(year) ?? [];
      years.set(year, list);
      list.push({ name, off: [isoDate(from), isoDate(to)], work: work[i] ?? [] });
    });
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, holidays]) => ({
      year,
      source: 'iCalendar',
      holidays: holidays.sort((a, b) => a.off[0].localeCompare(b.off[0])),
    }));
}

function contiguousRuns(days: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}
