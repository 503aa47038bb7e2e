import { sql } from 'drizzle-orm';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type SettingsInForce, settingsInForce, type Weights } from './assessment-settings.ts';
import { computeIndicators, list, ownersPart, rows } from './indicators.repository.ts';
import { levelOf, type PeriodKind, rankingPeriod } from './ranking-period.ts';
import { rateOf } from './read-indicators.ts';

/** Who is ranked, and the unit kinds each subject covers (departments with the enterprises). */
export const SUBJECT_KINDS = {
  township: ['township'],
  department: ['department', 'enterprise'],
  agency: ['agency'],
  community: ['community'],
  grid: ['grid'],
} as const;
export type Subject = keyof typeof SUBJECT_KINDS;

export interface RankingRow {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  /** A1: the size of the sign-in denominator — dispatches (C8 duties) due in the period. */
  cases: number;
  /** The four rates as percentages (0–100, two places); null when nothing to divide by. */
  rates: {
    signIn: number | null;
    onTime: number | null;
    firstTime: number | null;
    satisfaction: number | null;
  };
  breaches: number;
  consultationBreaches: number;
  points: { automatic: number; manual: number; total: number };
  /** Null when no rate is present. */
  score: number | null;
  /** Null for a unit listed apart (fewer cases than the minimum, or no rate). */
  rank: number | null;
}

export interface ComputedRanking {
  area: { id: string; code: string; name: string; kind: string };
  subject: Subject;
  level: string;
  period: { kind: PeriodKind; from: string; to: string };
  periodFrom: Date;
  periodTo: Date;
  asOf: string;
  settings: SettingsInForce;
  rows: RankingRow[];
  apart: RankingRow[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const pct = (n: number, d: number) => {
  const r = rateOf(n, d).rate;
  return r === null ? null : round2(r * 100);
};

/**
 * A2: Σ weight × rate over the present rates, the weights renormalised over them (a
 * null rate is dropped, not counted as 0), plus the points. Null when no rate is present.
 */
export function compositeScore(rates: RankingRow['rates'], weights: Weights, points: number): number | null {
  let weighted = 0;
  let total = 0;
  for (const key of ['signIn', 'onTime', 'firstTime', 'satisfaction'] as const) {
    const rate = rates[key];
    if (rate === null || weights[key] === 0) continue;
    weighted += weights[key] * rate;
    total += weights[key];
  }
  return total === 0 ? null : round2(weighted / total + points);
}

/** A1: rank by score, highest first; equal scores share a rank (1, 1, 3). */
export function assignRanks(rows: RankingRow[]): RankingRow[] {
  const sorted = [...rows].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.code.localeCompare(b.code));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || sorted[i - 1]?.score !== row.score) rank = i + 1;
    return { ...row, rank };
  });
}

/**
 * A1, A2: the live ranking of the units of a subject under an area in the period that
 * contains `date`. Figures are each unit's subtree (computeIndicators with rollUp); the
 * automatic points are computed here in SQL from breached obligations due in the period
 * (not stored); the manual points are the entries occurring in the period.
 */
export async function computeRanking(
  db: Db,
  options: {
    area: ComputedRanking['area'] & { path: string };
    subject: Subject;
    period: PeriodKind;
    date: string;
    now: Date;
  },
): Promise<ComputedRanking> {
  const period = rankingPeriod(options.period, options.date);
  const { area } = options;
  // A2: the settings valid at the period's end (or now, for a period still running).
  const at = period.to < options.now ? new Date(period.to.getTime() - 1) : options.now;
  const settings = await settingsInForce(db, area.id, at);
  const kinds = SUBJECT_KINDS[options.subject];
  const units = (await db.execute(
    sql`SELECT id FROM org_units WHERE path LIKE ${`${area.path}%`} AND id <> ${area.id}
          AND kind IN (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )}) ORDER BY code`,
  )) as unknown as { rows: { id: string }[] };
  const ids = units.rows.map((r) => r.id);
  const indicators = await computeIndicators(db, {
    units: { ids },
    from: period.from,
    to: period.to,
    now: options.now,
    rollUp: true,
    overdue: false,
    breaches: true,
  });
  const manual = await manualPointsOf(db, ids, period.from, period.to);
  const breach = settings.pointRules.breach ?? -1;
  const consultationBreach = settings.pointRules.consultationBreach ?? -2;
  const all: RankingRow[] = indicators.map((r) => {
    const p = {
      breaches: r.breaches,
      consultationBreaches: r.consultationBreaches,
      manual: manual.get(r.unitId) ?? 0,
    };
    const automatic = round2(p.breaches * breach + p.consultationBreaches * consultationBreach);
    const rates = {
      signIn: pct(r.signOnTime, r.signDue),
      onTime: pct(r.finishOnTime, r.finishDue),
      firstTime: pct(r.firstTime, r.closed),
      satisfaction: pct(r.satisfied, r.satisfied + r.unsatisfied),
    };
    const total = round2(automatic + p.manual);
    return {
      unitId: r.unitId,
      code: r.code,
      name: r.name,
      kind: r.kind,
      cases: r.signDue,
      rates,
      breaches: p.breaches,
      consultationBreaches: p.consultationBreaches,
      points: { automatic, manual: p.manual, total },
      score: compositeScore(rates, settings.weights, total),
      rank: null,
    };
  });
  // A2: small numbers must not top or sink a table — listed apart, unranked.
  const ranked = all.filter((r) => r.cases >= settings.minimumCases && r.score !== null);
  const apart = all.filter((r) => !ranked.includes(r)).sort((a, b) => a.code.localeCompare(b.code));
  return {
    area: { id: area.id, code: area.code, name: area.name, kind: area.kind },
    subject: options.subject,
    level: levelOf(area.kind),
    period: { kind: period.kind, from: period.fromDay, to: period.toDay },
    periodFrom: period.from,
    periodTo: period.to,
    asOf: toIsoShanghai(options.now),
    settings,
    rows: assignRanks(ranked),
    apart,
  };
}

/** A2: the manual points occurring in the period, per unit's subtree (the automatic ones come with the figures). */
async function manualPointsOf(db: Db, ids: string[], from: Date, to: Date) {
  const map = new Map<string, number>();
  if (ids.length === 0) return map;
  const result = await rows<{ id: string; manual: number }>(
    db,
    sql`WITH targets AS (SELECT id, path FROM org_units WHERE id IN (${list(ids)})),
      ${ownersPart}
      SELECT t.id AS id, sum(p.points)::float8 AS manual
      FROM assessment_points p JOIN owners t ON t.unit_id = p.unit_id
      WHERE p.automatic IS NULL AND p.occurred_at >= ${from} AND p.occurred_at < ${to}
      GROUP BY t.id`,
  );
  for (const r of result) map.set(r.id, round2(Number(r.manual)));
  return map;
}
