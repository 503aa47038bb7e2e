import { describe, expect, it } from 'vitest';
import type { Rule } from './routing-types.ts';
import {
  FALLBACK_FILTER,
  filterRules,
  overlappingRules,
  qualityLevel,
  ruleBody,
  ruleStatus,
} from './rules-model.ts';

const unit = (id: string) => ({ id, name: id, code: id });
function rule(patch: Partial<Rule>): Rule {
  return {
    id: 'r1',
    categoryCode: 'safety.housing',
    area: unit('district'),
    lead: unit('zjj'),
    cooperating: [],
    principle: 'statutory',
    basis: '城市危险房屋管理规定',
    consultationItemId: null,
    fallback: false,
    validFrom: '2026-01-01T00:00:00+08:00',
    validTo: null,
    replacesId: null,
    quality: { dispatches: 0, followed: 0, returned: 0 },
    ...patch,
  };
}
const now = Date.parse('2026-10-09T09:00:00+08:00');

describe('qualityLevel', () => {
  it('is none before any dispatch and warns as agreed returns grow', () => {
    expect(qualityLevel({ dispatches: 0, followed: 0, returned: 0 })).toBe('none');
    expect(qualityLevel({ dispatches: 10, followed: 9, returned: 0 })).toBe('good');
    expect(qualityLevel({ dispatches: 10, followed: 10, returned: 1 })).toBe('good');
    expect(qualityLevel({ dispatches: 10, followed: 10, returned: 2 })).toBe('warn');
    expect(qualityLevel({ dispatches: 4, followed: 4, returned: 2 })).toBe('bad');
    // A return without a followed dispatch still shows: the ratio counts at least one.
    expect(qualityLevel({ dispatches: 0, followed: 0, returned: 1 })).toBe('bad');
  });
});

describe('ruleStatus', () => {
  it('tells current, future and ended rules apart', () => {
    expect(ruleStatus(rule({}), now)).toBe('current');
    expect(ruleStatus(rule({ validFrom: '2026-11-01T00:00:00+08:00' }), now)).toBe('future');
    expect(ruleStatus(rule({ validTo: '2026-10-01T00:00:00+08:00' }), now)).toBe('ended');
    expect(ruleStatus(rule({ validTo: '2026-12-01T00:00:00+08:00' }), now)).toBe('current');
  });
});

describe('filterRules', () => {
  const rules = [
    rule({ id: 'a' }),
    rule({ id: 'b', categoryCode: 'safety.fire', area: unit('township') }),
    rule({ id: 'c', categoryCode: 'city.street_order' }),
    rule({ id: 'd', categoryCode: null, fallback: true }),
    rule({ id: 'e', validTo: '2026-02-01T00:00:00+08:00' }),
  ];
  const ids = (filter: Parameters<typeof filterRules>[1]) => filterRules(rules, filter, now).map((r) => r.id);

  it('takes a 小类, a 大类 with its 小类, or the fallback rules', () => {
    expect(ids({ category: 'safety.housing', areaUnitId: '', showEnded: false })).toEqual(['a']);
    expect(ids({ category: 'safety', areaUnitId: '', showEnded: false })).toEqual(['a', 'b']);
    expect(ids({ category: FALLBACK_FILTER, areaUnitId: '', showEnded: false })).toEqual(['d']);
  });

  it('filters by area and hides ended rules unless asked', () => {
    expect(ids({ category: '', areaUnitId: 'township', showEnded: false })).toEqual(['b']);
    expect(ids({ category: '', areaUnitId: '', showEnded: false })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ category: 'safety.housing', areaUnitId: '', showEnded: true })).toEqual(['a', 'e']);
  });
});

describe('overlappingRules', () => {
  it('finds the rules of the same category and area that are valid now or later, newest first', () => {
    const rules = [
      rule({ id: 'old', validTo: '2026-05-01T00:00:00+08:00' }),
      rule({ id: 'now' }),
      rule({ id: 'later', validFrom: '2026-12-01T00:00:00+08:00' }),
      rule({ id: 'other-area', area: unit('township') }),
      rule({ id: 'fallback', categoryCode: null, fallback: true }),
    ];
    expect(overlappingRules(rules, 'safety.housing', 'district', now).map((r) => r.id)).toEqual([
      'later',
      'now',
    ]);
    expect(overlappingRules(rules, null, 'district', now).map((r) => r.id)).toEqual(['fallback']);
  });
});

describe('ruleBody', () => {
  it('sends trimmed text, Shanghai times and leaves out what is empty', () => {
    expect(
      ruleBody({
        categoryCode: 'safety.housing',
        areaUnitId: 'district',
        leadUnitId: 'zjj',
        cooperatingUnitIds: [],
        principle: 'negotiated',
        basis: '  会商决定  ',
        validFrom: '2026-10-10T08:00',
        validTo: '',
      }),
    ).toEqual({
      categoryCode: 'safety.housing',
      areaUnitId: 'district',
      leadUnitId: 'zjj',
      principle: 'negotiated',
      basis: '会商决定',
      validFrom: '2026-10-10T08:00:00+08:00',
    });
  });

  it('drops the category of a fallback rule and names the replaced rule', () => {
    expect(
      ruleBody(
        {
          fallback: true,
          categoryCode: 'x',
          areaUnitId: 'a',
          leadUnitId: 'l',
          principle: 'designated',
          basis: 'b',
        },
        'r0',
      ),
    ).toEqual({
      categoryCode: null,
      fallback: true,
      areaUnitId: 'a',
      leadUnitId: 'l',
      principle: 'designated',
      basis: 'b',
      replacesId: 'r0',
    });
  });
});
