import type { Me } from '../../lib/api-types.ts';
import { fromShanghaiInput } from '../cases/call-form.ts';
import type { Principle } from '../routing/routing-types.ts';
import type { Determination, Item, MeetingRecord, SessionState } from './consultation-types.ts';

/** Roles that read the consultation (the server's consultation.read): where they hold it, the area may be one. */
export const CONSULTATION_READ_ROLES: readonly string[] = [
  'social_mgmt_officer',
  'establishment_officer',
  'legal_officer',
  'supervision_officer',
  'leader',
  'centre_dispatcher',
];

/** Units the consultation kinds of area can be: sessions are held for a district or a city (R2). */
export const SESSION_AREA_KINDS: readonly string[] = ['district', 'city'];

/** The units where the reader's grants read the consultation (the page keeps those that are districts or cities). */
export function areaCandidates(roles: Me['roles']): string[] {
  return [...new Set(roles.filter((g) => CONSULTATION_READ_ROLES.includes(g.role)).map((g) => g.orgUnitId))];
}

/** 征集 → 议程确定 → 已召开 → 纪要印发: the step a session is at (0…3). */
export function sessionStep(state: SessionState | string): number {
  switch (state) {
    case 'agenda_fixed':
      return 1;
    case 'held':
      return 2;
    case 'minutes_issued':
      return 3;
    default:
      return 0;
  }
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10`: the month of an instant in Asia/Shanghai. */
export function shanghaiMonth(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The month after `month` (`2026-12` → `2027-01`). */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`;
}

/** The months a monthly session may be opened for: this one and the next `count - 1`. */
export function monthChoices(now: number, count = 3): string[] {
  const months = [shanghaiMonth(now)];
  while (months.length < count) months.push(nextMonth(months.at(-1) as string));
  return months;
}

/** The number of days of a month (`2026-02` → 28). */
function daysIn(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/**
 * Why a meeting time would be refused (the server checks the same): not a time, not in
 * the future, or — for a monthly session — not in the last ten days (from the 21st) of
 * its month (R2). Null when it is fine. `input` is a `datetime-local` value (Shanghai).
 */
export function meetingTimeProblem(
  input: string | undefined,
  month: string | null,
  now: number,
): 'bad' | 'past' | 'notLateMonth' | null {
  const iso = fromShanghaiInput(input);
  if (!iso) return 'bad';
  if (Date.parse(iso) <= now) return 'past';
  if (month && (iso.slice(0, 7) !== month || Number(iso.slice(8, 10)) < 21)) return 'notLateMonth';
  return null;
}

/**
 * A meeting time to start the agenda form with: for a monthly session 15:00 on the 21st,
 * or on the first later day of the month that is still ahead; for an extra session 15:00
 * tomorrow. Empty when the month has no such day left.
 */
export function defaultMeetingTime(month: string | null, now: number): string {
  const tomorrow = new Date(now + SHANGHAI_OFFSET_MS + 24 * 60 * 60 * 1000);
  const at = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T15:00`;
  if (!month) return at(tomorrow);
  for (let day = 21; day <= daysIn(month); day += 1) {
    const candidate = `${month}-${pad(day)}T15:00`;
    if (meetingTimeProblem(candidate, month, now) === null) return candidate;
  }
  return '';
}

/** The involved units of the agenda's items, each once: the units that must attend (R3). */
export function involvedUnits(items: readonly Item[]): string[] {
  return [...new Set(items.flatMap((item) => item.involvedUnitIds))];
}

/** What the meeting form holds for one item. */
export interface DeterminationValues {
  outcome?: 'decided' | 'to_leaders';
  principle?: Principle;
  leadUnitId?: string;
  cooperatingUnitIds?: string[];
  basis?: string;
  reasoning?: string;
  categoryCode?: string;
  areaUnitId?: string;
}

/** What the meeting form holds (R6). */
export interface MeetingValues {
  attendance?: { unitId?: string; people?: string }[];
  laggards?: { unitId?: string; explanation?: string }[];
  requirements?: string;
  /** One per item, in the agenda's order. */
  determinations?: DeterminationValues[];
}

const trimmed = (text: string | undefined) => text?.trim() || undefined;

/**
 * The meeting record to send: rows without a unit are left out, text trimmed, one
 * determination per item in the agenda's order (so the server's `determinations.n.…`
 * errors point at the form's n-th item). A decision sends its category and area only
 * where they differ from the item's (the server defaults to those).
 */
export function meetingBody(values: MeetingValues, items: readonly Item[]): MeetingRecord {
  const attendance = (values.attendance ?? [])
    .filter((row) => row?.unitId)
    .map((row) => ({ unitId: row.unitId as string, people: row.people?.trim() ?? '' }));
  const laggards = (values.laggards ?? [])
    .filter((row) => row?.unitId)
    .map((row) => ({ unitId: row.unitId as string, explanation: row.explanation?.trim() ?? '' }));
  const determinations = items.map((item, i): Determination => {
    const d = values.determinations?.[i] ?? {};
    if (d.outcome === 'to_leaders') {
      return { itemId: item.id, outcome: 'to_leaders', reasoning: trimmed(d.reasoning) };
    }
    const out: Determination = {
      itemId: item.id,
      outcome: 'decided',
      principle: d.principle,
      leadUnitId: d.leadUnitId,
      basis: trimmed(d.basis),
      reasoning: trimmed(d.reasoning),
    };
    if (d.cooperatingUnitIds?.length) out.cooperatingUnitIds = d.cooperatingUnitIds;
    if (d.categoryCode && d.categoryCode !== item.categoryCode) out.categoryCode = d.categoryCode;
    if (d.areaUnitId && d.areaUnitId !== item.placeUnitId) out.areaUnitId = d.areaUnitId;
    return out;
  });
  const body: MeetingRecord = { attendance, determinations };
  if (laggards.length > 0) body.laggards = laggards;
  const requirements = trimmed(values.requirements);
  if (requirements) body.requirements = requirements;
  return body;
}

/** Where the server's error about a determination points: the item's position, from `determinations.2.basis`. */
export function determinationIndex(field: string | undefined): number | null {
  const match = field ? /(?:^|\.)determinations\.(\d+)(?:\.|$)/.exec(field) : null;
  return match ? Number(match[1]) : null;
}
