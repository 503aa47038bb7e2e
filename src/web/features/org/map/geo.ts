import type { GeoGeometry, GeoPosition } from '../../../lib/api-types.ts';

/**
 * The little geometry the grid map needs, without a map library: bounds, an
 * equirectangular projection onto an SVG view box, polygons as SVG path data, and
 * point-in-polygon. Positions are GeoJSON's [longitude, latitude] in WGS 84.
 */

export interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** The polygons of a geometry (a Polygon is one), each a list of rings, the first the outline. */
export function polygonsOf(geometry: GeoGeometry): GeoPosition[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The bounding box of some geometries; null when they hold no position. */
export function boundsOf(geometries: Iterable<GeoGeometry>): Bounds | null {
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      // The outline holds the holes: it alone decides the bounds.
      for (const [lng, lat] of polygon[0] ?? []) {
        if (lng < minLng) minLng = lng;
        if (lng > maxLng) maxLng = lng;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return minLng <= maxLng ? { minLng, minLat, maxLng, maxLat } : null;
}

export interface Projection {
  /** The view box: 0 0 width height. */
  width: number;
  height: number;
  project(lng: number, lat: number): [x: number, y: number];
  invert(x: number, y: number): [lng: number, lat: number];
}

/**
 * Equirectangular projection of `bounds` into a box of at most `size` × `size` units (the
 * view box; the SVG then scales to the page's width), `padding` units kept free around it.
 * Longitudes shrink by the cosine of the middle latitude, so shapes keep their proportions
 * at a township's scale (a few kilometres), where this is as good as any projection.
 */
export function equirectangular(bounds: Bounds, size = 1000, padding = 10): Projection {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const spanX = (bounds.maxLng - bounds.minLng) * kx;
  const spanY = bounds.maxLat - bounds.minLat;
  const inner = size - 2 * padding;
  const biggest = Math.max(spanX, spanY);
  // A single point (no extent) sits in the middle of the box.
  const scale = biggest > 0 ? inner / biggest : 1;
  const width = Math.max(spanX * scale, 1) + 2 * padding;
  const height = Math.max(spanY * scale, 1) + 2 * padding;
  return {
    width,
    height,
    project: (lng, lat) => [
      padding + (lng - bounds.minLng) * kx * scale,
      padding + (bounds.maxLat - lat) * scale,
    ],
    invert: (x, y) => [bounds.minLng + (x - padding) / (kx * scale), bounds.maxLat - (y - padding) / scale],
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * SVG path data for a Polygon or MultiPolygon: one closed subpath per ring, coordinates to
 * a tenth of a unit, repeated points dropped. Holes are rings too; draw with
 * fill-rule="evenodd" so they stay open.
 */
export function pathOf(geometry: GeoGeometry, projection: Projection): string {
  const parts: string[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      let previous = '';
      const points: string[] = [];
      for (const [lng, lat] of ring) {
        const [x, y] = projection.project(lng, lat);
        const point = `${round(x)} ${round(y)}`;
        if (point !== previous) points.push(point);
        previous = point;
      }
      // The closing position repeats the first; Z closes the ring.
      if (points.length > 1 && points[0] === points[points.length - 1]) points.pop();
      if (points.length < 3) continue;
      parts.push(`M${points.join('L')}Z`);
    }
  }
  return parts.join('');
}

/** Ray casting: whether the point lies inside the ring (a point on the edge may go either way). */
function inRing(lng: number, lat: number, ring: readonly GeoPosition[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as GeoPosition;
    const [xj, yj] = ring[j] as GeoPosition;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies inside the geometry: inside an outline and in none of its holes. */
export function containsPoint(geometry: GeoGeometry, lng: number, lat: number): boolean {
  return polygonsOf(geometry).some(
    ([outline, ...holes]) =>
      outline !== undefined && inRing(lng, lat, outline) && !holes.some((hole) => inRing(lng, lat, hole)),
  );
}

/** The centre of a geometry's bounding box, [lng, lat]. */
export function boundsCentre(geometry: GeoGeometry): [number, number] | null {
  const bounds = boundsOf([geometry]);
  if (!bounds) return null;
  return [(bounds.minLng + bounds.maxLng) / 2, (bounds.minLat + bounds.maxLat) / 2];
}

export interface AreaColour {
  fill: string;
  stroke: string;
}

/**
 * A colour for each key (a community), in the order given: hues a golden angle apart, so
 * neighbours in the list, which are usually neighbours on the map, differ clearly. Light
 * fills keep the outlines and the highlight readable.
 */
export function coloursFor(keys: readonly string[]): Map<string, AreaColour> {
  const colours = new Map<string, AreaColour>();
  keys.forEach((key, i) => {
    const hue = Math.round((i * 137.508 + 200) % 360);
    colours.set(key, { fill: `hsl(${hue}, 65%, 82%)`, stroke: `hsl(${hue}, 45%, 38%)` });
  });
  return colours;
}

/** Square metres as the reader reads numbers: 12,345.6 m² and 0.01 km². */
export function formatArea(m2: number, locale: string): { m2: string; km2: string } {
  const m2Text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m2);
  const km2 = m2 / 1_000_000;
  const km2Text = new Intl.NumberFormat(locale, {
    maximumFractionDigits: km2 >= 100 ? 1 : km2 >= 1 ? 2 : 4,
  }).format(km2);
  return { m2: `${m2Text} m²`, km2: `${km2Text} km²` };
}

/** A latitude or longitude typed by a person: decimal degrees within range, or null. */
export function parseDegrees(text: string, limit: 90 | 180): number | null {
  const trimmed = text.trim().replace(/[°\s]+$/u, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Math.abs(value) <= limit ? value : null;
}
