import { sql } from 'drizzle-orm';
import { type Clock, ManualClock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';
import type { AuthSettings } from '../modules/auth/index.ts';
import {
  dayNumberOf,
  instantAt,
  isoDate,
  parseIsoDate,
  type WorkCalendar,
} from '../modules/calendar/index.ts';
import type { FileStore } from '../modules/files/index.ts';
import { scanObligations } from '../modules/obligations/index.ts';
import type { GridIndex } from '../modules/org/index.ts';
import { SCAN_MINUTES, scheduleCall, type World } from './demo-history-cases.ts';
import { castDemoHistory } from './demo-history-cast.ts';
import { DISTRICT_RULES, TOWNSHIP_RULES, townshipWeight } from './demo-history-data.ts';
import { type PublishTally, schedulePublications } from './demo-history-publish.ts';
import { Agenda, Deck, Random } from './demo-history-random.ts';
import { seedDemoRouting } from './demo-history-routing.ts';
import { demoSitePhoto } from './demo-photo.ts';

/**
 * Calls in 30 days in the demo city by default: most departments and townships reach the
 * demo's ranking minimum, and the history adds about 40 s to the first start on PGlite (each
 * call is about ten use-case steps; docs/CONFIG.md, DEMO_HISTORY).
 */
export const DEMO_HISTORY_CASES = 150;
/** A window longer than this many days (late in a month) replays this many days' calls, spread thinner. */
const MAX_DAYS_OF_CALLS = 40;
/** Days of history before the previous month starts, so its first days see cases already running. */
const LEAD_IN_DAYS = 3;
const MINUTE = 60_000;

export interface SeedDemoHistoryOptions {
  db: Db;
  /** The history ends at this clock's now. */
  clock: Clock;
  calendar: WorkCalendar;
  /** The grid index of the seeded city (calls are placed in grids, G3). */
  grids: GridIndex;
  /** Where the arrival photos go (C9). */
  files: FileStore;
  settings: AuthSettings;
  /** OBLIGATION_WARN_RATIO. */
  warnRatio: number;
  /** PHOTO_MAX_BYTES. */
  photoMaxBytes: number;
  /** Days before today the history starts; by default 3 days before the first of the previous month. */
  days?: number | undefined;
  /**
   * Calls in 30 days, DEMO_HISTORY_CASES by default. The history runs at this daily rate,
   * except that a window of more than 40 days gets 40 days' calls in all (spread evenly).
   */
  cases?: number | undefined;
  /** Seed of the pseudo-random choices: the same seed, city and end give the same history. */
  seed?: number | undefined;
  /** Progress lines (about once a simulated week) and the summary. */
  log?: ((line: string) => void) | undefined;
}

export interface DemoHistoryReport {
  from: Date;
  to: Date;
  /** Calls raised. */
  calls: number;
  /** Cases by state at the end. */
  states: Record<string, number>;
  accounts: number;
  rules: number;
  rankings: number;
  alerts: number;
  /** Steps the use cases refused (none expected): `<case> <step>: <message>`. */
  failures: string[];
  seconds: number;
}

/** Where a history ending at `now` starts: `days` before today, else 3 days before the previous month. */
export function demoHistoryStart(now: Date, days?: number): Date {
  const today = dayNumberOf(now);
  if (days !== undefined) return instantAt(today - days, 0);
  const [year, month] = isoDate(today).split('-').map(Number) as [number, number];
  const first = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  return instantAt((parseIsoDate(first) as number) - LEAD_IN_DAYS, 0);
}

/**
 * A month of the demo city's life, replayed through the real use cases on a simulated
 * clock that walks from the start to now: grid calls approved up the chain (C4), triage,
 * merges and refusals (C7), dispatches that follow the responsibility catalogue (R1) with
 * cooperating units, escalations (C15, C16), signing, arrival, progress, extensions and
 * returns, finishes, ratings and second handling (C8–C12), the obligation scanner run as
 * time passes (breaches), and the rankings published at their level's cadence with their
 * alert lists (A1–A3). Units differ in quality, so rankings have a top and a bottom. The
 * last days' cases are left where they are. Expects the freshly seeded demo city (seeded
 * at `demoHistoryStart`, so nothing happens before the city exists).
 */
export async function seedDemoHistory(options: SeedDemoHistoryOptions): Promise<DemoHistoryReport> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) / 100) / 10;
  const { db, log } = options;
  const to = options.clock.now();
  const from = demoHistoryStart(to, options.days);
  const clock = new ManualClock(from);
  const random = new Random(options.seed ?? 2026);
  log?.(
    `演示历史 / demo history: ${isoDate(dayNumberOf(from))} → ${isoDate(dayNumberOf(to))}, staff and routing…`,
  );
  const cast = await castDemoHistory({ db, clock, settings: options.settings, random });
  const rules = await seedDemoRouting({ db, clock, cast });
  const w: World = {
    db,
    clock,
    calendar: options.calendar,
    grids: options.grids,
    files: options.files,
    warnRatio: options.warnRatio,
    photoMaxBytes: options.photoMaxBytes,
    photo: demoSitePhoto(),
    random,
    agenda: new Agenda(),
    cast,
    cases: [],
  };
  const tally: PublishTally = { rankings: 0, alerts: 0 };
  schedulePublications(w, from, to, tally);
  const calls = planCalls(w, from, to, options.cases ?? DEMO_HISTORY_CASES);

  const failures: string[] = [];
  let lastScan = Number.NEGATIVE_INFINITY;
  let loggedDay = dayNumberOf(from);
  for (let next = w.agenda.pop(); next && next.at <= to.getTime(); next = w.agenda.pop()) {
    clock.set(new Date(next.at));
    // The scanner runs as time passes: a duty done late is breached first (C8–C11).
    if (next.at - lastScan >= SCAN_MINUTES * MINUTE) {
      await scanObligations({ db, clock });
      lastScan = next.at;
    }
    try {
      await next.item.run();
    } catch (error) {
      failures.push(`${next.item.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const day = dayNumberOf(clock.now());
    if (day >= loggedDay + 7) {
      loggedDay = day;
      log?.(`演示历史 / demo history: ${isoDate(day)} · ${w.cases.length} calls · ${elapsed()} s`);
    }
  }
  clock.set(to);
  await scanObligations({ db, clock });

  const counted = (await db.execute(
    sql`SELECT state, count(*)::int AS n FROM cases GROUP BY state ORDER BY state`,
  )) as unknown as { rows: { state: string; n: number }[] };
  const report: DemoHistoryReport = {
    from,
    to,
    calls: w.cases.length,
    states: Object.fromEntries(counted.rows.map((r) => [r.state, Number(r.n)])),
    accounts: cast.created,
    rules,
    rankings: tally.rankings,
    alerts: tally.alerts,
    failures,
    seconds: elapsed(),
  };
  log?.(
    `演示历史 / demo history: ${report.calls} calls (${calls} planned), ${report.rankings} rankings, ` +
      `${report.alerts} alerts, ${report.accounts} staff accounts in ${report.seconds} s` +
      (failures.length ? `; ${failures.length} steps refused, first: ${failures[0]}` : ''),
  );
  return report;
}

const TOWNSHIP_CATEGORIES = [...new Set(TOWNSHIP_RULES.map(([category]) => category))];
const DISTRICT_LEADS = [...new Set(DISTRICT_RULES.map(([, lead]) => lead))];

/**
 * Puts the calls on the agenda: per day about `perMonth / 30` (a rest day a third of a
 * workday; thinner in a window longer than 40 days), mostly in office hours, in a township by its weight and one of its calling
 * grids. About half are the township's own matters (its agencies lead); the others are
 * dealt evenly over the reporting units, so every department sees its share. Returns
 * how many were planned.
 */
function planCalls(w: World, from: Date, to: Date, perMonth: number): number {
  const { random, calendar } = w;
  const townships = new Deck(
    random,
    w.cast.townships.filter((t) => t.grids.length > 0).map((t) => [t, townshipWeight(t.index)] as const),
  );
  const leads = new Deck(
    random,
    DISTRICT_LEADS.map((lead) => [lead, 1] as const),
  );
  // A month has about 22 workdays and 8 rest days: mean day weight ≈ 0.82.
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  const perWorkday = ((perMonth / 30) * Math.min(1, MAX_DAYS_OF_CALLS / days)) / 0.82;
  let planned = 0;
  for (let day = dayNumberOf(from); day <= dayNumberOf(to); day++) {
    const workday = calendar.isWorkday(day);
    const count = Math.floor(perWorkday * (workday ? 1 : 0.35) + random.next());
    for (let k = 0; k < count; k++) {
      const [start, end] = workday
        ? random.weighted([
            [[480, 720], 0.6],
            [[810, 1080], 0.35],
            [[1080, 1260], 0.05],
          ] as const)
        : ([540, 1020] as const);
      const at = instantAt(day, Math.floor(random.between(start, end)));
      const grid = random.pick(townships.deal().grids);
      const lead = random.chance(0.5) ? null : leads.deal();
      const category = lead
        ? random.pick(DISTRICT_RULES.filter(([, l]) => l === lead))[0]
        : random.pick(TOWNSHIP_CATEGORIES);
      if (at < from || at >= to) continue;
      scheduleCall(w, at, grid, category);
      planned += 1;
    }
  }
  return planned;
}
