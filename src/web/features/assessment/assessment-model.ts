import { formatShanghai } from '../../lib/time.ts';
import { fromShanghaiInput } from '../cases/call-form.ts';
import type {
  Alert,
  NewPoint,
  PeriodKind,
  PublishedRanking,
  RankingRow,
  RateKey,
  Subject,
  Weights,
} from './assessment-types.ts';

/** Roles that read the assessment (the server's assessment.read): their grant units are the areas offered. */
export const ASSESSMENT_READ_ROLES: readonly string[] = [
  'leader',
  'supervision_officer',
  'centre_dispatcher',
  'social_mgmt_officer',
  'township_leader',
  'dept_head',
  'agency_head',
];

export type Level = 'township' | 'district' | 'city' | 'other';

/** A2: the level an area ranks at, from its kind. */
export function levelOf(areaKind: string): Level {
  return areaKind === 'township' || areaKind === 'district' || areaKind === 'city' ? areaKind : 'other';
}

/**
 * A2: the periods an area publishes — a township weekly, a district monthly, a city
 * monthly (seed 003's city-wide ranking) and quarterly; other units none. The server
 * refuses any other (400 BAD_PERIOD_FOR_LEVEL); previews take any period.
 */
export const PUBLISH_PERIODS: Record<Level, readonly PeriodKind[]> = {
  township: ['week'],
  district: ['month'],
  city: ['month', 'quarter'],
  other: [],
};

/** A2: the period the ranking form starts with for an area: its level's first publishing period. */
export function defaultPeriod(areaKind: string): PeriodKind {
  return PUBLISH_PERIODS[levelOf(areaKind)][0] ?? 'month';
}

/** A2: the subject a level usually ranks: a township its communities, a district or city its townships. */
export function defaultSubject(areaKind: string): Subject {
  return levelOf(areaKind) === 'township' ? 'community' : 'township';
}

/** A2: whether the area publishes rankings of this period at all. */
export function publishes(areaKind: string, period: PeriodKind): boolean {
  return PUBLISH_PERIODS[levelOf(areaKind)].includes(period);
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10-15`: the day of an instant in Asia/Shanghai. */
export function shanghaiDay(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The month before `month` (`2027-01` → `2026-12`). */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${pad(m - 1)}`;
}

/** The last day of a period [from, to): `to` is the first day after it. */
export function lastDay(toDay: string): string {
  return shanghaiDay(Date.parse(`${toDay}T00:00:00+08:00`) - 1);
}

/** A2: the sum of the four weights (the form shows it; the server wants exactly 100). */
export function weightsTotal(weights: Partial<Weights> | undefined): number {
  const w = weights ?? {};
  const sum = (w.signIn ?? 0) + (w.onTime ?? 0) + (w.firstTime ?? 0) + (w.satisfaction ?? 0);
  // Two decimals are enough for percentages and keep 33.33 + 33.33 + 33.34 at 100.
  return Math.round(sum * 100) / 100;
}

/** What the settings form holds (A2): point rules as rows so keys can be added and renamed. */
export interface SettingsValues {
  weights?: Partial<Weights>;
  minimumCases?: number | null;
  pointRules?: { key?: string; points?: number | null }[];
}

/** The point rules of the settings as rows, the two known rules first. */
export function pointRuleRows(rules: Record<string, number>): { key: string; points: number }[] {
  const known = ['breach', 'consultationBreach', 'strongComplaints'];
  const keys = Object.keys(rules).sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib) || a.localeCompare(b);
  });
  return keys.map((key) => ({ key, points: rules[key] as number }));
}

/**
 * A2: the body of `PUT /api/assessment/settings/:area`. Point-rule rows without a key or
 * a number are left out; the weights go as they are (the server checks the sum and
 * answers 400 BAD_WEIGHTS on `weights`).
 */
