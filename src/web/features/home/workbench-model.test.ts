import { describe, expect, it } from 'vitest';
import { approveAction, dutySubject, quickActions } from './workbench-model.ts';
import type { WorkbenchDuty } from './workbench-types.ts';

const paths = (actions: string[], roles: string[]) => quickActions(actions, roles).map((a) => a.path);

describe('workbench model', () => {
  it('C1: a grid worker’s first button raises a call; then their calls', () => {
    const quick = quickActions(['case.raise', 'case.read', 'file.upload'], ['grid_worker']);
    expect(quick[0]).toMatchObject({ path: '/cases/new', primary: true });
    expect(quick.map((a) => a.path)).toEqual(['/cases/new', '/cases?tab=mine']);
    expect(quick.filter((a) => a.primary)).toHaveLength(1);
  });

  it('C4: a grid head raises calls and has a queue (approvals and ratings)', () => {
    expect(paths(['case.raise', 'case.read'], ['grid_head'])).toEqual([
      '/cases/new',
      '/cases?tab=queue',
      '/cases?tab=mine',
    ]);
  });

  it('C7: a centre dispatcher starts from the queue and has the dashboard', () => {
    expect(paths(['case.read', 'dashboard.read', 'ledger.read'], ['centre_dispatcher'])).toEqual([
      '/cases?tab=queue',
      '/dashboard',
      '/ledger',
    ]);
  });

  it('R4: the social-management office starts from the consultation, then its queue', () => {
    expect(paths(['consultation.manage', 'case.read', 'consultation.read'], ['social_mgmt_officer'])).toEqual(
      ['/consultation', '/cases?tab=queue'],
    );
  });

  it('gives a leader the dashboard first and an auditor only the audit trail', () => {
    expect(paths(['dashboard.read', 'assessment.read', 'case.read'], ['leader'])[0]).toBe('/dashboard');
    expect(paths(['audit.read'], ['audit_admin'])).toEqual(['/audit']);
    expect(paths([], [])).toEqual([]);
  });

  it('C4: the one-tap approval is the approve step the case offers now, if any', () => {
    expect(approveAction(['approve_as_grid_head', 'forward_to_secretary', 'send_back'])).toBe(
      'approve_as_grid_head',
    );
    expect(approveAction(['forward_to_township', 'send_back', 'solve_at_grid'])).toBeNull();
  });

  it('names a case duty by number and category in the user’s language, others by title', () => {
    const duty: WorkbenchDuty = {
      id: 'o',
      ruleId: 'C8',
      subjectType: 'case',
      subjectId: 'c',
      unit: { id: 'u', name: '住建局' },
      dueAt: '2026-09-21T11:00:00+08:00',
      urgency: 'running',
      link: '/cases/c',
      case: {
        id: 'c',
        number: 'ZC20260921-0001',
        state: 'dispatched',
        category: { code: 'x', nameZh: '房屋安全', nameEn: 'Housing safety' },
      },
      title: null,
    };
    expect(dutySubject(duty, 'zh-CN')).toBe('ZC20260921-0001 · 房屋安全');
    expect(dutySubject(duty, 'en')).toBe('ZC20260921-0001 · Housing safety');
    expect(dutySubject({ ...duty, case: null, title: '关于占道经营的会商事项' }, 'zh-CN')).toBe(
      '关于占道经营的会商事项',
    );
  });
});
