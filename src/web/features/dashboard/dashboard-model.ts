import type { Dashboard, GridCell } from './dashboard-types.ts';

/** A rate (0–1) as a percentage with one decimal, Chinese style `96.3%`; `—` when there is none. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The last day of a period given as [from, to): the day before `to`. */
export function lastDayOf(to: string): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** `09-21` for the trend's axis. */
export const shortDay = (day: string) => day.slice(5);

/**
 * The density classes of the grid map: 0 cases is its own class (no shading); the rest
 * split into up to four classes at the quartiles of the non-zero counts, so a few busy
 * grids do not wash out the map. Returns the upper bound of each class, ascending.
 */
export function densityBreaks(counts: readonly number[]): number[] {
  const positive = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const at = (q: number) =>
    positive[Math.min(positive.length - 1, Math.ceil(q * positive.length) - 1)] as number;
  const breaks = [at(0.25), at(0.5), at(0.75), positive[positive.length - 1] as number];
  return [...new Set(breaks)];
}

/** Light to dark reds for the density classes; the 0 class is a neutral grey. */
export const DENSITY_COLOURS = ['#fee5d9', '#fcae91', '#fb6a4a', '#cb181d'] as const;
export const EMPTY_COLOUR = '#f5f5f5';

/** The fill of a grid with `count` cases, given the breaks. */
export function densityColour(count: number, breaks: readonly number[]): string {
  if (count <= 0 || breaks.length === 0) return EMPTY_COLOUR;
  const index = breaks.findIndex((b) => count <= b);
  const klass = index === -1 ? breaks.length - 1 : index;
  // Fewer than four classes use the darker end, so the busiest is always the darkest.
  return DENSITY_COLOURS[DENSITY_COLOURS.length - breaks.length + klass] as string;
}

/** The legend: each class's range, e.g. `1–3`, `4`, `5–12`. */
export function densityLegend(breaks: readonly number[]): { label: string; colour: string }[] {
  return breaks.map((upper, i) => {
    const lower = i === 0 ? 1 : (breaks[i - 1] as number) + 1;
    return {
      label: lower === upper ? String(upper) : `${lower}–${upper}`,
      colour: densityColour(upper, breaks),
    };
  });
}

/**
 * Keeps the grids' boundaries from the first read when a refresh (geometry=0) brings only
 * the counts: the counts of the refresh, the boundaries of before.
 */
export function mergeGrids(previous: readonly GridCell[] | undefined, next: readonly GridCell[]): GridCell[] {
  if (!previous) return [...next];
  const shapes = new Map(previous.map((g) => [g.gridId, g.boundary]));
  return next.map((g) => (g.boundary === undefined ? { ...g, boundary: shapes.get(g.gridId) } : g));
}

/** The refresh period of the page: the API reuses an area's answer for 30 s. */
export const REFRESH_MS = 60_000;

/** Whether a dashboard has any case at all this month (else the page says so instead of empty charts). */
export const isQuietMonth = (d: Dashboard) =>
  d.month.raised === 0 && d.month.dispatched === 0 && d.month.closed === 0 && d.today.overdueNow === 0;
