/** The consultation API as the server presents it (src/server/modules/consultation/consultation.views.ts). */

import type { CaseView } from '../cases/case-types.ts';
import type { Principle } from '../routing/routing-types.ts';

export type SessionState = 'collecting' | 'agenda_fixed' | 'held' | 'minutes_issued';
export const SESSION_STATES: readonly SessionState[] = [
  'collecting',
  'agenda_fixed',
  'held',
  'minutes_issued',
];

/** A consultation session (会商研判会议, R2–R7) of a district. Times are ISO 8601 with +08:00. */
export interface Session {
  id: string;
  areaUnitId: string;
  kind: 'monthly' | 'extra' | string;
  /** `2026-10` for a monthly session. */
  month: string | null;
  title: string;
  state: SessionState | string;
  meetingAt: string | null;
  location: string | null;
  attendance: { unitId: string; people: string }[];
  laggards: { unitId: string; explanation: string }[];
  requirements: string | null;
  createdAt: string;
  heldAt: string | null;
  minutesIssuedAt: string | null;
}

export type ItemSource = 'case' | 'leader' | 'media' | 'netizen' | 'platform';
export const ITEM_SOURCES: readonly ItemSource[] = ['case', 'leader', 'media', 'netizen', 'platform'];

export type ItemState = 'queued' | 'on_agenda' | 'decided' | 'to_leaders' | 'withdrawn';

/** An unclear-responsibility matter (R4) and, once the meeting decided it, its determination (R1). */
export interface Item {
  id: string;
  areaUnitId: string;
  sessionId: string | null;
  source: ItemSource | string;
  title: string;
  description: string;
  categoryCode: string | null;
  placeUnitId: string | null;
  involvedUnitIds: string[];
  state: ItemState | string;
  principle: Principle | string | null;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  basis: string | null;
  reasoning: string | null;
  ruleId: string | null;
  ledgerItemId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** `GET /api/consultation/queue`: queued items and the cases marked unclear that wait on no item. */
export interface Queue {
  items: Item[];
  waitingCases: CaseView[];
}

export interface NewSession {
  areaUnitId: string;
  kind: 'monthly' | 'extra';
  month?: string;
  title?: string;
}

export interface NewItem {
  areaUnitId: string;
  source: ItemSource;
  title: string;
  description: string;
  categoryCode?: string;
  placeUnitId?: string;
  involvedUnitIds?: string[];
  caseIds?: string[];
}

export interface Determination {
  itemId: string;
  outcome: 'decided' | 'to_leaders';
  principle?: Principle;
  leadUnitId?: string;
  cooperatingUnitIds?: string[];
  basis?: string;
  reasoning?: string;
  categoryCode?: string;
  areaUnitId?: string;
}

/** `POST /api/consultation/sessions/:id/meeting` (R6). */
export interface MeetingRecord {
  attendance: { unitId: string; people: string }[];
  laggards?: { unitId: string; explanation: string }[];
  requirements?: string;
  determinations: Determination[];
}

/** `POST /api/consultation/items/:id/dispatch-cases`. */
export interface DispatchResult {
  dispatched: string[];
  skipped: { caseId: string; code: string }[];
}

/** An item involving units I work for (GET /api/consultation/my-items). */
export interface MyItem {
  item: Item;
  session: Session;
  units: { unitId: string; name: string; submittedAt: string | null }[];
}
