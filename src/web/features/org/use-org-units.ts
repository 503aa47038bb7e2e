import { useCallback, useMemo } from 'react';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { buildOrgTree, type OrgNode } from './org-tree.ts';

/** The units in the caller's scope, flat and as a tree. */
export function useOrgUnits() {
  const load = useCallback(() => api.orgUnits().then((page) => page.items), []);
  const state = useApi(load);
  const tree: OrgNode[] = useMemo(() => buildOrgTree(state.data ?? []), [state.data]);
  return { ...state, tree };
}
