import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, safeReturnPath, selectedNavPath, visibleNavItems } from './nav.ts';

describe('visibleNavItems', () => {
  it('shows home to everyone and the rest by action', () => {
    expect(visibleNavItems([]).map((i) => i.path)).toEqual(['/']);
    expect(visibleNavItems(['audit.read']).map((i) => i.path)).toEqual(['/', '/audit']);
    expect(visibleNavItems(['calendar.read']).map((i) => i.path)).toEqual(['/', '/admin/calendar']);
  });
});

describe('selectedNavPath', () => {
  it('picks the longest matching item and never matches home by prefix', () => {
    expect(selectedNavPath('/', NAV_ITEMS)).toBe('/');
    expect(selectedNavPath('/admin/accounts', NAV_ITEMS)).toBe('/admin/accounts');
    expect(selectedNavPath('/audit/123', NAV_ITEMS)).toBe('/audit');
    expect(selectedNavPath('/auditing', NAV_ITEMS)).toBeUndefined();
    expect(selectedNavPath('/password', NAV_ITEMS)).toBeUndefined();
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
