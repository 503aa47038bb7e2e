import { isMessageKey, type Locale, type Translate } from '../../i18n/translate.ts';
import { formatShanghai } from '../../lib/time.ts';
import { categoryPath } from '../cases/case-labels.ts';
import type { Category } from '../cases/case-types.ts';
import type { Rule } from './routing-types.ts';

/** 法定 / 商定 / 指定 (R1); an unknown code shows as it is. */
export function principleLabel(t: Translate, principle: string): string {
  const key = `principle.${principle}`;
  return isMessageKey(key) ? t(key) : principle;
}

/** The rule's category as 大类 › 小类, or 属地兜底 for a fallback rule. */
export function ruleCategoryText(
  t: Translate,
  rule: Pick<Rule, 'categoryCode' | 'fallback'>,
  byCode: ReadonlyMap<string, Category> | undefined,
  locale: Locale,
): string {
  if (rule.fallback || rule.categoryCode === null) return t('rules.fallbackTag');
  return categoryPath(rule.categoryCode, byCode, locale);
}

/** From … to …, or from … with no end. */
export function validityText(t: Translate, rule: Pick<Rule, 'validFrom' | 'validTo'>): string {
  const from = formatShanghai(rule.validFrom);
  return rule.validTo
    ? t('rules.validFromTo', { from, to: formatShanghai(rule.validTo) })
    : t('rules.validOpen', { from });
}

/** One line naming a rule: category, area and lead unit. */
export function ruleSummary(
  t: Translate,
  rule: Rule,
  byCode: ReadonlyMap<string, Category> | undefined,
  locale: Locale,
): string {
  return t('rules.summary', {
    category: ruleCategoryText(t, rule, byCode, locale),
    area: rule.area.name,
    lead: rule.lead.name,
  });
}
