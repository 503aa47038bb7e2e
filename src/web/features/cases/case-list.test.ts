import { describe, expect, it } from 'vitest';
import {
  defaultSort,
  defaultTab,
  filtersFromParams,
  hasFilters,
  isCaseSort,
  isCaseTab,
  listQuery,
  mergeLists,
  placeText,
  sortCases,
} from './case-list.ts';
import type { CaseView } from './case-types.ts';

function row(id: string, patch: Partial<CaseView> = {}): CaseView {
  return {
    id,
    number: `370782-20260921-000${id}`,
    state: 'triage',
    stateType: 'open',
    version: 1,
    raisedBy: null,
    raiserRole: 'grid_worker',
    channel: 'grid_app',
    category: 'safety.housing',
    occurredAt: '2026-09-21T08:30:00+08:00',
    lat: null,
    lng: null,
    address: null,
    gridId: null,
    communityId: null,
    townshipId: null,
    outsideGrid: false,
    party: '',
    situation: '',
    demand: '',
    proposedUnitId: null,
    proposedUnitText: null,
    level: 'township',
    areaUnitId: 'a',
    centreUnitId: null,
    leadUnitId: null,
    slaClass: null,
    rounds: 1,
    firstTimeCompletion: true,
    jointEnforcement: false,
    mergedIntoId: null,
    sourceRef: null,
    feedback: null,
    feedbackAt: null,
    rating: null,
    createdAt: `2026-09-21T0${id}:00:00+08:00`,
    updatedAt: `2026-09-21T0${id}:00:00+08:00`,
    ...patch,
  };
}

describe('case lists', () => {
  it('opens on my queue, else my calls, else all', () => {
    expect(defaultTab(['triage'], false)).toBe('queue');
    expect(defaultTab([], true)).toBe('mine');
    expect(defaultTab([], false)).toBe('all');
    expect(isCaseTab('mine')).toBe(true);
    expect(isCaseTab('x')).toBe(false);
    expect(isCaseSort('state')).toBe(true);
    expect(isCaseSort(null)).toBe(false);
  });

  it('merges the queue’s lists, each case once, newest first', () => {
    const merged = mergeLists([
      [row('1'), row('3')],
      [row('2'), row('3', { state: 'returned' })],
    ]);
    expect(merged.map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(merged[0]?.state).toBe('returned');
  });

  it('sorts by time, number, flow order of states and category name', () => {
    const rows = [
      row('2', { state: 'closed', category: 'b' }),
      row('1', { state: 'awaiting_grid_head', category: 'a' }),
      row('3', { state: 'dispatched', category: 'a' }),
    ];
    const name = (code: string) => ({ a: '供水', b: '房屋安全' })[code] ?? code;
    expect(sortCases(rows, 'newest', name).map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(sortCases(rows, 'oldest', name).map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(sortCases(rows, 'number', name).map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(sortCases(rows, 'state', name).map((r) => r.id)).toEqual(['1', '3', '2']);
    // Chinese names sort by pinyin: 房 (fang) before 供 (gong).
    expect(sortCases(rows, 'category', name).map((r) => r.id)).toEqual(['2', '3', '1']);
  });

  it('C8: a queue opens by the clock — overdue first, then the soonest due, cases owing nothing last', () => {
    const duty = (dueAt: string, state: 'running' | 'breached' = 'running') => ({
      ruleId: 'C8',
      unitId: 'u',
      state,
      dueAt,
      warnAt: dueAt,
      warnedAt: null,
    });
    const rows = [
      row('1', { nextDuty: null }),
      row('2', { nextDuty: duty('2026-09-21T13:00:00+08:00') }),
      row('3', { nextDuty: duty('2026-09-21T11:00:00+08:00') }),
      row('4', { nextDuty: duty('2026-09-21T09:30:00+08:00', 'breached') }),
      row('5'),
    ];
    expect(sortCases(rows, 'due', (code) => code).map((r) => r.id)).toEqual(['4', '3', '2', '5', '1']);
    expect(defaultSort('queue')).toBe('due');
    expect(defaultSort('mine')).toBe('newest');
    expect(isCaseSort('due')).toBe(true);
  });

  it('shows the address, else the coordinates', () => {
    expect(placeText({ address: '3 号楼', lat: 36, lng: 119 })).toBe('3 号楼');
    expect(placeText({ address: null, lat: 36, lng: 119.4 })).toBe('36.00000, 119.40000');
    expect(placeText({ address: null, lat: null, lng: null })).toBeNull();
  });

  it('reads the filters from the address, dropping a malformed day', () => {
    const filters = filtersFromParams(
      new URLSearchParams('state=triage&category=safety&from=2026-09-01&to=tomorrow&q=%203%20号楼 '),
    );
    expect(filters).toEqual({ state: 'triage', category: 'safety', from: '2026-09-01', to: '', q: '3 号楼' });
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(filtersFromParams(new URLSearchParams('tab=all&sort=state')))).toBe(false);
  });

  it('asks the list (and its export) for the tab’s cases with the filters', () => {
    const none = filtersFromParams(new URLSearchParams());
    const some = filtersFromParams(new URLSearchParams('category=safety&from=2026-09-01&q=7'));
    expect(listQuery('queue', ['triage', 'returned'], none)).toEqual({ state: 'triage,returned' });
    expect(listQuery('queue', ['triage', 'returned'], { ...some, state: 'returned' })).toEqual({
      state: 'returned',
      category: 'safety',
      from: '2026-09-01',
      q: '7',
    });
    // A state that is not in my queue leaves nothing to ask for.
    expect(listQuery('queue', ['triage'], { ...none, state: 'closed' })).toBeNull();
    expect(listQuery('queue', [], none)).toBeNull();
    expect(listQuery('mine', [], { ...none, state: 'closed' })).toEqual({ state: 'closed', mine: true });
    expect(listQuery('all', ['triage'], none)).toEqual({});
  });
});
