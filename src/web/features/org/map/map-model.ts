import type { GeoGeometry, GridFeatureCollection } from '../../../lib/api-types.ts';
import { boundsOf, containsPoint, equirectangular, type Projection, pathOf } from './geo.ts';

/** One area of the map, ready to draw: its SVG path and where its label goes, in view-box units. */
export interface MapArea {
  code: string;
  name: string;
  /** The grid's community (from the feature's parentId). */
  communityId: string | null;
  geometry: GeoGeometry;
  d: string;
  /** Middle of the top edge of the area's box: where its label sits. */
  top: [x: number, y: number];
  /** Middle of the area's box: where the arrow keys measure from. */
  centre: [x: number, y: number];
  /** Bottom of the area's box. */
  bottom: number;
}

export interface MapModel {
  projection: Projection;
  grids: MapArea[];
  /** The township's own outline, when the collection has it (the feature with its code). */
  township: MapArea | null;
  /** Communities in the order of their grids' codes: the order colours are handed out in. */
  communityIds: string[];
}

function isGeometry(value: unknown): value is GeoGeometry {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  return (g?.type === 'Polygon' || g?.type === 'MultiPolygon') && Array.isArray(g.coordinates);
}

/**
 * The township's grids (and its outline) projected to fit a square view box of `size`
 * units; null when the collection holds no boundary at all. Grids sort by code.
 */
export function buildMapModel(
  collection: GridFeatureCollection,
  townshipCode: string,
  size = 1000,
): MapModel | null {
  const features = collection.features.filter(
    (f) => isGeometry(f.geometry) && typeof f.properties?.code === 'string',
  );
  const bounds = boundsOf(features.map((f) => f.geometry));
  if (!bounds) return null;
  const projection = equirectangular(bounds, size);
  const toArea = (feature: (typeof features)[number]): MapArea => {
    const box = boundsOf([feature.geometry]) as NonNullable<ReturnType<typeof boundsOf>>;
    const [left, top] = projection.project(box.minLng, box.maxLat);
    const [right, bottom] = projection.project(box.maxLng, box.minLat);
    return {
      code: feature.properties.code,
      name: feature.properties.name,
      communityId: feature.properties.parentId,
      geometry: feature.geometry,
      d: pathOf(feature.geometry, projection),
      top: [(left + right) / 2, top],
      centre: [(left + right) / 2, (top + bottom) / 2],
      bottom,
    };
  };
  const townshipFeature = features.find((f) => f.properties.code === townshipCode);
  const grids = features
    .filter((f) => f.properties.code !== townshipCode)
    .map(toArea)
    .sort((a, b) => a.code.localeCompare(b.code));
  const communityIds: string[] = [];
  for (const grid of grids) {
    if (grid.communityId !== null && !communityIds.includes(grid.communityId))
      communityIds.push(grid.communityId);
  }
  return { projection, grids, township: townshipFeature ? toArea(townshipFeature) : null, communityIds };
}

/** The grid of the map that holds the point, if any. */
export function gridAt(model: MapModel, lng: number, lat: number): MapArea | null {
  return model.grids.find((grid) => containsPoint(grid.geometry, lng, lat)) ?? null;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * For the arrow keys: the area nearest to `from` in a direction (screen coordinates, y
 * down), measured between centres, going straight ahead counting for more than sideways.
 * Null when nothing lies that way.
 */
export function nearestInDirection(
  centres: readonly (readonly [number, number])[],
  from: number,
  direction: Direction,
): number | null {
  const origin = centres[from];
  if (!origin) return null;
  let best: number | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  centres.forEach(([x, y], i) => {
    if (i === from) return;
    const dx = x - origin[0];
    const dy = y - origin[1];
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) return;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
