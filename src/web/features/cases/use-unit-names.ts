import { useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';

/**
 * Unit names by id, as far as the reader may see them. The case views carry unit ids
 * only, and a grid worker may not read the department that handles their call: such a
 * unit stays `null` (shown as "not visible to you"); `undefined` means still loading.
 * Answers are kept for the page's life, so a reload of the case asks nothing again.
 */
const cache = new Map<string, Promise<string | null>>();

function nameOf(unitId: string): Promise<string | null> {
  let pending = cache.get(unitId);
  if (!pending) {
    pending = api.orgUnit(unitId).then(
      (page) => page.unit.name,
      () => null,
    );
    cache.set(unitId, pending);
  }
  return pending;
}

export function useUnitNames(ids: readonly (string | null | undefined)[]): Map<string, string | null> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))].sort();
  const key = wanted.join(',');
  const [names, setNames] = useState<Map<string, string | null>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `wanted`, which is rebuilt on every render.
  useEffect(() => {
    let current = true;
    void Promise.all(wanted.map(async (id) => [id, await nameOf(id)] as const)).then((pairs) => {
      if (current) setNames(new Map(pairs));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return names;
}

/** Remembers names the page learnt elsewhere (a unit picked from a search), so they show at once. */
export function rememberUnitName(unitId: string, name: string): void {
  cache.set(unitId, Promise.resolve(name));
}
