import { forbidden } from '../../core/errors.ts';
import { type Actor, authorize, type Caller, requireAccess } from '../auth/index.ts';
import { ledgerKind } from './ledger-kinds.ts';

/** The org paths an item touches: its lead unit and its cooperating units. */
export interface ItemPaths {
  lead: string;
  cooperating: string[];
}

/**
 * Whether the caller holds the owner role of the item's kind over the item's area (the
 * lead unit lies inside the grant): 社管办 for consultation items, the supervision office
 * for the others (ledger-kinds.ts).
 */
export function ownsItem(caller: Caller, kind: string, leadPath: string): boolean {
  if (caller === 'system') return true;
  const { ownerRole } = ledgerKind(kind);
  return (
    authorize(caller, 'ledger.manage', { orgPath: leadPath }) &&
    caller.grants.some((g) => g.role === ownerRole && leadPath.startsWith(g.orgPath))
  );
}

/** 403 unless the caller keeps this kind of ledger over the lead unit. */
export function requireOwner(caller: Caller, kind: string, leadPath: string): void {
  requireAccess(caller, 'ledger.manage', leadPath);
  if (!ownsItem(caller, kind, leadPath)) {
    throw forbidden(
      'NOT_LEDGER_OWNER',
      '只有该类台账的管理部门可以办理',
      'Only the office that keeps this kind of ledger may do this',
    );
  }
}

/** Whether the caller may read the item: a grant covers its lead or a cooperating unit. */
export function canReadItem(caller: Caller, paths: ItemPaths): boolean {
  if (caller === 'system') return true;
  return [paths.lead, ...paths.cooperating].some((orgPath) => authorize(caller, 'ledger.read', { orgPath }));
}

/**
 * R8: the units of the item the actor may report for, lead first: those inside one of
 * the actor's `ledger.report` grants.
 */
export function reportableUnits(
  actor: Actor,
  units: { id: string; path: string; lead: boolean }[],
): string[] {
  return units.filter((u) => authorize(actor, 'ledger.report', { orgPath: u.path })).map((u) => u.id);
}
