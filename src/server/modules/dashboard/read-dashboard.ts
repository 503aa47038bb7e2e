import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { rankings } from '../assessment/assessment.tables.ts';
import { computeRanking, type RankingRow, type Subject } from '../assessment/compute-ranking.ts';
import { indicatorPeriod } from '../assessment/indicator-period.ts';
import { computeIndicators, type IndicatorRow } from '../assessment/indicators.repository.ts';
import { levelOf, PUBLISH_PERIODS } from '../assessment/ranking-period.ts';
import { rateOf } from '../assessment/read-indicators.ts';
import { type Actor, type Caller, requireAccess, scopeOf } from '../auth/index.ts';
import { categoryCounts, periodTotals } from '../cases/case-reports.repository.ts';
import { findOrgUnit, type OrgUnitRow, rootOrgUnit } from '../org/index.ts';
import { gridDensity, overdueByUnit } from './dashboard.repository.ts';

export interface ReadDashboardOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** The area shown; the caller's outermost `dashboard.read` scope when absent. */
  areaUnitId?: string | undefined;
  /** Include the grids' boundaries (the page asks once, then refreshes without them). */
  geometry?: boolean;
  /** Days in the trend, ending today (default 30). */
  trendDays?: number;
}

/** The four A1 rates as fractions (0–1, null when nothing to divide by). */
export interface FourRates {
  timelySignIn: number | null;
  onTimeCompletion: number | null;
  firstTimeCompletion: number | null;
  satisfaction: number | null;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
/** The Shanghai day of an instant, YYYY-MM-DD. */
const shanghaiDay = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

function fourRates(row: IndicatorRow | undefined): FourRates {
  if (!row)
    return { timelySignIn: null, onTimeCompletion: null, firstTimeCompletion: null, satisfaction: null };
  return {
    timelySignIn: rateOf(row.signOnTime, row.signDue).rate,
    onTimeCompletion: rateOf(row.finishOnTime, row.finishDue).rate,
    firstTimeCompletion: rateOf(row.firstTime, row.closed).rate,
    satisfaction: rateOf(row.satisfied, row.satisfied + row.unsatisfied).rate,
  };
}

/** The subjects a level's leaders look at first (A2: the units its rankings rank). */
const DASHBOARD_SUBJECTS: Record<ReturnType<typeof levelOf>, Subject[]> = {
  city: ['township', 'department'],
  district: ['township', 'department'],
  township: ['community', 'agency'],
  other: [],
};

/** The unit of a scope path (`/a/b/c/` → c). */
const unitOfPath = (path: string) => path.split('/').filter(Boolean).at(-1);

/** The area a dashboard shows, checked against the caller's `dashboard.read` scope (403/404). */
export async function dashboardArea(
  options: Pick<ReadDashboardOptions, 'db' | 'caller' | 'areaUnitId'>,
): Promise<OrgUnitRow> {
  const { db, caller } = options;
  let area: OrgUnitRow | undefined;
  if (options.areaUnitId) {
    area = await findOrgUnit(db, options.areaUnitId);
    if (!area) throw notFound('Area', '地区', 'area');
  } else {
    const scope = caller === 'system' ? [] : scopeOf(caller as Actor, 'dashboard.read');
    const id = scope[0] && scope[0] !== '/' ? unitOfPath(scope[0]) : undefined;
    area = id ? await findOrgUnit(db, id) : await rootOrgUnit(db);
    if (!area) throw notFound('Area', '地区', 'area');
  }
  requireAccess(caller, 'dashboard.read', area.path);
  return area;
}

/**
 * One ranking per subject of the area's level: the newest published version of the
 * newest published period (A1: as frozen), else the live ranking of the running period
 * at the level's cadence (A2), marked `live`. The top rows only: the page links to all.
 */
async function rankingsOf(db: Db, area: OrgUnitRow, today: string, now: Date) {
  const level = levelOf(area.kind);
  const out = [];
  for (const subject of DASHBOARD_SUBJECTS[level]) {
    const [published] = await db
      .select()
      .from(rankings)
      .where(and(eq(rankings.areaUnitId, area.id), eq(rankings.subject, subject)))
      .orderBy(desc(rankings.periodFrom), desc(rankings.version))
      .limit(1);
    if (published) {
      const rows = (published.rows as unknown as RankingRow[]).filter((r) => r.rank !== null);
      out.push({
        subject,
        live: false,
        id: published.id,
        version: published.version,
        period: {
          kind: published.periodKind,
          from: shanghaiDay(published.periodFrom),
          to: shanghaiDay(published.periodTo),
        },
        ranked: rows.length,
        rows: rows.slice(0, 10).map(rankingLine),
      });
      continue;
    }
    const kind = PUBLISH_PERIODS[level][0] ?? 'month';
    const computed = await computeRanking(db, { area, subject, period: kind, date: today, now });
    out.push({
      subject,
      live: true,
      id: null,
      version: null,
      period: computed.period,
      ranked: computed.rows.length,
      rows: computed.rows.slice(0, 10).map(rankingLine),
    });
  }
  return out;
}

const rankingLine = (r: RankingRow) => ({
  unitId: r.unitId,
  name: r.name,
  rank: r.rank,
  score: r.score,
  cases: r.cases,
  rates: r.rates,
});

/**
 * The leaders' dashboard of an area in one read (issue 7 §5): today's and this month's
 * figures, the four A1 rates of the month with a daily trend, the rankings, overdue now
 * by unit, the grids shaded by this month's cases, the top categories. Every figure
 * comes from the assessment's and the case reports' statements — the dashboard counts
 * nothing of its own. Reading only.
 */
export async function readDashboard(options: ReadDashboardOptions) {
  const { db } = options;
  const area = await dashboardArea(options);
  const now = options.clock.now();
  const today = shanghaiDay(now);
  const tomorrow = addDays(today, 1);
  const monthStart = `${today.slice(0, 8)}01`;
  const todayPeriod = indicatorPeriod(today, tomorrow);
  const month = indicatorPeriod(monthStart, tomorrow);

  const rollUp = (from: Date, to: Date) =>
    computeIndicators(db, { units: { ids: [area.id] }, from, to, now, rollUp: true }).then((r) => r[0]);
  const todayCases = await periodTotals(db, area.path, todayPeriod.from, todayPeriod.to, now);
  const todayFigures = await rollUp(todayPeriod.from, todayPeriod.to);
  const monthCases = await periodTotals(db, area.path, month.from, month.to, now);
  const monthFigures = await rollUp(month.from, month.to);

  // A1 trend: each day's four rates over the area's subtree, oldest first.
  const days = Math.min(Math.max(options.trendDays ?? 30, 1), 92);
  const trend = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    const period = indicatorPeriod(day, addDays(day, 1));
    trend.push({ day, ...fourRates(await rollUp(period.from, period.to)) });
  }

