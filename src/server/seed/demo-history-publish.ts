import { deriveRankingAlerts, publishRanking, putSettings } from '../modules/assessment/index.ts';
import {
  dayNumberOf,
  instantAt,
  isoDate,
  parseIsoDate,
  type WorkCalendar,
} from '../modules/calendar/index.ts';
import { scanObligations } from '../modules/obligations/index.ts';
import type { World } from './demo-history-cases.ts';

/** Townships that publish weekly rankings of their stationed agencies in the demo: the first two. */
const WEEKLY_TOWNSHIPS = 2;
/**
 * A2: the demo's minimum of dispatches for a unit to be ranked — a month at the district,
 * a week at a street. The default (10) suits a real city's thousands of calls a month;
 * the demo month has a few hundred, so the demo sets these (as 考核设置, with its event)
 * and an operator can put them back.
 */
export const DEMO_MINIMUM_CASES = { month: 3, week: 2 };

export interface PublishTally {
  rankings: number;
  alerts: number;
}

/**
 * A1–A3 at the level's cadence (A2): the district publishes the previous calendar month's
 * monthly rankings of departments and townships on the month's second workday; the busy
 * streets publish each complete week's ranking of their agencies on the Monday after.
 * Each publication derives its commendation and warning lists (A3). A publication due
 * after the history's end happens at its end. Everything goes on the agenda, in time order.
 */
export function schedulePublications(w: World, from: Date, to: Date, tally: PublishTally): void {
  const { cast, calendar } = w;
  const firstDay = dayNumberOf(from);
  const lastDay = dayNumberOf(to);
  const at = (day: number) =>
    new Date(Math.max(from.getTime(), Math.min(instantAt(day, 10 * 60).getTime(), to.getTime())));
  const publish = async (
    areaUnitId: string,
    subject: 'department' | 'township' | 'agency',
    period: 'week' | 'month',
    date: string,
  ) => {
    // Breaches up to the minute, so the frozen points are complete (A2).
    await scanObligations({ db: w.db, clock: w.clock });
    const ranking = await publishRanking({
      db: w.db,
      clock: w.clock,
      caller: cast.assessor,
      areaUnitId,
      subject,
      period,
      date,
    });
    tally.rankings += 1;
    const alerts = await deriveRankingAlerts({
      db: w.db,
      clock: w.clock,
      caller: cast.assessor,
      id: ranking.id,
    });
    tally.alerts += alerts.length;
  };

  const weekly = cast.townships.slice(0, WEEKLY_TOWNSHIPS);
  w.agenda.push(from, {
    label: 'ranking settings',
    run: async () => {
      const areas = [
        [cast.district, DEMO_MINIMUM_CASES.month],
        ...weekly.map((t) => [t.unit, DEMO_MINIMUM_CASES.week] as const),
      ] as const;
      for (const [area, minimumCases] of areas) {
        await putSettings({
          db: w.db,
          clock: w.clock,
          caller: cast.assessor,
          areaUnitId: area.id,
          weights: { signIn: 25, onTime: 25, firstTime: 25, satisfaction: 25 },
          minimumCases,
        });
      }
    },
  });

  const [year, month] = isoDate(lastDay).split('-').map(Number) as [number, number];
  const previous = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  const firstOfMonth = parseIsoDate(`${year}-${String(month).padStart(2, '0')}-01`) as number;
  w.agenda.push(at(nthWorkday(calendar, firstOfMonth, 2)), {
    label: `monthly rankings ${previous}`,
    run: async () => {
      await publish(cast.district.id, 'department', 'month', previous);
      await publish(cast.district.id, 'township', 'month', previous);
    },
  });

  // Day numbers count from a Thursday (1970-01-01): (day + 3) % 7 is 0 on Mondays.
  for (let monday = firstDay + ((7 - ((firstDay + 3) % 7)) % 7); monday + 7 <= lastDay; monday += 7) {
    const date = isoDate(monday);
    w.agenda.push(at(monday + 7), {
      label: `weekly rankings ${date}`,
      run: async () => {
        for (const township of weekly) await publish(township.unit.id, 'agency', 'week', date);
      },
    });
  }
}

/** The `n`th workday on or after `day`. */
function nthWorkday(calendar: WorkCalendar, day: number, n: number): number {
  let found = 0;
  for (let d = day; ; d++) {
    if (calendar.isWorkday(d)) found += 1;
    if (found === n) return d;
  }
}
