import type { OrgUnit } from '../../lib/api-types.ts';

export interface OrgNode {
  unit: OrgUnit;
  children: OrgNode[];
}

/**
 * Builds the tree from the flat list. The list holds only the caller's scope, so a unit
 * whose parent is missing is a root of what this user sees. Siblings sort by code, which
 * follows the division codes (GB/T 2260), then by name.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    // A unit listed as its own parent would loop; treat it as a root.
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]): void => {
    list.sort(
      (a, b) => a.unit.code.localeCompare(b.unit.code) || a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
    );
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

function matches(unit: OrgUnit, needle: string): boolean {
  return (
    unit.name.toLowerCase().includes(needle) ||
    unit.code.toLowerCase().includes(needle) ||
    (unit.fullName?.toLowerCase().includes(needle) ?? false)
  );
}

export interface OrgSearch {
  /** The matches with their ancestors; a match keeps all its children, to browse on from it. */
  roots: OrgNode[];
  /** Keys to expand so that every match is in sight: the ancestors of the matches. */
  expanded: string[];
  /** Ids of the units that match. */
  matchIds: Set<string>;
}

/**
 * Searches the tree by name, full name or code (case-insensitive, anywhere in the text).
 * An empty query returns the tree as it is, with nothing expanded and nothing matched.
 */
export function searchOrgTree(roots: readonly OrgNode[], query: string): OrgSearch {
  const needle = query.trim().toLowerCase();
  const matchIds = new Set<string>();
  const expanded: string[] = [];
  if (!needle) return { roots: [...roots], expanded, matchIds };
  const keep = (node: OrgNode): OrgNode | null => {
    const hit = matches(node.unit, needle);
    if (hit) matchIds.add(node.unit.id);
    const kept = node.children.map(keep);
    const below = kept.some((child) => child !== null);
    if (below) expanded.push(node.unit.id);
    if (hit) {
      // A match keeps every child (collapsed unless it leads to another match).
      return { unit: node.unit, children: node.children.map((child, i) => kept[i] ?? child) };
    }
    return below
      ? { unit: node.unit, children: kept.filter((child): child is OrgNode => child !== null) }
      : null;
  };
  const found = roots.map(keep).filter((node): node is OrgNode => node !== null);
  return { roots: found, expanded, matchIds };
}

/** Ids of the nodes down to `depth` levels (1: the roots) that have children: the tree's opening view. */
export function openToDepth(roots: readonly OrgNode[], depth: number): string[] {
  const ids: string[] = [];
  const walk = (list: readonly OrgNode[], level: number): void => {
    if (level > depth) return;
    for (const node of list) {
      if (node.children.length === 0) continue;
      ids.push(node.unit.id);
      walk(node.children, level + 1);
    }
  };
  walk(roots, 1);
  return ids;
}

/** How many units a (searched) tree holds. */
export function countNodes(roots: readonly OrgNode[]): number {
  let count = 0;
  const walk = (list: readonly OrgNode[]): void => {
    for (const node of list) {
      count += 1;
      walk(node.children);
    }
  };
  walk(roots);
  return count;
}

export interface OrgTreeSelectNode {
  value: string;
  title: string;
  children: OrgTreeSelectNode[];
}

/** The shape antd's TreeSelect takes. */
export function toTreeSelectData(roots: readonly OrgNode[]): OrgTreeSelectNode[] {
  return roots.map((node) => ({
    value: node.unit.id,
    title: node.unit.name,
    children: toTreeSelectData(node.children),
  }));
}
