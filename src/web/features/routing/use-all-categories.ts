import { useCallback, useMemo } from 'react';
import { useApi } from '../../lib/use-api.ts';
import type { Category } from '../cases/case-types.ts';
import { routingApi } from './routing-api.ts';

/** The whole category catalogue, retired entries included (rules and items may name them), by code too. */
export function useAllCategories() {
  const load = useCallback(() => routingApi.categories().then((page) => page.items), []);
  const state = useApi<Category[]>(load);
  const byCode = useMemo(
    () => (state.data ? new Map(state.data.map((item) => [item.code, item])) : undefined),
    [state.data],
  );
  return { ...state, byCode };
}
