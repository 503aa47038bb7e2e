import type { Locale } from '../i18n/translate.ts';

/** The signed-in user, as `GET /api/auth/me` returns it. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  mustChangePassword: boolean;
  orgUnit: { id: string; name: string } | null;
  roles: { role: string; orgUnitId: string; orgUnitName: string }[];
  /** What the user may do, e.g. 'org.read'; the menu follows this list. */
  actions: string[];
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  level: number;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  orgUnit: { id: string; name: string } | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  roles: { id: string; role: string; orgUnitId: string; orgUnitName: string }[];
}

export interface NewAccount {
  username: string;
  displayName: string;
  orgUnitId: string;
  initialPassword: string;
}

export interface Grant {
  id: string;
  accountId: string;
  role: string;
  orgUnitId: string;
  orgUnitName: string;
  grantedAt: string;
}

export interface NewGrant {
  accountId: string;
  role: string;
  orgUnitId: string;
}

export interface AuditEvent {
  id: string;
  stream: string;
  seq: number;
  /** ISO 8601 with offset, e.g. 2026-03-01T09:30:00+08:00. */
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  payload: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEvent[];
  /** Pass as `before` to read the next (older) page; null when there is none. */
  nextBefore: string | null;
}

export type ChainProblemKind = 'altered' | 'removed' | 'broken_link' | 'head_mismatch';

export interface VerifyResult {
  ok: boolean;
  streams: number;
  checked: number;
  problem: {
    stream: string;
    seq: number;
    eventId: string | null;
    kind: ChainProblemKind;
    message: string;
    message_en: string;
  } | null;
}

export interface Items<T> {
  items: T[];
}

/** One day of the work calendar (`GET /api/calendar/days`). */
export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  workday: boolean;
  /** The holiday's name, on its rest days and on its make-up workdays. */
  holiday: string | null;
  /** A make-up workday (调休补班); always a workday. */
  makeup: boolean;
}

export interface CalendarDays {
  from: string;
  to: string;
  days: CalendarDay[];
}

/** A day as it should be; a day equal to its weekday/weekend default loses its exception. */
export interface DayChange {
  date: string;
  workday: boolean;
  holiday: string | null;
  makeup: boolean;
}

/** What a calendar change did: the days that really changed, how many running obligations were recomputed. */
export interface CalendarChangeResult {
  changedDays: DayChange[];
  recomputed: number;
  /** The years loaded by an arrangement or a file. */
  years: number[];
}

export interface CalendarYear {
  year: number;
  source: string;
  loadedAt: string;
}

export interface CalendarArrangement {
  year: number;
  source: string;
  holidays: { name: string; off: [string, string]; work: string[] }[];
}

export interface OfficePeriod {
  /** HH:MM. */
  start: string;
  end: string;
}

export interface NewOfficeHours {
  name: string;
  validFrom: string;
  /** null: open-ended. */
  validTo: string | null;
  periods: OfficePeriod[];
}

export interface OfficeHours extends NewOfficeHours {
  id: string;
  createdAt: string;
}

export interface DueResult {
  start: string;
  rule: string;
  due: string;
}
