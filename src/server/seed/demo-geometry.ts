import type { Polygon } from 'geojson';

/** [west, south, east, north] in degrees. */
export type Rect = [number, number, number, number];

/** The demo county's extent, around 诸城市 (119.0–119.8°E, 35.7–36.3°N). */
const COUNTY: Rect = [119.05, 35.7, 119.75, 36.25];

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Cells for n townships on a near-square lattice covering the county. Edges are
 * computed from the same lattice lines, so neighbours share them exactly.
 */
export function townshipCells(n: number): Rect[] {
  const columns = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / columns);
  const [w, s, e, north] = COUNTY;
  const x = (i: number) => round(w + ((e - w) * i) / columns);
  const y = (j: number) => round(north - ((north - s) * j) / rows);
  return Array.from({ length: n }, (_, k) => {
    const i = k % columns;
    const j = Math.floor(k / columns);
    return [x(i), y(j + 1), x(i + 1), y(j)] as Rect;
  });
}

/** n horizontal strips of a rectangle, top to bottom: together they cover it exactly. */
export function splitRows(rect: Rect, n: number): Rect[] {
  const [w, s, e, north] = rect;
  const y = (j: number) => (j === n ? s : round(north - ((north - s) * j) / n));
  return Array.from({ length: n }, (_, j) => [w, y(j + 1), e, y(j)] as Rect);
}

/** n vertical slices of a rectangle, west to east. */
export function splitColumns(rect: Rect, n: number): Rect[] {
  const [w, s, e, north] = rect;
  const x = (i: number) => (i === n ? e : round(w + ((e - w) * i) / n));
  return Array.from({ length: n }, (_, i) => [x(i), s, x(i + 1), north] as Rect);
}

export function rectPolygon([w, s, e, n]: Rect): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}
