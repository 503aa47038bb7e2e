import { describe, expect, it } from 'vitest';
import type { GeoGeometry } from '../../lib/api-types.ts';
import {
  DENSITY_COLOURS,
  densityBreaks,
  densityColour,
  densityLegend,
  EMPTY_COLOUR,
  lastDayOf,
  mergeGrids,
  percentText,
} from './dashboard-model.ts';

describe('dashboard model', () => {
  it('A1: writes a rate as a percentage with one decimal, and a missing rate as a dash, never 0', () => {
    expect(percentText(0.9634)).toBe('96.3%');
    expect(percentText(1)).toBe('100.0%');
    expect(percentText(0)).toBe('0.0%');
    expect(percentText(null)).toBe('—');
  });

  it('names a period [from, to) by its last day', () => {
    expect(lastDayOf('2027-01-01')).toBe('2026-12-31');
    expect(lastDayOf('2026-03-01')).toBe('2026-02-28');
  });

  it('splits the non-zero grid counts at their quartiles; empty grids stay unshaded', () => {
    const counts = [0, 0, 1, 1, 2, 3, 4, 5, 8, 20];
    const breaks = densityBreaks(counts);
    expect(breaks).toEqual([1, 3, 5, 20]);
    expect(densityColour(0, breaks)).toBe(EMPTY_COLOUR);
    expect(densityColour(1, breaks)).toBe(DENSITY_COLOURS[0]);
    expect(densityColour(4, breaks)).toBe(DENSITY_COLOURS[2]);
    expect(densityColour(20, breaks)).toBe(DENSITY_COLOURS[3]);
    expect(densityLegend(breaks).map((l) => l.label)).toEqual(['1', '2–3', '4–5', '6–20']);
  });

  it('gives the busiest grid the darkest colour even with few distinct counts', () => {
    const breaks = densityBreaks([2, 2, 2]);
    expect(breaks).toEqual([2]);
    expect(densityColour(2, breaks)).toBe(DENSITY_COLOURS[3]);
    expect(densityBreaks([0, 0])).toEqual([]);
    expect(densityColour(3, [])).toBe(EMPTY_COLOUR);
  });

  it('keeps the boundaries of the first read when a refresh brings only counts', () => {
    const shape: GeoGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const first = [{ gridId: 'g', code: '1', name: 'A', cases: 1, boundary: shape }];
    const refreshed = mergeGrids(first, [{ gridId: 'g', code: '1', name: 'A', cases: 4 }]);
    expect(refreshed).toEqual([{ gridId: 'g', code: '1', name: 'A', cases: 4, boundary: shape }]);
    expect(mergeGrids(undefined, first)).toEqual(first);
  });
});
