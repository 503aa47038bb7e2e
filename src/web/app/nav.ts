import type { MessageKey } from '../i18n/zh-CN.ts';

export interface NavItem {
  path: string;
  label: MessageKey;
  /**
   * The action in `me.actions` that shows this item (any one of a list will do); null:
   * everyone signed in.
   */
  action: string | readonly string[] | null;
  /** Other pages that belong to this item (a township's map belongs to 网格地图, not to 组织机构). */
  owns?: RegExp;
}

/** The menu and the route guards both read this table, so a page and its menu item cannot disagree. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', action: null },
  { path: '/dashboard', label: 'nav.dashboard', action: 'dashboard.read' },
  { path: '/cases', label: 'nav.cases', action: 'case.read' },
  { path: '/cases/new', label: 'nav.casesNew', action: 'case.raise' },
  { path: '/consultation', label: 'nav.consultation', action: 'consultation.read' },
  { path: '/consultation/mine', label: 'nav.consultationMine', action: 'consultation.material' },
  { path: '/ledger', label: 'nav.ledger', action: 'ledger.read' },
  { path: '/assessment/rankings', label: 'nav.assessmentRankings', action: 'assessment.read' },
  { path: '/assessment/settings', label: 'nav.assessmentSettings', action: 'assessment.read' },
  { path: '/assessment/alerts', label: 'nav.assessmentAlerts', action: 'assessment.read' },
  { path: '/routing/rules', label: 'nav.routingRules', action: 'routing.read' },
  { path: '/routing/categories', label: 'nav.routingCategories', action: 'category.manage' },
  { path: '/org', label: 'nav.org', action: 'org.read' },
  { path: '/org/map', label: 'nav.orgMap', action: 'org.read', owns: /^\/org\/units\/[^/]+\/map$/ },
  { path: '/org/people', label: 'nav.people', action: 'person.read' },
  { path: '/org/import', label: 'nav.orgImport', action: ['org.manage', 'person.manage'] },
  { path: '/admin/accounts', label: 'nav.accounts', action: 'account.read' },
  { path: '/admin/grants', label: 'nav.grants', action: 'role.read' },
  { path: '/admin/calendar', label: 'nav.calendar', action: 'calendar.read' },
  { path: '/audit', label: 'nav.audit', action: 'audit.read' },
];

/** Whether the actions allow something guarded by `required` (one action, any of several, or none). */
export function allows(actions: readonly string[], required: string | readonly string[] | null): boolean {
  if (required === null) return true;
  if (typeof required === 'string') return actions.includes(required);
  return required.some((action) => actions.includes(action));
}

export function visibleNavItems(actions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => allows(actions, item.action));
}

/**
 * The menu item to highlight: the one that owns the current page, else the longest path
 * that is the current one or a parent of it.
 */
export function selectedNavPath(pathname: string, items: readonly NavItem[]): string | undefined {
  const owner = items.find((item) => item.owns?.test(pathname));
  if (owner) return owner.path;
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
