import { badRequest } from '../../core/errors.ts';
import { type IndicatorPeriod, indicatorPeriod } from './indicator-period.ts';

export type PeriodKind = 'week' | 'month' | 'quarter';

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A2: the week (Monday to Sunday), month or quarter containing `date` (YYYY-MM-DD,
 * Asia/Shanghai), as whole days [from, to). Pure.
 */
export function rankingPeriod(kind: PeriodKind, date: string): IndicatorPeriod & { kind: PeriodKind } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !day || dayText(day) !== date) {
    throw badRequest(
      'BAD_DATE',
      `日期无效：${date}（应为 YYYY-MM-DD）`,
      `Not a date: ${date} (YYYY-MM-DD)`,
      'date',
    );
  }
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  let first: Date;
  let next: Date;
  if (kind === 'week') {
    const back = (day.getUTCDay() + 6) % 7; // days since Monday
    first = new Date(day.getTime() - back * 86_400_000);
    next = new Date(first.getTime() + 7 * 86_400_000);
  } else if (kind === 'month') {
    first = new Date(Date.UTC(y, m, 1));
    next = new Date(Date.UTC(y, m + 1, 1));
  } else {
    first = new Date(Date.UTC(y, m - (m % 3), 1));
    next = new Date(Date.UTC(y, m - (m % 3) + 3, 1));
  }
  return { ...indicatorPeriod(dayText(first), dayText(next)), kind };
}

/** A2: the level an area ranks at — township weekly, district monthly, city quarterly. */
export function levelOf(areaKind: string): 'township' | 'district' | 'city' | 'other' {
  return areaKind === 'township' || areaKind === 'district' || areaKind === 'city' ? areaKind : 'other';
}

/**
 * A2: the periods an area publishes its rankings for — a township weekly, a district
 * monthly, a city quarterly and (seed 003: the city-wide monthly ranking of townships and
 * reporting units) monthly. Other units publish none. Previews take any period.
 */
export const PUBLISH_PERIODS: Record<ReturnType<typeof levelOf>, readonly PeriodKind[]> = {
  township: ['week'],
  district: ['month'],
  city: ['month', 'quarter'],
  other: [],
};

const PERIOD_NAMES: Record<PeriodKind, string> = { week: '周', month: '月', quarter: '季度' };
const LEVEL_NAMES = { township: '乡镇（街道）', district: '区县', city: '市' } as const;

/** A2: refuses publishing a ranking for a period that is not its area's cadence. */
export function assertPublishPeriod(areaKind: string, period: PeriodKind): void {
  const level = levelOf(areaKind);
  const allowed = PUBLISH_PERIODS[level];
  if (level === 'other') {
    throw badRequest(
      'BAD_AREA_LEVEL',
      '只有乡镇（街道）、区县和市可以发布考核排名',
      'Only a township, a district or a city publishes rankings',
      'area',
    );
  }
  if (!allowed.includes(period)) {
    const zh = allowed.map((k) => PERIOD_NAMES[k]).join('或');
    throw badRequest(
      'BAD_PERIOD_FOR_LEVEL',
      `${LEVEL_NAMES[level]}级按${zh}发布排名`,
      `A ${level} publishes ${allowed.join(' or ')} rankings`,
      'period',
    );
  }
}

/** 2026年10月 / 2026年第39周… / 2026年第3季度: the period as a notice names it. */
export function periodLabel(period: { kind: PeriodKind; fromDay: string; toDay: string }): string {
  const [y, m] = period.fromDay.split('-').map(Number) as [number, number];
  if (period.kind === 'month') return `${y}年${m}月`;
  if (period.kind === 'quarter') return `${y}年第${Math.floor((m - 1) / 3) + 1}季度`;
  return `${period.fromDay}至${dayText(new Date(Date.parse(`${period.toDay}T00:00:00Z`) - 86_400_000))}`;
}