export function settingsBody(values: SettingsValues): {
  weights: Weights;
  minimumCases?: number;
  pointRules: Record<string, number>;
} {
  const w = values.weights ?? {};
  const pointRules: Record<string, number> = {};
  for (const row of values.pointRules ?? []) {
    const key = row?.key?.trim();
    if (key && typeof row.points === 'number') pointRules[key] = row.points;
  }
  const body = {
    weights: {
      signIn: w.signIn ?? 0,
      onTime: w.onTime ?? 0,
      firstTime: w.firstTime ?? 0,
      satisfaction: w.satisfaction ?? 0,
    },
    pointRules,
  };
  return typeof values.minimumCases === 'number' ? { ...body, minimumCases: values.minimumCases } : body;
}

/** What the manual point form holds (A2). */
export interface PointValues {
  unitId?: string;
  /** `datetime-local` value, Shanghai wall clock. */
  occurredAt?: string;
  points?: number | null;
  ruleId?: string;
  reason?: string;
  approvedBy?: string;
  corrects?: string;
}

/**
 * A2: the body of `POST /api/assessment/points`, trimmed; missing parts are sent empty so
 * the server names the field at fault. The rule ID is upper-cased (a2 → A2).
 */
export function pointBody(values: PointValues): NewPoint {
  const body: NewPoint = {
    unitId: values.unitId ?? '',
    occurredAt: fromShanghaiInput(values.occurredAt) ?? '',
    points: typeof values.points === 'number' ? values.points : 0,
    ruleId: values.ruleId?.trim().toUpperCase() ?? '',
    reason: values.reason?.trim() ?? '',
    approvedBy: values.approvedBy ?? '',
  };
  return values.corrects ? { ...body, corrects: values.corrects } : body;
}

/** A rule ID as the server takes it: a capital letter and one or two digits (A2, R10, C8). */
export const RULE_ID_PATTERN = /^[A-Za-z]\d{1,2}$/;

/** One ranking (area, subject, period) with its published versions, newest first. */
export interface RankingVersions {
  key: string;
  subject: Subject;
  period: PublishedRanking['period'];
  versions: PublishedRanking[];
}

/**
 * A1: published rankings grouped by subject and period, the newest period first and in
 * each the newest version first — a correction never hides the version it corrects.
 */
