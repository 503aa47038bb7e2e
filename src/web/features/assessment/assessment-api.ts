import { requestJson, withQuery } from '../../lib/api.ts';
import type { Items } from '../../lib/api-types.ts';
import type { IndicatorUnits } from './assessment-model.ts';
import type {
  Alert,
  AlertKind,
  NewPoint,
  PeriodKind,
  PointApprover,
  PointEntry,
  PublishedRanking,
  RankingAsk,
  RankingPreview,
  Settings,
  Subject,
  Weights,
} from './assessment-types.ts';

const id = encodeURIComponent;

/** The exports of a published ranking (A1, A3): plain links, the browser downloads them. */
export const rankingXlsxUrl = (rankingId: string) => `/api/assessment/rankings/${id(rankingId)}.xlsx`;
export const rankingDocxUrl = (rankingId: string) => `/api/assessment/rankings/${id(rankingId)}.docx`;

/** The assessment endpoints; kept out of lib/api.ts so the login page does not download them. */
/** The alerts list's filters: the area, a kind, open or closed. */
export interface AlertsQuery {
  area: string;
  kind?: AlertKind | undefined;
  state?: 'open' | 'closed' | undefined;
}

export const assessmentApi = {
  /** A1: each unit's subtree figures, for the numerators and denominators behind the rates. */
  indicators: (query: { unit: string; from: string; to: string }) =>
    requestJson<IndicatorUnits>(
      'GET',
      withQuery('/api/assessment/indicators', { ...query, children: 'true', rollUp: 'true' }),
    ),
  preview: (ask: RankingAsk) =>
    requestJson<RankingPreview>('GET', withQuery('/api/assessment/rankings/preview', { ...ask })),
  /** A2: 400 BAD_PERIOD_FOR_LEVEL (`period`) when the area does not publish this period; 409 ALREADY_PUBLISHED. */
  publish: (body: RankingAsk) => requestJson<PublishedRanking>('POST', '/api/assessment/rankings', { body }),
  rankings: (query: { area: string; subject?: Subject; period?: PeriodKind; date?: string }) =>
    requestJson<PublishedRanking[]>('GET', withQuery('/api/assessment/rankings', query)),
  ranking: (rankingId: string) =>
    requestJson<PublishedRanking>('GET', `/api/assessment/rankings/${id(rankingId)}`),
  correct: (rankingId: string, body: { reason: string }) =>
    requestJson<PublishedRanking>('POST', `/api/assessment/rankings/${id(rankingId)}/corrections`, { body }),
  /** A3: the commendation and warning lists of the newest version (409 SUPERSEDED for an older one). */
  deriveRankingAlerts: (rankingId: string) =>
    requestJson<Alert[]>('POST', `/api/assessment/rankings/${id(rankingId)}/alerts`, { body: {} }),

  settings: (areaUnitId: string) =>
    requestJson<Settings>('GET', `/api/assessment/settings/${id(areaUnitId)}`),
  /** A2: 400 BAD_WEIGHTS (`weights`) unless the weights sum to 100. */
  putSettings: (
    areaUnitId: string,
    body: { weights: Weights; minimumCases?: number; pointRules: Record<string, number> },
  ) => requestJson<Settings>('PUT', `/api/assessment/settings/${id(areaUnitId)}`, { body }),
  points: (query: { area: string; month: string }) =>
    requestJson<Items<PointEntry>>('GET', withQuery('/api/assessment/points', query)),
  approvers: (unitId: string) =>
    requestJson<Items<PointApprover>>('GET', withQuery('/api/assessment/points/approvers', { unit: unitId })),
  /** A2: 400 BAD_APPROVER (`approvedBy`), REASON_REQUIRED (`reason`), BAD_POINTS (`points`). */
  addPoint: (body: NewPoint) => requestJson<{ id: string }>('POST', '/api/assessment/points', { body }),

  alerts: (query: AlertsQuery) =>
    requestJson<Alert[]>('GET', withQuery('/api/assessment/alerts', { ...query })),
  /** The alerts list as .xlsx with the same filters (a plain link: the browser downloads it). */
  alertsExportUrl: (query: AlertsQuery) => withQuery('/api/assessment/alerts.xlsx', { ...query }),
  closeAlert: (alertId: string, body: { note: string }) =>
    requestJson<Alert>('POST', `/api/assessment/alerts/${id(alertId)}/close`, { body }),
  /** A5: bottom 3 two months running and strong complaints; idempotent. */
  deriveInterviews: (body: { area: string; subject: Subject; month: string }) =>
    requestJson<Alert[]>('POST', '/api/assessment/interviews/derive', { body }),
  /** A5: late reports, buck-passing, no improvement; idempotent. */
  deriveReferrals: (body: { area: string; month: string }) =>
    requestJson<Alert[]>('POST', '/api/assessment/referrals/derive', { body }),
  /** A6: 409 ALREADY_FLAGGED. */
  flagKeyCase: (body: { caseId: string; reason: string }) =>
    requestJson<Alert>('POST', '/api/assessment/key-cases', { body }),
  /** A4: 409 ALREADY_TRACED. */
  traceCase: (body: { caseId: string; reason: string }) =>
    requestJson<Alert>('POST', '/api/assessment/traces', { body }),
};
