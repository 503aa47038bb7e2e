import { describe, expect, it } from 'vitest';
import { leadingAndTrailing } from './ranking-alerts.ts';

const row = (unitId: string, score: number | null, rank: number | null) => ({
  unitId,
  name: unitId,
  score,
  rank,
});

describe('leading and trailing units of a ranking', () => {
  it('A3: ties share a place; units listed apart are neither; no unit is in both lists', () => {
    const tied = leadingAndTrailing([
      row('a', 90, 1),
      row('b', 80, 2),
      row('c', 70, 3),
      row('d', 70, 3),
      row('e', 60, 5),
      row('f', 50, 6),
      row('g', 50, 6),
      row('h', 40, 8),
      row('x', null, null),
    ]);
    expect(tied.leading.map((r) => r.unitId)).toEqual(['a', 'b', 'c', 'd']);
    expect(tied.trailing.map((r) => r.unitId)).toEqual(['f', 'g', 'h']);
    const small = leadingAndTrailing([row('a', 90, 1), row('b', 80, 2), row('c', 70, 3), row('d', 60, 4)]);
    expect(small.leading.map((r) => r.unitId)).toEqual(['a', 'b', 'c']);
    expect(small.trailing.map((r) => r.unitId)).toEqual(['d']);
  });
});