export function groupVersions(rankings: readonly PublishedRanking[]): RankingVersions[] {
  const groups = new Map<string, RankingVersions>();
  for (const r of rankings) {
    const key = `${r.subject}|${r.period.kind}|${r.period.from}`;
    const group = groups.get(key) ?? { key, subject: r.subject, period: r.period, versions: [] };
    group.versions.push(r);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  for (const g of list) g.versions.sort((a, b) => b.version - a.version);
  return list.sort(
    (a, b) =>
      b.period.from.localeCompare(a.period.from) ||
      a.period.kind.localeCompare(b.period.kind) ||
      a.subject.localeCompare(b.subject),
  );
}

/** A1, A2: a frozen ranking's rows split as shown: the ranked by rank, then those listed apart. */
export function splitRows(rows: readonly RankingRow[]): { ranked: RankingRow[]; apart: RankingRow[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return { ranked, apart: rows.filter((r) => r.rank === null) };
}

/** Why a unit is listed apart (A2): too few cases, or no rate to score it by. */
export function apartReason(row: RankingRow, minimumCases: number): 'fewCases' | 'noScore' {
  return row.cases < minimumCases ? 'fewCases' : 'noScore';
}

/** A rate's figures as the indicators API gives them. */
export interface RateFigures {
  numerator: number;
  denominator: number;
}

interface IndicatorRate {
  numerator: number;
  denominator: number;
}

/** The part of `GET /api/assessment/indicators` the ranking table reads. */
export interface IndicatorUnits {
  units: {
    unit: { id: string };
    rates: {
      timelySignIn: IndicatorRate;
      onTimeCompletion: IndicatorRate;
      firstTimeCompletion: IndicatorRate;
      satisfaction: IndicatorRate;
    };
  }[];
}

/**
 * A1: each unit's numerators and denominators by the ranking's rate keys, for the hover
 * text of the rates (the ranking itself carries the percentages only).
 */
export function rateFigures(indicators: IndicatorUnits): Map<string, Record<RateKey, RateFigures>> {
  const map = new Map<string, Record<RateKey, RateFigures>>();
  const pick = (r: IndicatorRate) => ({ numerator: r.numerator, denominator: r.denominator });
  for (const u of indicators.units) {
    map.set(u.unit.id, {
      signIn: pick(u.rates.timelySignIn),
      onTime: pick(u.rates.onTimeCompletion),
      firstTime: pick(u.rates.firstTimeCompletion),
      satisfaction: pick(u.rates.satisfaction),
    });
  }
  return map;
}

/** A fact of an alert's evidence: a message key (under `alertFact.`) and its value. */
export interface AlertFact {
  key: 'rank' | 'score' | 'period' | 'version' | 'months' | 'unsatisfied' | 'cases' | 'count' | 'caseNumber';
  value: string;
}

const text = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : undefined);

/**
 * A3–A6: the facts an alert's `details` hold, in reading order; the rest (the chain of a
 * trace, the evidence of a referral) is shown apart. Unknown or missing facts are skipped.
 */
export function alertFacts(alert: Pick<Alert, 'details'>): AlertFact[] {
  const d = alert.details;
  const facts: AlertFact[] = [];
  const add = (key: AlertFact['key'], value: string | undefined) => {
    if (value !== undefined && value !== '') facts.push({ key, value });
  };
  const period = d.period as { from?: string; to?: string } | undefined;
  if (period?.from && period.to) add('period', `${period.from} ~ ${lastDay(period.to)}`);
  add('rank', text(d.rank));
  add('score', text(d.score));
  add('version', text(d.version));
  if (Array.isArray(d.months)) add('months', d.months.map(String).join('、'));
  else add('months', text(d.month));
  if (d.unsatisfied !== undefined) add('unsatisfied', `${text(d.unsatisfied)} / ${text(d.threshold) ?? '?'}`);
  if (Array.isArray(d.cases)) add('cases', d.cases.map(String).join('、'));
  add('count', text(d.count));
  add('caseNumber', text(d.caseNumber));
  return facts;
}

/** A4: the links of a trace (grid → community → township → lead), as recorded. */
export interface TraceLink {
  level: string;
  unitName: string | null;
  post: string | null;
  personName: string | null;
}

export function traceChain(alert: Pick<Alert, 'details'>): TraceLink[] {
  const chain = alert.details.chain;
  if (!Array.isArray(chain)) return [];
  return chain.map((link) => {
    const l = link as Record<string, unknown>;
    return {
      level: String(l.level ?? ''),
      unitName: typeof l.unitName === 'string' ? l.unitName : null,
      post: typeof l.post === 'string' ? l.post : null,
      personName: typeof l.personName === 'string' ? l.personName : null,
    };
  });
}

/** A5: the evidence of a referral (breached report clocks, refused returns, records), one short line each. */
export function referralEvidence(alert: Pick<Alert, 'details'>): string[] {
  const evidence = alert.details.evidence;
  if (!Array.isArray(evidence)) return [];
  return evidence.map((item) => {
    const e = item as Record<string, unknown>;
    const when = [e.dueAt, e.decidedAt, e.createdAt].find((v): v is string => typeof v === 'string');
    return [e.caseNumber, e.ruleId, e.reason, e.note, when ? formatShanghai(when) : undefined]
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .join(' · ');
  });
}

/** The value of an `<input type="number">` for a form: a number, or null when empty or not one. */
export function numberFromEvent(event: { target: { value: string } }): number | null {
  const text = event.target.value.trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * A2: a correction of a manual entry starts as its opposite — same unit, time and rule,
 * the points negated, so that sending it as it is cancels the entry.
 */
export function correctionValues(
  entry: { id: string; unitId: string; occurredAt: string; points: number; ruleId: string },
  toInput: (epochMs: number) => string,
): PointValues {
  return {
    unitId: entry.unitId,
    occurredAt: toInput(Date.parse(entry.occurredAt)),
    points: -entry.points,
    ruleId: entry.ruleId,
    corrects: entry.id,
  };
}
