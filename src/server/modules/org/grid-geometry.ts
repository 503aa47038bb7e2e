import area from '@turf/area';
import bbox from '@turf/bbox';
import booleanValid from '@turf/boolean-valid';
import difference from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import kinks from '@turf/kinks';
import union from '@turf/union';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { badRequest } from '../../core/errors.ts';

export type Area = Polygon | MultiPolygon;

/** Overlaps smaller than this (square metres) are drawing noise along shared edges, not overlaps. */
const OVERLAP_TOLERANCE_M2 = 1;

/**
 * A boundary as GeoJSON: a Polygon or MultiPolygon in WGS 84 longitude/latitude,
 * closed rings, valid per the OGC simple-feature rules. Refused with the field at fault.
 */
export function checkBoundary(value: unknown, field: string): Area {
  const geometry = value as Area;
  const bad = (zh: string, en: string) =>
    badRequest('BAD_GEOJSON', `边界无效：${zh}`, `Invalid boundary: ${en}`, field);
  if (
    !geometry ||
    (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
    !Array.isArray(geometry.coordinates)
  ) {
    throw bad('须为 Polygon 或 MultiPolygon', 'it must be a Polygon or MultiPolygon');
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) throw bad('缺少坐标环', 'a polygon has no rings');
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4)
        throw bad('每个环至少 4 个点', 'each ring needs at least 4 positions');
      for (const position of ring) {
        const [lng, lat] = position as number[];
        if (typeof lng !== 'number' || typeof lat !== 'number' || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
          throw bad('坐标须为经度、纬度（WGS 84）', 'positions must be [longitude, latitude] in WGS 84');
        }
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) throw bad('环须首尾闭合', 'rings must be closed');
    }
  }
  // booleanValid misses a ring that crosses itself (a bow tie); kinks finds those.
  if (!booleanValid(geometry) || kinks(geometry).features.length > 0) {
    throw bad('自相交或结构错误', 'it intersects itself or is malformed');
  }
  return geometry;
}

export interface GridShape {
  code: string;
  name: string;
  boundary: Area;
}

export interface CoverageReport {
  grids: number;
  /** G3 exclusive: pairs of grids that overlap, with the shared area in m². */
  overlaps: { a: string; b: string; areaM2: number }[];
  /** G3 complete: the township's area not covered by any grid (null without a township boundary). */
  uncoveredM2: number | null;
  townshipM2: number | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * G3 (横到边、纵到底、全覆盖、无缝隙): the L3 grids of a township must not overlap, and
 * together must cover the township. Candidate pairs come from a bounding-box index,
 * so a township of hundreds of grids is checked without comparing every pair.
 */
export function checkCoverage(grids: GridShape[], township: Area | null): CoverageReport {
  const overlaps: CoverageReport['overlaps'] = [];
  if (grids.length > 1) {
    const index = new Flatbush(grids.length);
    const boxes = grids.map((g) => bbox(g.boundary));
    for (const box of boxes) index.add(box[0], box[1], box[2], box[3]);
    index.finish();
    grids.forEach((grid, i) => {
      const box = boxes[i] as number[];
      for (const j of index.search(box[0] as number, box[1] as number, box[2] as number, box[3] as number)) {
        if (j <= i) continue;
        const other = grids[j] as GridShape;
        const shared = intersect(featureCollection([feature(grid.boundary), feature(other.boundary)]));
        const m2 = shared ? area(shared) : 0;
        if (m2 > OVERLAP_TOLERANCE_M2) overlaps.push({ a: grid.code, b: other.code, areaM2: round(m2) });
      }
    });
  }
  let uncoveredM2: number | null = null;
  let townshipM2: number | null = null;
  if (township) {
    townshipM2 = round(area(township));
    const covered: Feature<Area> | null =
      grids.length === 0
        ? null
        : grids.length === 1
          ? feature((grids[0] as GridShape).boundary)
          : union(featureCollection(grids.map((g) => feature(g.boundary))));
    const rest = covered ? difference(featureCollection([feature(township), covered])) : feature(township);
    uncoveredM2 = rest ? round(area(rest)) : 0;
  }
  return { grids: grids.length, overlaps, uncoveredM2, townshipM2 };
}
