import { useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { rememberUnitLabel } from '../cases/UnitSearch.tsx';

const cache = new Map<string, Promise<OrgUnit | null>>();

function unitOf(unitId: string): Promise<OrgUnit | null> {
  let pending = cache.get(unitId);
  if (!pending) {
    pending = api.orgUnit(unitId).then(
      (page) => {
        // Unit pickers that hold this unit show its name and code at once.
        rememberUnitLabel(page.unit);
        return page.unit;
      },
      () => null,
    );
    cache.set(unitId, pending);
  }
  return pending;
}

/**
 * The units behind these ids, as far as the reader may see them (`null`: not visible;
 * absent: still loading). Each is asked once per page load; pickers learn their labels.
 */
export function useUnits(ids: readonly (string | null | undefined)[]): Map<string, OrgUnit | null> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))].sort();
  const key = wanted.join(',');
  const [units, setUnits] = useState<Map<string, OrgUnit | null>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `wanted`, which is rebuilt on every render.
  useEffect(() => {
    let current = true;
    void Promise.all(wanted.map(async (id) => [id, await unitOf(id)] as const)).then((pairs) => {
      if (current) setUnits(new Map(pairs));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return units;
}
