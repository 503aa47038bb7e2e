import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';
import type { Me, OrgUnit } from '../../lib/api-types.ts';
import { type ApiState, useApi } from '../../lib/use-api.ts';
import { useMe } from '../../session/session.tsx';
import { ASSESSMENT_READ_ROLES } from './assessment-model.ts';

/** The areas below a district or city grant the reader may also pick (a district looks at a township). */
const SUB_AREA_KINDS = ['district', 'township'];

/** The units where the reader's grants read the assessment, each once. */
export function scopeUnitIds(roles: Me['roles']): string[] {
  return [...new Set(roles.filter((g) => ASSESSMENT_READ_ROLES.includes(g.role)).map((g) => g.orgUnitId))];
}

/**
 * The areas the assessment pages offer: the reader's scope units (the first is the
 * default) and, under a city or district, its districts and townships. The choice sits
 * in the address (`?area=`), so a link shows the same area.
 */
export function useAssessmentAreas(): {
  areas: ApiState<OrgUnit[]>;
  area: OrgUnit | undefined;
  setArea(id: string): void;
} {
  const me = useMe();
  const scope = useMemo(() => scopeUnitIds(me.roles), [me.roles]);
  const key = scope.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `scope`.
  const load = useCallback(async () => {
    const pages = await Promise.all(scope.map((unitId) => api.orgUnit(unitId).catch(() => null)));
    const found: OrgUnit[] = [];
    const seen = new Set<string>();
    const add = (unit: OrgUnit) => {
      if (seen.has(unit.id)) return;
      seen.add(unit.id);
      found.push(unit);
    };
    for (const page of pages) if (page) add(page.unit);
    for (const page of pages) {
      if (!page || !['city', 'district'].includes(page.unit.kind)) continue;
      for (const child of page.children) if (SUB_AREA_KINDS.includes(child.kind)) add(child);
    }
    return found;
  }, [key]);
  const areas = useApi<OrgUnit[]>(load);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('area');
  const area = areas.data?.find((unit) => unit.id === wanted) ?? areas.data?.[0];
  const setArea = (unitId: string) => {
    // Another area: its level decides the period and subject again, so those go.
    setParams({ area: unitId }, { replace: true });
  };
  return { areas, area, setArea };
}
