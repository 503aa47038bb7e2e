import {
  CODE_PATTERNS,
  GRID_TYPES,
  ORG_KINDS,
  type OrgKind,
  PARENT_KINDS,
  ROLE_UNIT_KINDS,
} from '../../../shared/org-rules.ts';
import type { OrgUnit } from '../../lib/api-types.ts';

/**
 * The organisation's rules as the forms need them, from src/shared/org-rules.ts (G1–G7),
 * which the server enforces: the forms offer only the choices it would accept, and the
 * server still has the last word.
 */

export { GRID_TYPES, ORG_KINDS };

function isOrgKind(kind: string): kind is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(kind);
}

/** G1/G2/G7: the kinds of unit that may sit under a unit of this kind, in ORG_KINDS order. */
export function childKindsOf(kind: string): OrgKind[] {
  if (!isOrgKind(kind)) return [];
  return ORG_KINDS.filter((child) => PARENT_KINDS[child].includes(kind));
}

/**
 * The roles that can be held at a unit of this kind, in the given order. A role the
 * rules do not know is offered everywhere (the server decides).
 */
export function rolesForUnitKind(roles: readonly string[], kind: string): string[] {
  return roles.filter((role) => {
    const kinds = (ROLE_UNIT_KINDS as Record<string, readonly string[] | 'any' | undefined>)[role];
    return kinds === undefined || kinds === 'any' || kinds.includes(kind);
  });
}

/** Digits a division code of this kind has (GB/T 2260 and the statistical codes), read from its pattern. */
export function codeDigits(kind: string): number | undefined {
  const pattern = isOrgKind(kind) ? CODE_PATTERNS[kind] : undefined;
  const digits = pattern ? /^\^\\d\{(\d+)\}\$$/.exec(pattern.source)?.[1] : undefined;
  return digits === undefined ? undefined : Number(digits);
}

/** How the demo data and the division import name the units that are not divisions. */
const CODE_PREFIXES: Readonly<Record<string, string>> = {
  centre: 'C',
  department: 'D',
  agency: 'A',
  office: 'O',
  enterprise: 'E',
};

/**
 * A first guess at a new child's code: for a township, community or grid the parent's code
 * and the next free three-digit number after its siblings' (370782001001 → 370782001001009);
 * for a centre `C` + the parent's code; for departments, agencies, offices and enterprises
 * the prefix to type on from (`D370782-`). Empty when there is nothing sensible to offer.
 */
export function suggestChildCode(
  parent: Pick<OrgUnit, 'code' | 'kind'>,
  siblings: readonly Pick<OrgUnit, 'code' | 'kind'>[],
  kind: string,
): string {
  const digits = codeDigits(kind);
  const parentDigits = codeDigits(parent.kind);
  if (digits !== undefined && parentDigits !== undefined && digits === parentDigits + 3) {
    if (!/^\d+$/.test(parent.code) || parent.code.length !== parentDigits) return '';
    let last = 0;
    for (const sibling of siblings) {
      if (sibling.code.length !== digits || !sibling.code.startsWith(parent.code)) continue;
      const n = Number(sibling.code.slice(parentDigits));
      if (Number.isInteger(n) && n > last) last = n;
    }
    if (last >= 999) return '';
    return `${parent.code}${String(last + 1).padStart(3, '0')}`;
  }
  const prefix = CODE_PREFIXES[kind];
  if (prefix === undefined) return '';
  return kind === 'centre' ? `${prefix}${parent.code}` : `${prefix}${parent.code}-`;
}

/**
 * Which units of a chain (root first, ending with the unit on screen) the reader may open:
 * a role held at a unit covers its whole subtree, so a unit is open to the reader when one
 * of their roles sits at it or above it. The server decides; this only avoids links that
 * lead to a refusal.
 */
export function readableChainIds(
  chain: readonly Pick<OrgUnit, 'id'>[],
  grantUnitIds: readonly string[],
): Set<string> {
  const readable = new Set<string>();
  let covered = false;
  for (const unit of chain) {
    if (grantUnitIds.includes(unit.id)) covered = true;
    if (covered) readable.add(unit.id);
  }
  return readable;
}
