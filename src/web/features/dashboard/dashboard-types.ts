import type { GeoGeometry } from '../../lib/api-types.ts';

/** The four A1 rates as fractions (0–1); null when there was nothing to divide by. */
export interface FourRates {
  timelySignIn: number | null;
  onTimeCompletion: number | null;
  firstTimeCompletion: number | null;
  satisfaction: number | null;
}

export type RateKey = keyof FourRates;
export const RATE_KEYS: readonly RateKey[] = [
  'timelySignIn',
  'onTimeCompletion',
  'firstTimeCompletion',
  'satisfaction',
];

export interface RankingLine {
  unitId: string;
  name: string;
  rank: number | null;
  score: number | null;
  cases: number;
}

export interface DashboardRanking {
  subject: 'township' | 'department' | 'agency' | 'community' | 'grid';
  /** True: computed now for the running period; false: a published (frozen) version. */
  live: boolean;
  id: string | null;
  version: number | null;
  period: { kind: 'week' | 'month' | 'quarter'; from: string; to: string };
  ranked: number;
  rows: RankingLine[];
}

export interface GridCell {
  gridId: string;
  code: string;
  name: string;
  cases: number;
  boundary?: GeoGeometry | null;
}

/** GET /api/dashboard. */
export interface Dashboard {
  asOf: string;
  area: { id: string; code: string; name: string; kind: string; level: string };
  today: { day: string; raised: number; dispatched: number; closed: number; overdueNow: number };
  month: {
    from: string;
    to: string;
    raised: number;
    dispatched: number;
    closed: number;
    returned: number;
    extended: number;
    avgSignHours: number | null;
    avgFinishHours: number | null;
    rates: FourRates;
  };
  trend: ({ day: string } & FourRates)[];
  rankings: DashboardRanking[];
  overdueByUnit: { unitId: string; name: string; kind: string; overdue: number }[];
  topCategories: { code: string; nameZh: string; nameEn: string; count: number }[];
  grids: GridCell[];
}
