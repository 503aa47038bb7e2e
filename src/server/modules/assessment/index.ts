/** The assessment module: the A1 indicators, A2 points and settings, and rankings (docs/ASSESSMENT.md). */
export { type PutSettingsOptions, putSettings } from './assessment-settings.ts';
export { type IndicatorPeriod, indicatorPeriod, MAX_PERIOD_DAYS } from './indicator-period.ts';
export {
  ASSESSED_KINDS,
  type ComputeIndicatorsOptions,
  computeIndicators,
  type IndicatorRow,
} from './indicators.repository.ts';
export { publishRanking } from './publish-ranking.ts';
export { deriveRankingAlerts } from './ranking-alerts.ts';
export {
  type Indicators,
  type Rate,
  type ReadIndicatorsOptions,
  rateOf,
  readIndicators,
  type UnitIndicators,
} from './read-indicators.ts';
export {
  type SettleDaysOptions,
  type SettledDays,
  type SettlePendingOptions,
  settleDays,
  settlePendingDays,
} from './settle-days.ts';
