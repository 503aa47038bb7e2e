import { fromShanghaiInput } from '../cases/call-form.ts';
import type { NewRule, Principle, Rule, RuleQuality } from './routing-types.ts';

/** Units a rule may name as lead or cooperating (the server's LEAD_KINDS). */
export const RULE_UNIT_KINDS = [
  'department',
  'enterprise',
  'agency',
  'township',
  'office',
  'community',
] as const;

/**
 * How well a rule routes, from its measured quality: `none` before any dispatch cited it,
 * `bad` when half or more of the dispatches that followed it came back (returns the centre
 * agreed to), `warn` from a fifth, else `good`. A bad rule shows itself in the catalogue.
 */
export type QualityLevel = 'none' | 'good' | 'warn' | 'bad';

export function qualityLevel(quality: RuleQuality): QualityLevel {
  if (quality.dispatches === 0 && quality.returned === 0) return 'none';
  if (quality.returned === 0) return 'good';
  const ratio = quality.returned / Math.max(quality.followed, 1);
  if (ratio >= 0.5) return 'bad';
  if (ratio >= 0.2) return 'warn';
  return 'good';
}

/** Whether a rule applies now, will from a later time, or has ended (replaced or expired). */
export type RuleStatus = 'current' | 'future' | 'ended';

export function ruleStatus(rule: Pick<Rule, 'validFrom' | 'validTo'>, now: number): RuleStatus {
  if (rule.validTo !== null && Date.parse(rule.validTo) <= now) return 'ended';
  if (Date.parse(rule.validFrom) > now) return 'future';
  return 'current';
}

/** The category filter's value for the fallback rules (属地兜底), which have no category. */
export const FALLBACK_FILTER = '__fallback';

export interface RuleFilter {
  /** A 小类, a 大类 (then its 小类 too), FALLBACK_FILTER, or '' for all. */
  category: string;
  /** The area's unit id, or '' for all. */
  areaUnitId: string;
  /** Include rules that have ended. */
  showEnded: boolean;
}

export function filterRules(rules: readonly Rule[], filter: RuleFilter, now: number): Rule[] {
  return rules.filter((rule) => {
    if (!filter.showEnded && ruleStatus(rule, now) === 'ended') return false;
    if (filter.areaUnitId && rule.area.id !== filter.areaUnitId) return false;
    if (filter.category === FALLBACK_FILTER) return rule.fallback;
    if (filter.category) {
      const code = rule.categoryCode ?? '';
      return code === filter.category || code.startsWith(`${filter.category}.`);
    }
    return true;
  });
}

/**
 * The rules a new one for this category and area would overlap (409 RULE_OVERLAP): the
 * same category (or both fallback) and the same area, valid now or later. The newest
 * first, as a replacement names one of them.
 */
export function overlappingRules(
  rules: readonly Rule[],
  categoryCode: string | null,
  areaUnitId: string,
  now: number,
): Rule[] {
  return rules
    .filter(
      (rule) =>
        rule.area.id === areaUnitId &&
        (categoryCode === null ? rule.fallback : rule.categoryCode === categoryCode) &&
        ruleStatus(rule, now) !== 'ended',
    )
    .sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom));
}

/** What the new-rule form holds. */
export interface RuleValues {
  fallback?: boolean;
  categoryCode?: string;
  areaUnitId?: string;
  leadUnitId?: string;
  cooperatingUnitIds?: string[];
  principle?: Principle;
  basis?: string;
  /** `datetime-local` values, Asia/Shanghai wall clock. */
  validFrom?: string;
  validTo?: string;
}

/**
 * The request for a rule: a fallback rule has no category, empty lists and times are
 * left out, text trimmed (the server checks the rest and names the field).
 */
export function ruleBody(values: RuleValues, replacesId?: string): NewRule {
  const fallback = values.fallback === true;
  const body: NewRule = {
    categoryCode: fallback ? null : (values.categoryCode ?? null),
    areaUnitId: values.areaUnitId ?? '',
    leadUnitId: values.leadUnitId ?? '',
    principle: values.principle ?? 'statutory',
    basis: values.basis?.trim() ?? '',
  };
  if (fallback) body.fallback = true;
  if (values.cooperatingUnitIds?.length) body.cooperatingUnitIds = values.cooperatingUnitIds;
  const from = fromShanghaiInput(values.validFrom);
  const to = fromShanghaiInput(values.validTo);
  if (from) body.validFrom = from;
  if (to) body.validTo = to;
  if (replacesId) body.replacesId = replacesId;
  return body;
}
