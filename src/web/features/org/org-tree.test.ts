import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../lib/api-types.ts';
import { buildOrgTree, filterOrgTree, parentIds } from './org-tree.ts';

function unit(id: string, parentId: string | null, code: string, name: string): OrgUnit {
  return { id, parentId, code, name, kind: 'community', level: 1 };
}

const units = [
  unit('c2', 'd', '330102002', '湖滨社区'),
  unit('d', null, '330102', '上城区'),
  unit('c1', 'd', '330102001', '清波社区'),
  unit('g1', 'c1', '330102001001', '清波一网格'),
];

describe('buildOrgTree', () => {
  it('nests units under their parents and sorts siblings by code', () => {
    const roots = buildOrgTree(units);
    expect(roots.map((n) => n.unit.id)).toEqual(['d']);
    expect(roots[0]?.children.map((n) => n.unit.id)).toEqual(['c1', 'c2']);
    expect(roots[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual(['g1']);
  });

  it('makes a unit whose parent is outside the scope a root', () => {
    const roots = buildOrgTree([unit('c1', 'd', '330102001', '清波社区'), unit('g1', 'c1', '1', '网格')]);
    expect(roots.map((n) => n.unit.id)).toEqual(['c1']);
  });
});

describe('filterOrgTree', () => {
  it('keeps matches with their ancestors', () => {
    const filtered = filterOrgTree(buildOrgTree(units), '一网格');
    expect(parentIds(filtered)).toEqual(['d', 'c1']);
    expect(filtered[0]?.children.map((n) => n.unit.id)).toEqual(['c1']);
  });

  it('matches codes and returns nothing when nothing matches', () => {
    expect(filterOrgTree(buildOrgTree(units), '330102002')[0]?.children.map((n) => n.unit.id)).toEqual([
      'c2',
    ]);
    expect(filterOrgTree(buildOrgTree(units), '不存在')).toEqual([]);
  });
});
