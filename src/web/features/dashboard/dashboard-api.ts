import { requestJson, withQuery } from '../../lib/api.ts';
import type { Dashboard } from './dashboard-types.ts';

/** The dashboard's one read; `geometry: false` on refreshes (the boundaries do not change). */
export const dashboardApi = {
  read: (areaUnitId: string | undefined, geometry: boolean) =>
    requestJson<Dashboard>(
      'GET',
      withQuery('/api/dashboard', { area: areaUnitId, geometry: geometry ? undefined : '0' }),
    ),
};
