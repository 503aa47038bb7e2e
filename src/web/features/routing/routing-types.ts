/** The routing API as the server presents it (src/server/modules/routing/*.routes.ts). */

import type { SlaClass } from '../cases/case-types.ts';

export interface UnitRef {
  id: string;
  name: string;
  code: string;
}

/** R1: how the responsibility was decided. */
export type Principle = 'statutory' | 'negotiated' | 'designated';
export const PRINCIPLES: readonly Principle[] = ['statutory', 'negotiated', 'designated'];

/** Dispatches that had the rule as their suggestion, those that followed it, and agreed returns after them. */
export interface RuleQuality {
  dispatches: number;
  followed: number;
  returned: number;
}

/** One rule of the responsibility catalogue (权责清单), `GET /api/routing/rules`. */
export interface Rule {
  id: string;
  /** Null for a fallback rule (属地兜底). */
  categoryCode: string | null;
  area: UnitRef;
  lead: UnitRef;
  cooperating: UnitRef[];
  principle: Principle;
  basis: string;
  /** The consultation item whose decision made the rule (R7). */
  consultationItemId: string | null;
  fallback: boolean;
  validFrom: string;
  validTo: string | null;
  replacesId: string | null;
  quality: RuleQuality;
}

/** `POST /api/routing/rules`. */
export interface NewRule {
  categoryCode: string | null;
  areaUnitId: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[];
  principle: Principle;
  basis: string;
  fallback?: boolean;
  validFrom?: string;
  validTo?: string;
  replacesId?: string;
}

/** `GET /api/routing/suggest`: the rule for a category at a place, or why there is none. */
export interface Suggestion {
  status: 'rule' | 'fallback' | 'none' | 'conflict';
  rule: Rule | null;
  rules: Rule[];
  message: string;
  message_en: string;
}

/** A category as the administrator edits it (`POST`/`PATCH /api/categories`). */
export interface CategoryInput {
  code?: string;
  parentCode?: string | null;
  nameZh?: string;
  nameEn?: string;
  slaClass?: SlaClass | null;
  keywords?: string;
}
