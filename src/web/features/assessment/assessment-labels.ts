import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import type { PublishedRanking, RankingPreview } from './assessment-types.ts';

function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** 乡镇（街道）, 部门和企业, …; an unknown subject shows as it is. */
export function subjectLabel(t: Translate, subject: string): string {
  return labelOr(t, `assessmentSubject.${subject}`, subject);
}

/** 周, 月, 季度. */
export function periodKindLabel(t: Translate, kind: string): string {
  return labelOr(t, `assessmentPeriod.${kind}`, kind);
}

/** 表扬, 预警, 约谈, 问责移交, 重点督办, 倒查. */
export function alertKindLabel(t: Translate, kind: string): string {
  return labelOr(t, `alertKind.${kind}`, kind);
}

/** The four rates and the point rules the settings know by name. */
export function pointRuleLabel(t: Translate, key: string): string {
  return labelOr(t, `pointRule.${key}`, key);
}

/** A4: 网格, 社区, 镇（街道）, 牵头单位. */
export function traceLevelLabel(t: Translate, level: string): string {
  return labelOr(t, `traceLevel.${level}`, level);
}

/** `2026-10-01 ~ 2026-10-31（月）`: a period with its kind. */
export function periodText(
  t: Translate,
  period: (RankingPreview | PublishedRanking)['period'],
  lastDay: string,
): string {
  return t('assessment.periodText', {
    from: period.from,
    to: lastDay,
    kind: periodKindLabel(t, period.kind),
  });
}

export const ALERT_KIND_COLOURS: Record<string, string> = {
  commendation: 'green',
  warning: 'orange',
  interview: 'volcano',
  referral: 'red',
  key_case: 'purple',
  trace: 'blue',
};
