import { useCallback, useMemo } from 'react';
import { useApi } from '../../lib/use-api.ts';
import type { Category } from './case-types.ts';
import { loadCategories } from './cases-api.ts';

/** The category catalogue, and its entries by code, for labels and the call form's picker. */
export function useCategories() {
  const load = useCallback(() => loadCategories(), []);
  const state = useApi<Category[]>(load);
  const byCode = useMemo(
    () => (state.data ? new Map(state.data.map((item) => [item.code, item])) : undefined),
    [state.data],
  );
  return { ...state, byCode };
}
