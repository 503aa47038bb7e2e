import { describe, expect, it } from 'vitest';
import { checkCoverage, GridIndex, loadCountyDivisions } from '../modules/org/index.ts';
import { planDemoUnits } from './demo.ts';
import { type Rect, rectPolygon, townshipCells } from './demo-geometry.ts';

const divisions = loadCountyDivisions('370782', 'bundled');
const planned = planDemoUnits(divisions);
const grids = planned.filter((u) => u.kind === 'grid');

describe('the demo city of 诸城市', () => {
  it('G2: has 3–6 grids in each of the 259 real communities', () => {
    expect(grids.length).toBe(1166);
    const perCommunity = new Map<string, number>();
    for (const g of grids) perCommunity.set(g.parent, (perCommunity.get(g.parent) ?? 0) + 1);
    expect(perCommunity.size).toBe(259);
    for (const n of perCommunity.values()) expect(n >= 3 && n <= 6).toBe(true);
  });

  it('G3: locate answers for a point in every one of its grids', () => {
    const index = new GridIndex(
      grids.map((g) => ({ id: g.code, boundary: rectPolygon(g.boundary as Rect) })),
    );
    for (const grid of grids) {
      const [w, s, e, n] = grid.boundary as Rect;
      expect(index.locate((w + e) / 2, (s + n) / 2), grid.code).toBe(grid.code);
    }
  });

  it('G3: the grids of every township neither overlap nor leave gaps', () => {
    const cells = townshipCells(divisions.townships.length);
    divisions.townships.forEach((township, t) => {
      const own = grids.filter((g) => g.code.startsWith(township.code));
      const report = checkCoverage(
        own.map((g) => ({ code: g.code, name: g.name, boundary: rectPolygon(g.boundary as Rect) })),
        rectPolygon(cells[t] as Rect),
      );
      expect(report.overlaps, township.name).toEqual([]);
      expect(report.uncoveredM2 ?? 0, township.name).toBeLessThan(1);
    });
  });

  it('G7: stations the four agencies in every township, each with its department', () => {
    const agencies = planned.filter((u) => u.kind === 'agency');
    expect(agencies).toHaveLength(14 * 4);
    for (const agency of agencies)
      expect(planned.find((u) => u.code === agency.department)?.kind).toBe('department');
  });
});
