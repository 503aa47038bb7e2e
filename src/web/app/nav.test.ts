import { describe, expect, it } from 'vitest';
import { allows, NAV_ITEMS, safeReturnPath, selectedNavPath, visibleNavItems } from './nav.ts';

describe('visibleNavItems', () => {
  it('shows home to everyone and the rest by action', () => {
    expect(visibleNavItems([]).map((i) => i.path)).toEqual(['/']);
    expect(visibleNavItems(['audit.read']).map((i) => i.path)).toEqual(['/', '/audit']);
    expect(visibleNavItems(['calendar.read']).map((i) => i.path)).toEqual(['/', '/admin/calendar']);
  });

  it('shows the org pages by their actions, the import page for either manage action', () => {
    const gridWorker = ['org.read', 'person.read', 'calendar.read'];
    expect(visibleNavItems(gridWorker).map((i) => i.path)).toEqual([
      '/',
      '/org',
      '/org/map',
      '/org/people',
      '/admin/calendar',
    ]);
    expect(visibleNavItems(['person.manage']).map((i) => i.path)).toContain('/org/import');
    expect(visibleNavItems(['org.manage']).map((i) => i.path)).toContain('/org/import');
  });
});

describe('allows', () => {
  it('takes one action, any of a list, or none', () => {
    expect(allows(['a'], 'a')).toBe(true);
    expect(allows(['a'], ['b', 'a'])).toBe(true);
    expect(allows(['a'], ['b'])).toBe(false);
    expect(allows([], null)).toBe(true);
  });
});

describe('selectedNavPath', () => {
  it('picks the longest matching item and never matches home by prefix', () => {
    expect(selectedNavPath('/', NAV_ITEMS)).toBe('/');
    expect(selectedNavPath('/admin/accounts', NAV_ITEMS)).toBe('/admin/accounts');
    expect(selectedNavPath('/audit/123', NAV_ITEMS)).toBe('/audit');
    expect(selectedNavPath('/auditing', NAV_ITEMS)).toBeUndefined();
    expect(selectedNavPath('/password', NAV_ITEMS)).toBeUndefined();
    expect(selectedNavPath('/org/units/1', NAV_ITEMS)).toBe('/org');
    expect(selectedNavPath('/org/people/1', NAV_ITEMS)).toBe('/org/people');
    expect(selectedNavPath('/org/units/1/map', NAV_ITEMS)).toBe('/org/map');
  });
});

describe('safeReturnPath', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeReturnPath('/audit?x=1')).toBe('/audit?x=1');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/login')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
