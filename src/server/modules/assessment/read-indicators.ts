import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, requireAccess } from '../auth/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { indicatorPeriod } from './indicator-period.ts';
import { ASSESSED_KINDS, computeIndicators, type IndicatorRow } from './indicators.repository.ts';
import { childUnitIds } from './units.repository.ts';

export interface ReadIndicatorsOptions {
  db: Db;
  /** "Overdue now" and duties running past due are measured at this clock's time. */
  clock: Clock;
  caller: Caller;
  /** The unit asked for; the caller needs `assessment.read` over it. */
  unitId: string;
  /** First day of the period (YYYY-MM-DD, Asia/Shanghai). */
  from: string;
  /** First day after the period (exclusive). */
  to: string;
  /** Also list the unit's direct children of the assessed kinds. */
  children?: boolean;
  /** Each unit's figures over its whole subtree instead of its own. */
  rollUp?: boolean;
}

/** A rate with what it is made of; `rate` is null when there is nothing to divide by (A1). */
export interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface UnitIndicators {
  unit: { id: string; code: string; name: string; kind: string };
  rates: { timelySignIn: Rate; onTimeCompletion: Rate; firstTimeCompletion: Rate; satisfaction: Rate };
  counts: {
    received: number;
    dispatched: number;
    returned: { total: number; agreed: number; refused: number; pending: number };
    overdueNow: number;
    extended: number;
    avgSignHours: number | null;
    avgFinishHours: number | null;
  };
}

export interface Indicators {
  period: { from: string; to: string };
  asOf: string;
  rollUp: boolean;
  units: UnitIndicators[];
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** A1: a zero denominator gives null — not 0 and not 100 %. */
export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : round(numerator / denominator, 4) };
}

const hours = (value: number | null) => (value === null ? null : round(Number(value), 2));

function present(row: IndicatorRow): UnitIndicators {
  return {
    unit: { id: row.unitId, code: row.code, name: row.name, kind: row.kind },
    rates: {
      timelySignIn: rateOf(row.signOnTime, row.signDue),
      onTimeCompletion: rateOf(row.finishOnTime, row.finishDue),
      firstTimeCompletion: rateOf(row.firstTime, row.closed),
      satisfaction: rateOf(row.satisfied, row.satisfied + row.unsatisfied),
    },
    counts: {
      received: row.received,
      dispatched: row.dispatched,
      returned: {
        total: row.returned,
        agreed: row.returnedAgreed,
        refused: row.returnedRefused,
        pending: row.returnedPending,
      },
      overdueNow: row.overdueNow,
      extended: row.extended,
      avgSignHours: hours(row.avgSignHours),
      avgFinishHours: hours(row.avgFinishHours),
    },
  };
}

/**
 * A1: the four rates and their counts for a unit (and its direct children) in a period,
 * from obligations, events and case rows (docs/ASSESSMENT.md). Unknown unit: 404; a unit
 * outside the caller's `assessment.read` grants: 403 OUT_OF_SCOPE; a bad period: 400.
 * Reading only: nothing is written.
 */
export async function readIndicators(options: ReadIndicatorsOptions): Promise<Indicators> {
  const { db } = options;
  const period = indicatorPeriod(options.from, options.to);
  const unit = await findOrgUnit(db, options.unitId);
  if (!unit) throw notFound('Unit', '单位', 'unit');
  // The children lie in the unit's subtree: a grant over the unit covers them too.
  requireAccess(options.caller, 'assessment.read', unit.path);
  const ids = [unit.id, ...(options.children ? await childUnitIds(db, unit.id, ASSESSED_KINDS) : [])];
  const now = options.clock.now();
  const rollUp = options.rollUp ?? false;
  const rows = await computeIndicators(db, { units: { ids }, from: period.from, to: period.to, now, rollUp });
  // The unit asked for first, then its children in the statement's order.
  const ordered = [...rows.filter((r) => r.unitId === unit.id), ...rows.filter((r) => r.unitId !== unit.id)];
  return {
    period: { from: period.fromDay, to: period.toDay },
    asOf: toIsoShanghai(now),
    rollUp,
    units: ordered.map(present),
  };
}
