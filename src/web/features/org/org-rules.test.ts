import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles.ts';
import {
  childKindsOf,
  codeDigits,
  readableChainIds,
  rolesForUnitKind,
  suggestChildCode,
} from './org-rules.ts';

describe('childKindsOf', () => {
  it('follows the levels: grids in communities, communities and agencies in townships', () => {
    expect(childKindsOf('community')).toEqual(['grid', 'centre']);
    expect(childKindsOf('township')).toContain('agency');
    expect(childKindsOf('grid')).toEqual([]);
  });
});

describe('codeDigits', () => {
  it('reads the digits of a division code from the shared patterns', () => {
    expect(codeDigits('grid')).toBe(15);
    expect(codeDigits('community')).toBe(12);
    expect(codeDigits('township')).toBe(9);
    expect(codeDigits('department')).toBeUndefined();
    expect(codeDigits('nonsense')).toBeUndefined();
  });
});

describe('rolesForUnitKind', () => {
  it('offers the grid roles at a grid and the admin roles everywhere', () => {
    const atGrid = rolesForUnitKind(ROLES, 'grid');
    expect(atGrid).toContain('grid_head');
    expect(atGrid).toContain('system_admin');
    expect(atGrid).not.toContain('community_secretary');
    expect(rolesForUnitKind(ROLES, 'centre')).toContain('centre_dispatcher');
    expect(rolesForUnitKind(['new_role'], 'grid')).toEqual(['new_role']);
  });
});

describe('suggestChildCode', () => {
  const community = { code: '370782001001', kind: 'community' };

  it('continues after the highest sibling number', () => {
    const siblings = [
      { code: '370782001001001', kind: 'grid' },
      { code: '370782001001007', kind: 'grid' },
      { code: 'C370782001001', kind: 'centre' },
    ];
    expect(suggestChildCode(community, siblings, 'grid')).toBe('370782001001008');
    expect(suggestChildCode(community, [], 'grid')).toBe('370782001001001');
  });

  it('gives the usual prefix for units that are not divisions', () => {
    expect(suggestChildCode(community, [], 'centre')).toBe('C370782001001');
    expect(suggestChildCode({ code: '370782', kind: 'district' }, [], 'department')).toBe('D370782-');
  });

  it('offers nothing when the parent code has an odd shape or the numbers ran out', () => {
    expect(suggestChildCode({ code: 'X1', kind: 'community' }, [], 'grid')).toBe('');
    expect(suggestChildCode(community, [{ code: '370782001001999', kind: 'grid' }], 'grid')).toBe('');
    expect(suggestChildCode({ code: '370700', kind: 'city' }, [], 'district')).toBe('');
  });
});

describe('readableChainIds', () => {
  const chain = [{ id: 'city' }, { id: 'district' }, { id: 'township' }, { id: 'grid' }];

  it('opens the units at and below the reader’s grants', () => {
    expect([...readableChainIds(chain, ['township'])]).toEqual(['township', 'grid']);
    expect([...readableChainIds(chain, ['city'])]).toEqual(['city', 'district', 'township', 'grid']);
    expect([...readableChainIds(chain, ['elsewhere'])]).toEqual([]);
  });
});
