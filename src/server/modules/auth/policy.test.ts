import { describe, expect, it } from 'vitest';
import { type Actor, actionsOf, authorize, POLICY, scopeOf } from './policy.ts';
import { ADMIN_ROLES, type Role } from './roles.ts';

const CITY = '/c/';
const TOWNSHIP = '/c/d/t/';
const GRID = '/c/d/t/m/g/';
const OTHER_TOWNSHIP = '/c/d/u/';

function actor(grants: { role: Role; orgPath: string }[], mustChangePassword = false): Actor {
  return {
    id: 'a',
    username: 'a',
    displayName: 'A',
    orgUnitId: null,
    mustChangePassword,
    sessionTokenHash: 'h',
    grants: grants.map((g) => ({ ...g, orgUnitId: g.orgPath })),
  };
}

describe('authorisation policy', () => {
  it('a role held at a unit applies to its whole subtree and nowhere else', () => {
    const dispatcher = actor([{ role: 'centre_dispatcher', orgPath: TOWNSHIP }]);
    expect(authorize(dispatcher, 'org.read', { orgPath: TOWNSHIP })).toBe(true);
    expect(authorize(dispatcher, 'org.read', { orgPath: GRID })).toBe(true);
    expect(authorize(dispatcher, 'org.read', { orgPath: OTHER_TOWNSHIP })).toBe(false);
    expect(authorize(dispatcher, 'org.read', { orgPath: CITY })).toBe(false);
  });

  it('scopeOf keeps only the outermost subtrees', () => {
    const a = actor([
      { role: 'system_admin', orgPath: TOWNSHIP },
      { role: 'system_admin', orgPath: GRID },
    ]);
    expect(scopeOf(a, 'account.read')).toEqual([TOWNSHIP]);
    expect(scopeOf(a, 'role.read')).toEqual([]);
  });

  it('denies an action that is not in the policy table (deny by default)', () => {
    const admin = actor([{ role: 'security_admin', orgPath: CITY }]);
    expect(authorize(admin, 'cases.delete_everything')).toBe(false);
    expect(authorize(admin, 'toString')).toBe(false);
    expect(scopeOf(admin, 'nothing.here')).toEqual([]);
  });

  it('denies everything to nobody', () => {
    expect(authorize(null, 'session.self')).toBe(false);
  });

  it('the three administrator roles are never allowed a business action', () => {
    const adminActions = new Set(['session.self', 'org.read']);
    for (const [action, rule] of Object.entries(POLICY)) {
      if (rule.roles === 'authenticated') continue;
      const admins = rule.roles.filter((r: string) => (ADMIN_ROLES as readonly string[]).includes(r));
      const isAdministration =
        /^(account|role|audit|settings|calendar|webhook|person)\./.test(action) ||
        ['obligation.rules', 'org.manage', 'intake.manage', 'category.manage'].includes(action) ||
        adminActions.has(action);
      if (!isAdministration) expect({ action, admins }).toEqual({ action, admins: [] });
    }
  });

  it('keeps the three administrator roles to their own duties', () => {
    const system = actor([{ role: 'system_admin', orgPath: CITY }]);
    const security = actor([{ role: 'security_admin', orgPath: CITY }]);
    const audit = actor([{ role: 'audit_admin', orgPath: CITY }]);
    // Self-service reads of one's own things; the workbench of an administrator lists no duties.
    const selfService = [
      'session.self',
      'org.read',
      'calendar.read',
      'notification.read',
      'workbench.read',
      'category.read',
    ];
    expect(actionsOf(system).filter((a) => !selfService.includes(a))).toEqual([
      'account.read',
      'account.create',
      'account.reset_password',
      'account.unlock',
      'org.manage',
      'person.read',
      'person.manage',
      'person.contact',
      'calendar.manage',
      'obligation.rules',
      'webhook.manage',
      'intake.manage',
      'category.manage',
    ]);
    expect(actionsOf(security).filter((a) => !selfService.includes(a))).toEqual([
      'account.read',
      'role.read',
      'role.grant',
      'role.revoke',
    ]);
    // "reads the audit trail, nothing else"
    expect(actionsOf(audit)).toEqual([
      'session.self',
      'audit.read',
      'audit.verify',
      'calendar.read',
      'notification.read',
      'workbench.read',
      'category.read',
    ]);
  });

  it('C1: grid staff may raise a case; the centre and departments act on cases but do not raise them', () => {
    const worker = actor([{ role: 'grid_worker', orgPath: GRID }]);
    const dispatcher = actor([{ role: 'centre_dispatcher', orgPath: TOWNSHIP }]);
    expect(authorize(worker, 'case.raise')).toBe(true);
    expect(authorize(worker, 'case.act')).toBe(false);
    expect(authorize(dispatcher, 'case.raise')).toBe(false);
    expect(authorize(dispatcher, 'case.act', { orgPath: GRID })).toBe(true);
    expect(authorize(dispatcher, 'case.read', { orgPath: OTHER_TOWNSHIP })).toBe(false);
  });

  it('allows only self-service while the initial password is unchanged', () => {
    const fresh = actor([{ role: 'system_admin', orgPath: CITY }], true);
    expect(actionsOf(fresh)).toEqual(['session.self']); // not even the calendar or the inbox
    expect(authorize(fresh, 'account.read')).toBe(false);
  });
});
