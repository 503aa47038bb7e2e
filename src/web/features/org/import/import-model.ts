import type { ImportIssue } from '../../../lib/api-types.ts';

/** Bytes as base64, a slice at a time (one call per byte would overflow the stack on a large file). */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

function isIssue(value: unknown): value is ImportIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.row === 'number' && typeof v.message === 'string';
}

/**
 * The list of problems of a refused import (422 IMPORT_INVALID): `error.errors` in the
 * error envelope; also read at the top level, where an earlier draft of the API put it.
 * A missing column or English text is filled in.
 */
export function importIssuesOf(body: unknown): ImportIssue[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as { error?: { errors?: unknown }; errors?: unknown };
  const list = Array.isArray(b.error?.errors) ? b.error.errors : Array.isArray(b.errors) ? b.errors : [];
  return list.filter(isIssue).map((issue) => ({
    row: issue.row,
    column: typeof issue.column === 'string' ? issue.column : '',
    message: issue.message,
    message_en: typeof issue.message_en === 'string' && issue.message_en ? issue.message_en : issue.message,
  }));
}

export type GeoJsonFile =
  | { ok: true; collection: { type: 'FeatureCollection'; features: unknown[] } }
  | { ok: false; reason: 'json' | 'collection' };

/**
 * The text of a .geojson file, parsed far enough to send: JSON holding a FeatureCollection.
 * Everything else about it (codes, geometry, overlaps) the server checks.
 */
export function parseGeoJsonText(text: string): GeoJsonFile {
  let value: unknown;
  try {
    // A byte-order mark is common in files saved on Windows.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'json' };
  }
  const v = value as { type?: unknown; features?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    v.type !== 'FeatureCollection' ||
    !Array.isArray(v.features)
  )
    return { ok: false, reason: 'collection' };
  return { ok: true, collection: { type: 'FeatureCollection', features: v.features } };
}

/**
 * The feature an error of the boundary import names (`features.3.geometry`): its position
 * in the file (1-based, as people count) and its code and name when it has them.
 */
export function featureOfField(
  field: string | undefined,
  features: readonly unknown[],
): { position: number; code: string | null; name: string | null } | null {
  const match = field ? /^(?:body\.)?features\.(\d+)(?:\.|$)/.exec(field) : null;
  if (!match) return null;
  const index = Number(match[1]);
  const properties = (features[index] as { properties?: { code?: unknown; name?: unknown } } | undefined)
    ?.properties;
  return {
    position: index + 1,
    code: typeof properties?.code === 'string' ? properties.code : null,
    name: typeof properties?.name === 'string' ? properties.name : null,
  };
}

/** A county code as the division import takes it: six digits (GB/T 2260). */
export function isCountyCode(text: string): boolean {
  return /^\d{6}$/.test(text.trim());
}
