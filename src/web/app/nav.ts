import type { MessageKey } from '../i18n/zh-CN.ts';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** The action in `me.actions` that shows this item; null: everyone signed in. */
  action: string | null;
}

/** The menu and the route guards both read this table, so a page and its menu item cannot disagree. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', action: null },
  { path: '/org', label: 'nav.org', action: 'org.read' },
  { path: '/admin/accounts', label: 'nav.accounts', action: 'account.read' },
  { path: '/admin/grants', label: 'nav.grants', action: 'role.read' },
  { path: '/admin/calendar', label: 'nav.calendar', action: 'calendar.read' },
  { path: '/audit', label: 'nav.audit', action: 'audit.read' },
];

export function visibleNavItems(actions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.action === null || actions.includes(item.action));
}

/** The menu item to highlight: the longest path that is the current one or a parent of it. */
export function selectedNavPath(pathname: string, items: readonly NavItem[]): string | undefined {
  let best: string | undefined;
  for (const { path } of items) {
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (best === undefined || path.length > best.length)) best = path;
  }
  return best;
}

/** Only same-site paths are followed after login, so a crafted link cannot send the user elsewhere. */
export function safeReturnPath(from: unknown): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (from === '/login' || from.startsWith('/login?')) return '/';
  return from;
}
