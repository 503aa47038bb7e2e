/** The cases API as the server presents it (src/server/modules/cases/case-view.ts, cases.routes.ts). */

export type CaseChannel =
  | 'grid_app'
  | 'phone'
  | 'hotline'
  | 'petition'
  | 'public_opinion'
  | 'leader'
  | 'patrol'
  | 'open311';

export const CASE_CHANNELS: readonly CaseChannel[] = [
  'grid_app',
  'phone',
  'hotline',
  'petition',
  'public_opinion',
  'leader',
  'patrol',
  'open311',
];

export type SlaClass = 'livelihood' | 'simple' | 'general' | 'complex';
export const SLA_CLASSES: readonly SlaClass[] = ['livelihood', 'simple', 'general', 'complex'];

/** The clock of a list row: the case's duty owed first (`caseListItem.nextDuty`). */
export interface NextDuty {
  ruleId: string;
  unitId: string;
  state: 'running' | 'breached';
  dueAt: string;
  warnAt: string;
  warnedAt: string | null;
}

/** One case (`caseView`). Times are ISO 8601 with +08:00. */
export interface CaseView {
  id: string;
  number: string;
  state: string;
  stateType: string;
  version: number;
  raisedBy: string | null;
  raiserRole: string;
  channel: CaseChannel;
  category: string;
  occurredAt: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  gridId: string | null;
  communityId: string | null;
  townshipId: string | null;
  outsideGrid: boolean;
  party: string;
  situation: string;
  demand: string;
  proposedUnitId: string | null;
  proposedUnitText: string | null;
  level: 'township' | 'district' | 'city';
  areaUnitId: string;
  centreUnitId: string | null;
  leadUnitId: string | null;
  slaClass: SlaClass | null;
  rounds: number;
  firstTimeCompletion: boolean;
  /** C16: joint enforcement led by the township with stationed agencies. */
  jointEnforcement: boolean;
  /** A merged case: the case it duplicates. */
  mergedIntoId: string | null;
  /** C5: the source system's own reference, for a case it handed in. */
  sourceRef: string | null;
  feedback: string | null;
  feedbackAt: string | null;
  rating: 'satisfied' | 'unsatisfied' | null;
  createdAt: string;
  updatedAt: string;
  /** Lists only (GET /api/cases): the duty owed first, or null when none runs. */
  nextDuty?: NextDuty | null;
}

export type ObligationState = 'running' | 'paused' | 'met' | 'breached' | 'waived' | 'cancelled';

/** One duty of the case (`obligationView`): the clocks. */
export interface Obligation {
  id: string;
  subject: { type: string; id: string };
  ruleId: string;
  unitId: string;
  unitName: string | null;
  personId: string | null;
  /** The rule text: 2h, 2wh, 3wd… */
  deadline: string;
  startedAt: string;
  baseDueAt: string;
  extendedDueAt: string | null;
  dueAt: string;
  warnAt: string;
  state: ObligationState;
  stateType: string;
  warnedAt: string | null;
  metAt: string | null;
  breachedAt: string | null;
  endedAt: string | null;
  pausedAt: string | null;
  pausedMs: number;
}

/** One event of the case: kind `case.<action>` (or `case.raised`), its payload as recorded. */
export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  actorId: string | null;
  actorOrgId: string | null;
  payload: Record<string, unknown>;
}

/** A photo of the case (call, arrival, progress, result); `url` reads it through the case. */
export interface CaseFile {
  id: string;
  contentType: string;
  size: number;
  purpose: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: string;
  url: string;
}

/** A cooperating unit's task (C7), per handling round; its clocks are obligations of subject `case_task`. */
export interface CaseTask {
  id: string;
  unitId: string;
  round: number;
  state: 'dispatched' | 'signed' | 'done' | 'cancelled' | string;
  result: string | null;
  createdAt: string;
  signedAt: string | null;
  doneAt: string | null;
}

/** A return of a wrong dispatch, and whom it counts against once the centre decided. */
export interface CaseReturn {
  id: string;
  unitId: string;
  reason: string;
  returnedAt: string;
  decision: string | null;
  countsAgainst: string | null;
  decidedAt: string | null;
}

/** C14: a joint consultation or a referral to mediation. */
export interface CaseRecord {
  id: string;
  kind: 'joint_consultation' | 'mediation_referral' | string;
  unitIds: string[];
  decision: string | null;
  minutes: string | null;
  decidedByLeader: boolean;
  createdBy: string;
  createdAt: string;
}

/** GET /api/cases/:id. */
export interface CaseDetail {
  case: CaseView;
  /** The steps the caller may take now. */
  actions: string[];
  /** The case's duties and its cooperating tasks' duties. */
  obligations: Obligation[];
  timeline: TimelineEntry[];
  files: CaseFile[];
  tasks: CaseTask[];
  returns: CaseReturn[];
  records: CaseRecord[];
}

/** GET /api/cases/:id/duplicates: possible repeats (same category, 100 m, 72 h), nearest first. */
export interface DuplicateSuggestion {
  case: CaseView;
  metres: number;
}

/** A catalogue entry (GET /api/categories): a branch (大类, no parent) or a leaf (小类). */
export interface Category {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  slaClass: SlaClass | null;
  /** Space-separated words people use for it (停水 水管 漏水). */
  keywords: string;
  retiredAt: string | null;
}

/** POST /api/cases. */
export interface NewCall {
  category: string;
  channel: CaseChannel;
  occurredAt?: string;
  lat?: number;
  lng?: number;
  address?: string;
  party?: string;
  situation?: string;
  demand?: string;
  proposedUnitId?: string;
  proposedUnitText?: string;
  /** Photos uploaded first (POST /api/files?purpose=call), at most nine. */
  photoIds?: string[];
}

/** POST /api/cases/:id/actions/:action: what a step may carry. */
export interface ActionInput {
  reason?: string;
  feedback?: string;
  /** finish, fix_on_spot: what was done. */
  result?: string;
  /** dispatch: the lead unit, its SLA class (else the category's), cooperating units (C7). */
  leadUnitId?: string;
  slaClass?: SlaClass;
  cooperatingUnitIds?: string[];
  /** dispatch (C16): joint enforcement, led by the township with its stationed agencies. */
  jointEnforcement?: boolean;
  /** approve_extension: the new finish time (C10). */
  dueAt?: string;
  /** merge: the case this one repeats. */
  mergeIntoId?: string;
  /** finish while cooperating tasks are open: why the lead unit does not wait. */
  pendingReason?: string;
  /** arrive (C9: required), finish, other steps: photos uploaded first. */
  photoIds?: string[];
  lat?: number;
  lng?: number;
  note?: string;
}

/** A unit named in a routing rule. */
export interface UnitRef {
  id: string;
  name: string;
  code: string;
}

/** A rule of the responsibility catalogue (权责清单, R1): category × area → lead and cooperating units. */
export interface RoutingRule {
  id: string;
  categoryCode: string | null;
  area: UnitRef;
  lead: UnitRef;
  cooperating: UnitRef[];
  principle: 'statutory' | 'negotiated' | 'designated' | string;
  basis: string;
  fallback: boolean;
  validFrom: string;
  validTo: string | null;
}

/**
 * GET /api/routing/suggest (C7, R1): the rule for a category at a place (or the area's
 * fallback), or why there is none (no rule, or rules that disagree), said in both languages.
 */
export interface RoutingSuggestion {
  status: 'rule' | 'fallback' | 'none' | 'conflict';
  rule: RoutingRule | null;
  rules: RoutingRule[];
  message: string;
  message_en: string;
}
