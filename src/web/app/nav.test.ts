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

describe('case pages', () => {
  it('shows 我的工作 for case.read and 发起呼叫 for case.raise, right after home', () => {
    expect(visibleNavItems(['case.read', 'case.raise']).map((i) => i.path)).toEqual([
      '/',
      '/cases',
      '/cases/new',
    ]);
    expect(visibleNavItems(['case.read']).map((i) => i.path)).toEqual(['/', '/cases']);
  });

  it('highlights 发起呼叫 on its page and 我的工作 on a case', () => {
    expect(selectedNavPath('/cases/new', NAV_ITEMS)).toBe('/cases/new');
    expect(selectedNavPath('/cases', NAV_ITEMS)).toBe('/cases');
    expect(selectedNavPath('/cases/0b7c6f4e-1111-2222-3333-444455556666', NAV_ITEMS)).toBe('/cases');
  });
});

describe('routing, consultation and ledger pages', () => {
  it('shows each page for its action, after the case pages', () => {
    const socialOffice = ['case.read', 'consultation.read', 'ledger.read', 'routing.read'];
    expect(visibleNavItems(socialOffice).map((i) => i.path)).toEqual([
      '/',
      '/cases',
      '/consultation',
      '/ledger',
      '/routing/rules',
    ]);
    expect(visibleNavItems(['category.manage']).map((i) => i.path)).toEqual(['/', '/routing/categories']);
  });

  it('highlights the page that owns a session, a ledger item and the category catalogue', () => {
    expect(selectedNavPath('/consultation/sessions/0b7c6f4e-1111-2222-3333-444455556666', NAV_ITEMS)).toBe(
      '/consultation',
    );
    expect(selectedNavPath('/ledger/items/0b7c6f4e-1111-2222-3333-444455556666', NAV_ITEMS)).toBe('/ledger');
    expect(selectedNavPath('/routing/categories', NAV_ITEMS)).toBe('/routing/categories');
    expect(selectedNavPath('/routing/rules', NAV_ITEMS)).toBe('/routing/rules');
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
