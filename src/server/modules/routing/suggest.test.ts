import { describe, expect, it } from 'vitest';
import { type RuleRow, suggestRule } from './suggest.ts';

const AT = new Date('2026-09-21T01:00:00Z');
let n = 0;
function rule(extra: Partial<RuleRow>): RuleRow {
  n += 1;
  return {
    id: `rule-${n}`,
    categoryCode: 'safety.housing',
    areaUnitId: 'city',
    leadUnitId: 'zjj',
    cooperatingUnitIds: [],
    principle: 'statutory',
    basis: '《城市危险房屋管理规定》第四条',
    consultationItemId: null,
    fallback: false,
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validTo: null,
    replacesId: null,
    createdBy: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...extra,
  };
}
const depth: Record<string, number> = { city: 1, district: 2, township: 3, community: 4 };
const query = {
  category: 'safety.housing',
  parent: 'safety',
  areaPath: '/city/district/township/community/grid/',
  at: AT,
  depthOf: (id: string) => depth[id] ?? 0,
};

describe('suggestRule', () => {
  it('R1, C7: the most specific area wins, then the leaf over its 大类', () => {
    const wide = rule({ areaUnitId: 'district', leadUnitId: 'zjj' });
    const near = rule({ areaUnitId: 'township', leadUnitId: 'township-office' });
    const bigClass = rule({ areaUnitId: 'township', categoryCode: 'safety', leadUnitId: 'ajj' });
    expect(suggestRule([wide, near, bigClass], query)).toEqual({ status: 'rule', rule: near });
    expect(suggestRule([wide, bigClass], query)).toEqual({ status: 'rule', rule: bigClass });
  });

  it('R1: rules outside their validity or outside the place do not apply; nothing is "none"', () => {
    const expired = rule({ validTo: new Date('2026-06-01T00:00:00Z') });
    const future = rule({ validFrom: new Date('2027-01-01T00:00:00Z') });
    const elsewhere = rule({ areaUnitId: 'other-township' });
    const otherCategory = rule({ categoryCode: 'utility.water' });
    expect(suggestRule([expired, future, elsewhere, otherCategory], query)).toEqual({ status: 'none' });
  });

  it('R1: two rules at the same place naming different leads are a conflict, both listed', () => {
    const a = rule({ areaUnitId: 'township', leadUnitId: 'zjj' });
    const b = rule({ areaUnitId: 'township', leadUnitId: 'cgj' });
    expect(suggestRule([a, b], query)).toEqual({ status: 'conflict', rules: [a, b] });
  });

  it('C7: with no rule for the category, the deepest fallback (属地兜底) applies, marked as such', () => {
    const cityFallback = rule({ categoryCode: null, fallback: true, areaUnitId: 'city', leadUnitId: 'x' });
    const townshipFallback = rule({
      categoryCode: null,
      fallback: true,
      areaUnitId: 'township',
      leadUnitId: 't',
    });
    expect(suggestRule([cityFallback, townshipFallback], query)).toEqual({
      status: 'fallback',
      rule: townshipFallback,
    });
    const real = rule({ areaUnitId: 'district' });
    expect(suggestRule([townshipFallback, real], query)).toEqual({ status: 'rule', rule: real });
  });
});
