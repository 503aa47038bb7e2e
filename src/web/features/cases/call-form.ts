import type { Locale } from '../../i18n/translate.ts';
import { categoryName } from './case-labels.ts';
import type { CaseChannel, Category, NewCall } from './case-types.ts';

export interface CategoryOption {
  value: string;
  label: string;
  /** Lower-case text a search matches: both names, the code, the keywords, the group's names. */
  search: string;
}

export interface CategoryGroup {
  label: string;
  /** antd's group title (also the group's accessible name). */
  title: string;
  options: CategoryOption[];
}

/**
 * The catalogue's leaves (小类) under their branches (大类), in catalogue order; a call
 * must name a leaf. A leaf whose branch is missing is grouped under its parent's code.
 */
export function categoryGroups(items: readonly Category[], locale: Locale): CategoryGroup[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const groups = new Map<string, CategoryGroup>();
  for (const item of items) {
    if (item.parentCode === null || item.retiredAt) continue;
    const parent = byCode.get(item.parentCode);
    const groupLabel = parent ? categoryName(parent, locale) : item.parentCode;
    let group = groups.get(item.parentCode);
    if (!group) {
      group = { label: groupLabel, title: groupLabel, options: [] };
      groups.set(item.parentCode, group);
    }
    const search = [item.nameZh, item.nameEn, item.code, item.keywords, parent?.nameZh, parent?.nameEn]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    group.options.push({ value: item.code, label: categoryName(item, locale), search });
  }
  return [...groups.values()];
}

/** Every word typed must appear somewhere in the option's search text (漏水, "water leak"). */
export function matchesCategory(input: string, option: unknown): boolean {
  const search =
    typeof option === 'object' && option !== null && 'search' in option && typeof option.search === 'string'
      ? option.search
      : '';
  if (!search) return false;
  const words = input.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => search.includes(word));
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The value of an `<input type="datetime-local">` for an instant, as a wall clock in
 * Asia/Shanghai (UTC+8 all year), whatever the browser's own zone.
 */
export function shanghaiInputValue(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

/** `2026-09-21T08:30` (Shanghai wall clock) → `2026-09-21T08:30:00+08:00`; null when not such a value. */
export function fromShanghaiInput(text: string | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const iso = `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** What the raise form holds. */
export interface CallValues {
  category?: string;
  occurredAt?: string;
  address?: string;
  party?: string;
  situation?: string;
  demand?: string;
  /** The unit's name as shown or typed; `proposedUnitId` is set only when picked from the list. */
  proposedUnitText?: string;
  proposedUnitId?: string;
  channel?: CaseChannel;
}

/**
 * Whether the user has begun another call in the emptied form: anything written or picked
 * besides the time and channel a new form starts with. (A control that reports its own
 * reset as a change does not count, as antd's "touched" would.)
 */
export function startedNextCall(values: CallValues & { photoIds?: readonly string[] }): boolean {
  const filled = (value: unknown) =>
    Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value != null;
  return (
    [
      values.category,
      values.address,
      values.party,
      values.situation,
      values.demand,
      values.proposedUnitText,
      values.proposedUnitId,
      values.photoIds,
    ] as unknown[]
  ).some(filled);
}

export interface Position {
  lat: number;
  lng: number;
  /** Metres, as the device reports it. */
  accuracy?: number;
}

/**
 * The request for a call: trimmed text, empty fields left out (the server names every
 * missing element, C6), the time in Asia/Shanghai, the position when one was taken.
 * A unit picked from the list goes as its id, anything typed as text.
 */
export function callBody(values: CallValues, position: Position | null): NewCall {
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const body: NewCall = { category: values.category ?? '', channel: values.channel ?? 'grid_app' };
  const occurredAt = fromShanghaiInput(values.occurredAt);
  if (occurredAt) body.occurredAt = occurredAt;
  if (position) {
    body.lat = position.lat;
    body.lng = position.lng;
  }
  const fields = ['address', 'party', 'situation', 'demand'] as const;
  for (const field of fields) {
    const value = text(values[field]);
    if (value) body[field] = value;
  }
  if (values.proposedUnitId) body.proposedUnitId = values.proposedUnitId;
  else {
    const unitText = text(values.proposedUnitText);
    if (unitText) body.proposedUnitText = unitText;
  }
  return body;
}

/** Coordinates shown to people: 5 decimals (about a metre). */
export function formatPosition(position: { lat: number; lng: number }): string {
  return `${position.lat.toFixed(5)}, ${position.lng.toFixed(5)}`;
}