  const categories = await categoryCounts(db, area.path, month.from, month.to, now);
  const grids = await gridDensity(db, area.path, month.from, month.to, options.geometry ?? true);
  return {
    asOf: toIsoShanghai(now),
    area: { id: area.id, code: area.code, name: area.name, kind: area.kind, level: levelOf(area.kind) },
    today: {
      day: today,
      raised: todayCases.raised,
      dispatched: todayFigures?.dispatched ?? 0,
      closed: todayCases.closed,
      overdueNow: todayCases.overdue,
    },
    month: {
      from: monthStart,
      to: tomorrow,
      raised: monthCases.raised,
      dispatched: monthFigures?.dispatched ?? 0,
      closed: monthCases.closed,
      returned: monthFigures?.returned ?? 0,
      extended: monthFigures?.extended ?? 0,
      avgSignHours: monthFigures?.avgSignHours ?? null,
      avgFinishHours: monthFigures?.avgFinishHours ?? null,
      rates: fourRates(monthFigures),
    },
    trend,
    rankings: await rankingsOf(db, area, today, now),
    overdueByUnit: await overdueByUnit(db, area.path, now, 10),
    topCategories: categories.slice(0, 8),
    grids,
  };
}
export type Dashboard = Awaited<ReturnType<typeof readDashboard>>;
