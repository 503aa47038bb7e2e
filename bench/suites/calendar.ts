/**
 * Issue 3 (a): `Nwd` deadline computations per second against the chinese-days
 * package's findWorkday doing the same work, with identical answers on 100 000
 * random starts. Target: at least 10× faster.
 */
import chineseDays from 'chinese-days';
import { calendarFromArrangements } from '../../src/server/modules/calendar/calendar-from-arrangements.ts';
import { computeDue } from '../../src/server/modules/calendar/compute-due.ts';
import { parseDeadlineRule } from '../../src/server/modules/calendar/deadline-rule.ts';
import { dayNumberOf, isoDate } from '../../src/server/modules/calendar/local-time.ts';
import { OFFICIAL_ARRANGEMENTS } from '../../src/server/modules/calendar/official/arrangements.ts';
import { type Measurement, median, type Suite } from '../harness.ts';

// chinese-days is CommonJS: its functions hang off the default export under Node's ESM.
const { findWorkday } = chineseDays;
const STARTS = 100_000;

/** A small deterministic generator, so every run measures the same starts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function run(): Promise<Measurement[]> {
  const calendar = calendarFromArrangements(OFFICIAL_ARRANGEMENTS);
  const next = random(20261122);
  const from = new Date('2025-01-01T00:00:00+08:00').getTime();
  const span = new Date('2026-11-30T00:00:00+08:00').getTime() - from;
  const starts = Array.from({ length: STARTS }, () => new Date(from + Math.floor(next() * span)));
  const ns = starts.map(() => 1 + Math.floor(next() * 20));
  const rules = ns.map((n) => parseDeadlineRule(`${n}wd`));
  // chinese-days works on date strings: give it the start date as it expects.
  const startDates = starts.map((s) => isoDate(dayNumberOf(s)));

  const ours = new Array<string>(STARTS);
  const theirs = new Array<string>(STARTS);
  for (let i = 0; i < STARTS; i++) {
    ours[i] = isoDate(dayNumberOf(computeDue(calendar, starts[i] as Date, rules[i] as never)));
    theirs[i] = findWorkday(ns[i] as number, startDates[i] as string);
  }
  const mismatches = ours.reduce((n, day, i) => (day === theirs[i] ? n : n + 1), 0);
  if (mismatches > 0) {
    const i = ours.findIndex((day, k) => day !== theirs[k]);
    throw new Error(
      `answers differ on ${mismatches} starts, first: ${startDates[i]} +${ns[i]}wd → ${ours[i]} vs ${theirs[i]}`,
    );
  }

  const rounds = 5;
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    for (let i = 0; i < STARTS; i++)
      sink += computeDue(calendar, starts[i] as Date, rules[i] as never).getTime() & 1;
    oursMs.push(performance.now() - t);
    t = performance.now();
    for (let i = 0; i < STARTS; i++) sink += findWorkday(ns[i] as number, startDates[i] as string).length & 1;
    theirsMs.push(performance.now() - t);
  }
  const oursRate = Math.round((STARTS / median(oursMs)) * 1000);
  const theirsRate = Math.round((STARTS / median(theirsMs)) * 1000);
  const ratio = Math.round((oursRate / theirsRate) * 10) / 10;
  return [
    {
      name: 'calendar.nwd.luoshi',
      unit: 'computations/s',
      value: oursRate,
      detail: { starts: STARTS, rounds, medianMs: Math.round(median(oursMs)), identicalAnswers: true, sink },
    },
    {
      name: 'calendar.nwd.chinese-days',
      unit: 'computations/s',
      value: theirsRate,
      detail: { medianMs: Math.round(median(theirsMs)) },
    },
    {
      name: 'calendar.nwd.speedup',
      unit: '×',
      value: ratio,
      target: { value: 10, unit: '×', comparison: '≥', met: ratio >= 10 },
      detail: { mismatches },
    },
  ];
}

export const calendar: Suite = { name: 'calendar', run };
