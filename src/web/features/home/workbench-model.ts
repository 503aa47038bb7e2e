import type { MessageKey } from '../../i18n/zh-CN.ts';
import { queueStates } from '../cases/case-flow.ts';
import type { WorkbenchDuty } from './workbench-types.ts';

export interface QuickAction {
  path: string;
  label: MessageKey;
  /** The one thing this role does most: a big button at the top (raise a call, open the dashboard…). */
  primary: boolean;
}

/**
 * The role's shortcuts, most used first: raising a call for grid staff (C1), the case
 * consultation for the social-management office, the case queue for whoever acts on
 * cases, the dashboard for leaders, the admin pages for administrators. Only what the actions
 * allow; the first one is the primary button.
 */
export function quickActions(actions: readonly string[], roles: readonly string[]): QuickAction[] {
  const may = (action: string) => actions.includes(action);
  const out: Omit<QuickAction, 'primary'>[] = [];
  if (may('case.raise')) out.push({ path: '/cases/new', label: 'home.quick.raise' });
  // R4–R7: the social-management office runs the consultation cycle; its case queue (cases
  // sent to the consultation) comes second.
  if (may('consultation.manage')) out.push({ path: '/consultation', label: 'nav.consultation' });
  if (queueStates(roles).length > 0 && may('case.read'))
    out.push({ path: '/cases?tab=queue', label: 'home.quick.queue' });
  if (may('case.raise')) out.push({ path: '/cases?tab=mine', label: 'home.quick.mine' });
  if (may('dashboard.read')) out.push({ path: '/dashboard', label: 'nav.dashboard' });
  if (may('consultation.material')) out.push({ path: '/consultation/mine', label: 'nav.consultationMine' });
  if (may('assessment.read')) out.push({ path: '/assessment/rankings', label: 'home.quick.rankings' });
  if (may('ledger.read')) out.push({ path: '/ledger', label: 'nav.ledger' });
  if (may('account.read')) out.push({ path: '/admin/accounts', label: 'nav.accounts' });
  if (may('role.read')) out.push({ path: '/admin/grants', label: 'nav.grants' });
  if (may('audit.read')) out.push({ path: '/audit', label: 'nav.audit' });
  return out.slice(0, 6).map((a, i) => ({ ...a, primary: i === 0 }));
}

/** What the duty is about, in the user's language: the case number and category, else the title. */
export function dutySubject(duty: WorkbenchDuty, locale: string): string {
  if (duty.case) {
    const category = locale === 'en' ? duty.case.category.nameEn : duty.case.category.nameZh;
    return [duty.case.number, category].filter(Boolean).join(' · ');
  }
  return duty.title ?? duty.subjectType;
}

/** The colour of an urgency tag (antd preset colours). */
export const URGENCY_COLOUR = { overdue: 'red', due_soon: 'orange', running: 'blue' } as const;

/**
 * C4: the one-tap approval a gating duty offers — the approve step among the steps the
 * case page would offer now (approve_as_grid_head, approve_as_secretary,
 * approve_as_township); null when approving here is not the next step (a call aimed at a
 * city department goes on to the township leader: the case page has that step).
 */
export function approveAction(actions: readonly string[]): string | null {
  return actions.find((a) => a.startsWith('approve_as_')) ?? null;
}
