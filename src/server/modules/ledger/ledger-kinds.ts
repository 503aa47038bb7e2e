import { badRequest } from '../../core/errors.ts';
import type { Role } from '../auth/index.ts';

/** What the ledger needs to know of each kind of ledger: who keeps it and which rules its clocks carry. */
export interface LedgerKind {
  /** The office that keeps this ledger: it puts items on it, reviews reports, crosses off, reopens. */
  ownerRole: Role;
  /** Rule id of an item's completion clock when the caller names none. */
  dueRuleId: string;
  /** Rule id of every periodic report clock (and of a returned report's resubmission). */
  reportRuleId: string;
}

/**
 * The kinds of ledger and their owners. R7: consultation decisions go into a special
 * ledger kept by the 社管办, reported on by the 15th (R8). S5, S8: supervision items and
 * meeting decisions (M15 puts them in the supervision ledger) are kept by the supervision
 * office; D1: so is the issuance ledger (the government office's supervision section
 * chases it), with D4's drafting deadline as the completion clock. A kind's report rule
 * always differs from its completion rule: the ledger tells the two clocks apart by it.
 */
export const LEDGER_KINDS = {
  consultation: { ownerRole: 'social_mgmt_officer', dueRuleId: 'R7', reportRuleId: 'R8' },
  supervision: { ownerRole: 'supervision_officer', dueRuleId: 'S8', reportRuleId: 'S5' },
  meeting: { ownerRole: 'supervision_officer', dueRuleId: 'M15', reportRuleId: 'S5' },
  documents: { ownerRole: 'supervision_officer', dueRuleId: 'D4', reportRuleId: 'D1' },
} as const satisfies Record<string, LedgerKind>;

export type LedgerKindName = keyof typeof LEDGER_KINDS;
export const LEDGER_KIND_NAMES = Object.keys(LEDGER_KINDS) as [LedgerKindName, ...LedgerKindName[]];

export function isLedgerKind(kind: string): kind is LedgerKindName {
  return Object.hasOwn(LEDGER_KINDS, kind);
}

/** The kind's settings, or 400 UNKNOWN_KIND. */
export function ledgerKind(kind: string): LedgerKind {
  if (!isLedgerKind(kind)) {
    throw badRequest(
      'UNKNOWN_KIND',
      `未知的台账类别，可用：${LEDGER_KIND_NAMES.join('、')}`,
      `Unknown ledger kind; known kinds: ${LEDGER_KIND_NAMES.join(', ')}`,
      'kind',
    );
  }
  return LEDGER_KINDS[kind];
}

/** A returned report is due again within five workdays (a default of the platform, not of the seeds). */
export const RESUBMIT_DEADLINE = '5wd';
