/**
 * The assessment API as the server presents it (src/server/modules/assessment: rankings,
 * settings, points and alerts; docs/ASSESSMENT.md). Days are YYYY-MM-DD in Asia/Shanghai.
 */

/** Who is ranked (a department ranking holds the enterprises too). */
export type Subject = 'township' | 'department' | 'agency' | 'community' | 'grid';
export const SUBJECTS: readonly Subject[] = ['township', 'department', 'agency', 'community', 'grid'];

export type PeriodKind = 'week' | 'month' | 'quarter';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter'];

export type RateKey = 'signIn' | 'onTime' | 'firstTime' | 'satisfaction';
export const RATE_KEYS: readonly RateKey[] = ['signIn', 'onTime', 'firstTime', 'satisfaction'];

/** One unit of a ranking, live or frozen. */
export interface RankingRow {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  /** A1: dispatches (C8 duties) due in the period — the size behind the rates. */
  cases: number;
  /** Percentages (0–100, two places); null when there is nothing to divide by. */
  rates: Record<RateKey, number | null>;
  breaches: number;
  consultationBreaches: number;
  points: { automatic: number; manual: number; total: number };
  score: number | null;
  /** Null: listed apart (fewer cases than the minimum, or no score). */
  rank: number | null;
}

export interface Weights {
  signIn: number;
  onTime: number;
  firstTime: number;
  satisfaction: number;
}

/** A2: the settings in force for an area (the defaults when `id` is null). */
export interface Settings {
  id: string | null;
  areaUnitId: string;
  weights: Weights;
  minimumCases: number;
  pointRules: Record<string, number>;
  validFrom: string | null;
}

/** `GET /api/assessment/rankings/preview`: computed live, nothing written. */
export interface RankingPreview {
  area: { id: string; code: string; name: string; kind: string };
  subject: Subject;
  level: string;
  period: { kind: PeriodKind; from: string; to: string };
  asOf: string;
  settings: Settings;
  rows: RankingRow[];
  apart: RankingRow[];
}

/** A published (frozen) version of a ranking; `rows` hold the ranked rows, then those apart. */
export interface PublishedRanking {
  id: string;
  areaUnitId: string;
  subject: Subject;
  period: { kind: PeriodKind; from: string; to: string };
  version: number;
  /** Why this version corrects the one before (null for version 1). */
  reason: string | null;
  rows: RankingRow[];
  settings: {
    level: string;
    area: { id: string; code: string; name: string; kind: string };
    asOf: string;
    weights: Weights;
    minimumCases: number;
    pointRules: Record<string, number>;
    settingsId: string | null;
  };
  publishedBy: string | null;
  publishedAt: string;
}

export interface RankingAsk {
  area: string;
  subject: Subject;
  period: PeriodKind;
  date: string;
}

/** A2: a manual plus or minus point entry (`POST /api/assessment/points`). */
export interface NewPoint {
  unitId: string;
  /** ISO 8601 with its offset (+08:00). */
  occurredAt: string;
  points: number;
  ruleId: string;
  reason: string;
  approvedBy: string;
  corrects?: string;
}

/** `GET /api/assessment/points`: a manual entry with the entries that correct it. */
export interface PointEntry {
  id: string;
  unitId: string;
  unitName: string;
  occurredAt: string;
  points: number;
  ruleId: string;
  reason: string;
  corrects: string | null;
  correctedBy: string[];
  approvedBy: string | null;
  approverName: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** `GET /api/assessment/points/approvers`. */
export interface PointApprover {
  accountId: string;
  displayName: string;
  role: string;
  orgUnitName: string;
}

export type AlertKind = 'commendation' | 'warning' | 'interview' | 'referral' | 'key_case' | 'trace';
export const ALERT_KINDS: readonly AlertKind[] = [
  'commendation',
  'warning',
  'interview',
  'referral',
  'key_case',
  'trace',
];

/** A3–A6: an alert (never edited; closed once with a note). `details` hold the evidence. */
export interface Alert {
  id: string;
  kind: AlertKind | string;
  unitId: string | null;
  /** A5: the head to be summoned (named as vacant when the post is empty). */
  head: { personId: string | null; name: string; post: string } | null;
  reason: string;
  ruleId: string;
  sourceType: string;
  sourceId: string;
  details: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closingNote: string | null;
}
