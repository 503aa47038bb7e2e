import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../lib/api-types.ts';
import { buildOrgTree, countNodes, openToDepth, searchOrgTree } from './org-tree.ts';

function unit(id: string, parentId: string | null, code: string, name: string, fullName?: string): OrgUnit {
  return { id, parentId, code, name, fullName: fullName ?? null, kind: 'community', level: 1 };
}

const units = [
  unit('c2', 'd', '330102002', '湖滨社区', '湖滨社区居民委员会'),
  unit('d', null, '330102', '上城区'),
  unit('c1', 'd', '330102001', '清波社区'),
  unit('g1', 'c1', '330102001001', '清波一网格'),
  unit('g2', 'c1', '330102001002', '清波二网格'),
  unit('g3', 'c2', '330102002001', '湖滨一网格'),
];

describe('buildOrgTree', () => {
  it('nests units under their parents and sorts siblings by code', () => {
    const roots = buildOrgTree(units);
    expect(roots.map((n) => n.unit.id)).toEqual(['d']);
    expect(roots[0]?.children.map((n) => n.unit.id)).toEqual(['c1', 'c2']);
    expect(roots[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual(['g1', 'g2']);
  });

  it('makes a unit whose parent is outside the scope a root', () => {
    const roots = buildOrgTree([unit('c1', 'd', '330102001', '清波社区'), unit('g1', 'c1', '1', '网格')]);
    expect(roots.map((n) => n.unit.id)).toEqual(['c1']);
  });
});

describe('searchOrgTree', () => {
  const tree = buildOrgTree(units);

  it('keeps the matches with their ancestors and expands down to them', () => {
    const found = searchOrgTree(tree, '一网格');
    expect([...found.matchIds].sort()).toEqual(['g1', 'g3']);
    expect([...found.expanded].sort()).toEqual(['c1', 'c2', 'd']);
    expect(found.roots[0]?.children.map((n) => n.unit.id)).toEqual(['c1', 'c2']);
    // Siblings that do not match are left out.
    expect(found.roots[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual(['g1']);
  });

  it('lets a matched unit keep its children, collapsed', () => {
    const found = searchOrgTree(tree, '清波社区');
    expect([...found.matchIds]).toEqual(['c1']);
    expect(found.expanded).toEqual(['d']);
    expect(found.roots[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual(['g1', 'g2']);
  });

  it('matches codes, full names and either case; finds nothing when nothing matches', () => {
    expect([...searchOrgTree(tree, '330102002001').matchIds]).toEqual(['g3']);
    expect([...searchOrgTree(tree, '居民委员会').matchIds]).toEqual(['c2']);
    expect(searchOrgTree(buildOrgTree([unit('x', null, 'D370782-ZJJ', '住建局')]), 'zjj').matchIds.size).toBe(
      1,
    );
    expect(searchOrgTree(tree, '不存在').roots).toEqual([]);
  });

  it('returns the whole tree for an empty query', () => {
    const found = searchOrgTree(tree, '  ');
    expect(found.roots).toEqual(tree);
    expect(found.expanded).toEqual([]);
    expect(countNodes(found.roots)).toBe(units.length);
  });
});

describe('openToDepth', () => {
  it('opens the nodes with children down to the given level', () => {
    const tree = buildOrgTree(units);
    expect(openToDepth(tree, 1)).toEqual(['d']);
    expect(openToDepth(tree, 2)).toEqual(['d', 'c1', 'c2']);
  });
});
