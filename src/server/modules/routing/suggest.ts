import type { responsibilityRules } from './routing.tables.ts';

export type RuleRow = typeof responsibilityRules.$inferSelect;

export type Suggestion =
  | { status: 'rule'; rule: RuleRow }
  /** 属地兜底: no rule for the category; the area's fallback applies. */
  | { status: 'fallback'; rule: RuleRow }
  /** R1/seed 000: the unclear responsibility — no rule, or rules that disagree. */
  | { status: 'none' }
  | { status: 'conflict'; rules: RuleRow[] };

/**
 * C7, R1: the rule that routes a case of `category` (a leaf, with its 大类 `parent`)
 * placed in `areaPath` (the grid's materialised path) at `at`. The most specific area
 * wins (the deepest unit on the path), then the leaf over its 大类. Two valid rules at
 * the same most specific place that name different lead units are a conflict; with no
 * category rule, the deepest fallback (属地兜底) applies. Pure: rules come in loaded.
 */
export function suggestRule(
  rules: readonly RuleRow[],
  query: {
    category: string;
    parent: string | null;
    areaPath: string;
    at: Date;
    depthOf: (unitId: string) => number;
  },
): Suggestion {
  const valid = rules.filter(
    (r) =>
      r.validFrom.getTime() <= query.at.getTime() &&
      (r.validTo === null || r.validTo.getTime() > query.at.getTime()) &&
      query.areaPath.includes(`/${r.areaUnitId}/`),
  );
  const specificity = (r: RuleRow) =>
    query.depthOf(r.areaUnitId) * 2 + (r.categoryCode === query.category ? 1 : 0);
  const byCategory = valid.filter(
    (r) =>
      !r.fallback &&
      (r.categoryCode === query.category || (query.parent !== null && r.categoryCode === query.parent)),
  );
  if (byCategory.length > 0) {
    const top = Math.max(...byCategory.map(specificity));
    const best = byCategory.filter((r) => specificity(r) === top);
    const leads = new Set(best.map((r) => r.leadUnitId));
    if (leads.size > 1) return { status: 'conflict', rules: best };
    return { status: 'rule', rule: best[0] as RuleRow };
  }
  const fallbacks = valid.filter((r) => r.fallback);
  if (fallbacks.length > 0) {
    const deepest = fallbacks.reduce((a, b) =>
      query.depthOf(b.areaUnitId) > query.depthOf(a.areaUnitId) ? b : a,
    );
    return { status: 'fallback', rule: deepest };
  }
  return { status: 'none' };
}
