/**
 * What a webhook subscribes to: exact kinds (`obligation.breached`) or prefixes
 * ending in `.*` (`obligation.*` matches `obligation.breached` and
 * `obligation.warned`, not `obligations.x`). Kinds are `<module>.<fact>` in lower case.
 */
export const KIND_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?$/;

export interface KindFilter {
  exact: string[];
  /** Prefixes including the final dot: `obligation.`. */
  prefixes: string[];
}

export function kindFilter(kinds: readonly string[]): KindFilter {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const kind of kinds) {
    if (kind.endsWith('.*')) prefixes.push(kind.slice(0, -1));
    else exact.push(kind);
  }
  return { exact, prefixes };
}

export function kindMatches(kinds: readonly string[], kind: string): boolean {
  const filter = kindFilter(kinds);
  return filter.exact.includes(kind) || filter.prefixes.some((p) => kind.startsWith(p));
}
