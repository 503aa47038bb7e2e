import { forbidden } from '../../core/errors.ts';
import { type Action, type Actor, authorize } from './policy.ts';

/**
 * Who runs a use case: a logged-in actor, or 'system' for the operator's CLI and the
 * seeders, which are trusted because they run on the server itself.
 */
export type Caller = Actor | 'system';

export function eventActor(caller: Caller): { id: string; orgUnitId: string | null } | null {
  return caller === 'system' ? null : { id: caller.id, orgUnitId: caller.orgUnitId };
}

/** Throws 403 unless the caller may do `action` on a resource at `orgPath`. */
export function requireAccess(caller: Caller, action: Action, orgPath?: string): void {
  if (caller === 'system') return;
  if (!authorize(caller, action, orgPath === undefined ? undefined : { orgPath })) {
    throw forbidden('OUT_OF_SCOPE', '该对象不在您的管理范围内', 'This is outside your scope');
  }
}
