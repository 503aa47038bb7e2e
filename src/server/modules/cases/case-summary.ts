import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, requireAccess } from '../auth/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { CASE_STATES, type CaseState, type CaseStateType } from './case-flow.ts';
import {
  type CategoryCount,
  categoryCounts,
  type LeadUnitRow,
  leadUnitRows,
  type PeriodTotals,
  periodTotals,
  stateCounts,
} from './case-reports.repository.ts';
import {
  parseDay,
  previousPeriod,
  type ReportPeriod,
  type ReportPeriodKind,
  reportPeriod,
} from './report-period.ts';

export interface SummarizeCasesOptions {
  db: Db;
  /** "Overdue now" is measured at this clock's time. */
  clock: Clock;
  caller: Caller;
  /** The unit whose subtree is summarised (see scopedCases for what lies in it). */
  unitId: string;
  /** `week`: the weekly summary; `month`: the monthly analysis with the comparison. */
  period: ReportPeriodKind;
  /** A day (YYYY-MM-DD) inside the week or month. */
  date: string;
}

/** A share rounded to 4 decimals; null when there is nothing to divide by. */
const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const STATE_TYPES: CaseStateType[] = ['gating', 'open', 'paused', 'closed'];

export interface PeriodFigures {
  raised: number;
  closed: number;
  ratings: { satisfied: number; unsatisfied: number; satisfactionRate: number | null };
  firstTime: { verified: number; firstTime: number; rate: number | null };
}

export interface CaseSummary extends PeriodFigures {
  /** Cases of the subtree overdue at `asOf`, whenever raised. */
  overdueNow: number;
  unit: { id: string; name: string };
  period: { kind: ReportPeriodKind; from: string; to: string };
  asOf: string;
  byCategory: CategoryCount[];
  byState: { state: string; stateType: string; count: number }[];
  byStateType: Record<CaseStateType, number>;
  leadUnits: LeadUnitRow[];
  /** The monthly analysis only: the previous month, the differences and the top categories. */
  analysis?: {
    previous: PeriodFigures & { period: { from: string; to: string } };
    deltas: {
      raised: number;
      closed: number;
      satisfied: number;
      unsatisfied: number;
      satisfactionRate: number | null;
      firstTimeRate: number | null;
    };
    topCategories: (CategoryCount & { previous: number; delta: number })[];
  };
}

function figures(totals: PeriodTotals): PeriodFigures {
  return {
    raised: totals.raised,
    closed: totals.closed,
    ratings: {
      satisfied: totals.satisfied,
      unsatisfied: totals.unsatisfied,
      satisfactionRate: rate(totals.satisfied, totals.satisfied + totals.unsatisfied),
    },
    firstTime: {
      verified: totals.verified,
      firstTime: totals.firstTime,
      rate: rate(totals.firstTime, totals.verified),
    },
  };
}

const diff = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : Math.round((a - b) * 10_000) / 10_000;

/**
 * C13: the weekly summary (每周一汇总) or the monthly analysis (每月一研判) of a unit's
 * subtree. Every figure is an SQL aggregate (case-reports.repository.ts). The caller
 * needs `case.report` at the unit (outside: 403 OUT_OF_SCOPE); an unknown unit is 404.
 * Reading only: nothing is written.
 */
export async function summarizeCases(options: SummarizeCasesOptions): Promise<CaseSummary> {
  const { db } = options;
  const period = reportPeriod(options.period, parseDay(options.date, 'date'));
  const unit = await findOrgUnit(db, options.unitId);
  if (!unit) throw notFound('Unit', '单位', 'unit');
  requireAccess(options.caller, 'case.report', unit.path);
  const now = options.clock.now();
  const args = [db, unit.path, period.from, period.to, now] as const;
  const totals = await periodTotals(...args);
  const byCategory = await categoryCounts(...args);
  const states = await stateCounts(...args);
  const leadUnits = await leadUnitRows(...args);

  const byState = states.map((s) => ({ ...s, stateType: CASE_STATES[s.state as CaseState] ?? 'unknown' }));
  const byStateType = Object.fromEntries(
    STATE_TYPES.map((type) => [
      type,
      byState.filter((s) => s.stateType === type).reduce((n, s) => n + s.count, 0),
    ]),
  ) as Record<CaseStateType, number>;
  const summary: CaseSummary = {
    unit: { id: unit.id, name: unit.name },
    period: { kind: period.kind, from: period.firstDay, to: period.lastDay },
    asOf: toIsoShanghai(now),
    ...figures(totals),
    overdueNow: totals.overdue,
    byCategory,
    byState,
    byStateType,
    leadUnits,
  };
  if (options.period === 'month')
    summary.analysis = await analyse(db, unit.path, period, now, summary, byCategory);
  return summary;
}

/** C13 研判: this month against the previous one, and the five categories raised most. */
async function analyse(
  db: Db,
  path: string,
  period: ReportPeriod,
  now: Date,
  current: PeriodFigures,
  byCategory: CategoryCount[],
): Promise<NonNullable<CaseSummary['analysis']>> {
  const before = previousPeriod(period);
  const previous = figures(await periodTotals(db, path, before.from, before.to, now));
  const previousCategories = await categoryCounts(db, path, before.from, before.to, now);
  const previousOf = (code: string) => previousCategories.find((c) => c.code === code)?.count ?? 0;
  return {
    previous: { period: { from: before.firstDay, to: before.lastDay }, ...previous },
    deltas: {
      raised: current.raised - previous.raised,
      closed: current.closed - previous.closed,
      satisfied: current.ratings.satisfied - previous.ratings.satisfied,
      unsatisfied: current.ratings.unsatisfied - previous.ratings.unsatisfied,
      satisfactionRate: diff(current.ratings.satisfactionRate, previous.ratings.satisfactionRate),
      firstTimeRate: diff(current.firstTime.rate, previous.firstTime.rate),
    },
    topCategories: byCategory.slice(0, 5).map((c) => ({
      ...c,
      previous: previousOf(c.code),
      delta: c.count - previousOf(c.code),
    })),
  };
}
