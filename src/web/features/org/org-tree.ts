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

/**
 * Keeps the units whose name or code contains the query, with their ancestors so they stay
 * reachable; returns the tree unchanged for an empty query.
 */
export function filterOrgTree(roots: readonly OrgNode[], query: string): OrgNode[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...roots];
  const keep = (node: OrgNode): OrgNode | null => {
    const children = node.children.map(keep).filter((child): child is OrgNode => child !== null);
    const hit =
      node.unit.name.toLowerCase().includes(needle) || node.unit.code.toLowerCase().includes(needle);
    return hit || children.length > 0 ? { unit: node.unit, children } : null;
  };
  return roots.map(keep).filter((node): node is OrgNode => node !== null);
}

/** Ids of every node that has children: the keys to expand to show a whole (filtered) tree. */
export function parentIds(roots: readonly OrgNode[]): string[] {
  const ids: string[] = [];
  const walk = (list: readonly OrgNode[]): void => {
    for (const node of list) {
      if (node.children.length > 0) {
        ids.push(node.unit.id);
        walk(node.children);
      }
    }
  };
  walk(roots);
  return ids;
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
