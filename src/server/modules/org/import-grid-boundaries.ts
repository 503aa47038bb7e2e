import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { type Area, type CoverageReport, checkBoundary, checkCoverage } from './grid-geometry.ts';
import { gridsOfTownship } from './grids.repository.ts';
import { findOrgUnit } from './org.repository.ts';
import { orgUnits } from './org.tables.ts';

export interface ImportGridBoundariesOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  townshipId: string;
  /** A GeoJSON FeatureCollection: one feature per grid (properties.code), optionally one for the township itself. */
  collection: unknown;
}

/**
 * Sets the boundaries of a township's grids from a FeatureCollection, all or nothing.
 * G3: the township's grids, as they would be after the import, must not overlap; the
 * report also gives the township area no grid covers when a township boundary is known.
 */
export async function importGridBoundaries(
  options: ImportGridBoundariesOptions,
): Promise<CoverageReport & { updated: number }> {
  const { db, caller } = options;
  const township = await findOrgUnit(db, options.townshipId);
  if (!township) throw notFound('Township', '镇街');
  if (township.kind !== 'township')
    throw badRequest(
      'NOT_A_TOWNSHIP',
      '只能按镇街导入网格边界',
      'Grid boundaries are imported per township',
      'townshipId',
    );
  requireAccess(caller, 'org.manage', township.path);
  const collection = options.collection as { type?: string; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw badRequest(
      'BAD_GEOJSON',
      '须为 GeoJSON FeatureCollection',
      'A GeoJSON FeatureCollection is expected',
      'type',
    );
  }
  const grids = await gridsOfTownship(db, township.path);
  const byCode = new Map(grids.map((g) => [g.code, g]));
  const incoming = new Map<string, Area>();
  let townshipBoundary: Area | null = (township.boundary as Area | null) ?? null;
  (collection.features as { type?: string; properties?: { code?: unknown }; geometry?: unknown }[]).forEach(
    (feature, i) => {
      const code = typeof feature?.properties?.code === 'string' ? feature.properties.code : null;
      if (feature?.type !== 'Feature' || !code) {
        throw badRequest(
          'BAD_GEOJSON',
          `第 ${i + 1} 个要素缺少 properties.code`,
          `Feature ${i + 1} has no properties.code`,
          `features.${i}.properties.code`,
        );
      }
      const geometry = checkBoundary(feature.geometry, `features.${i}.geometry`);
      if (code === township.code) {
        townshipBoundary = geometry;
      } else if (byCode.has(code)) {
        if (incoming.has(code))
          throw badRequest(
            'DUPLICATE_GRID',
            `网格 ${code} 出现了两次`,
            `Grid ${code} appears twice`,
            `features.${i}`,
          );
        incoming.set(code, geometry);
      } else {
        throw badRequest(
          'UNKNOWN_GRID',
          `${code} 不是${township.name}的网格`,
          `${code} is not a grid of ${township.name}`,
          `features.${i}.properties.code`,
        );
      }
    },
  );
  const shapes = grids
    .map((g) => ({
      code: g.code,
      name: g.name,
      boundary: incoming.get(g.code) ?? (g.boundary as Area | null),
    }))
    .filter((g): g is { code: string; name: string; boundary: Area } => g.boundary !== null);
  const report = checkCoverage(shapes, townshipBoundary);
  if (report.overlaps.length > 0) {
    throw new AppError({
      status: 422,
      code: 'GRID_OVERLAP',
      zh: `网格边界重叠：${report.overlaps.map((o) => `${o.a} 与 ${o.b}（${o.areaM2} 平方米）`).join('；')}`,
      en: `Grid boundaries overlap: ${report.overlaps.map((o) => `${o.a} and ${o.b} (${o.areaM2} m²)`).join('; ')}`,
      field: 'features',
    });
  }
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    for (const [code, boundary] of incoming) {
      await tx
        .update(orgUnits)
        .set({ boundary })
        .where(eq(orgUnits.id, (byCode.get(code) as { id: string }).id));
    }
    if (townshipBoundary !== township.boundary) {
      await tx.update(orgUnits).set({ boundary: townshipBoundary }).where(eq(orgUnits.id, township.id));
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'org_unit', id: township.id },
      kind: 'org.grid_boundaries_imported',
      payload: {
        grids: [...incoming.keys()],
        townshipBoundary: townshipBoundary !== null,
        uncoveredM2: report.uncoveredM2,
      },
    });
    return { ...report, updated: incoming.size };
  });
}
