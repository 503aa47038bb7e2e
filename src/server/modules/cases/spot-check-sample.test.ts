import { describe, expect, it } from 'vitest';
import { drawSample, mulberry32, type SampleCandidate, tierOf } from './spot-check-sample.ts';

const candidates: SampleCandidate[] = Array.from({ length: 40 }, (_, i) => ({
  caseId: `case-${i}`,
  number: `370782-20260901-${String(i).padStart(4, '0')}`,
  tier: tierOf(i % 10 === 0 ? 'complex' : 'general', i % 7 === 0 ? 2 : 1),
}));

describe('C13 spot-check sample', () => {
  it('C13: complex cases come first, then cases handled more than once, then the rest', () => {
    const sample = drawSample(candidates, 10, 'seed');
    const tiers = sample.map((c) => c.tier);
    expect(tiers).toEqual([...tiers].sort());
    expect(tiers.filter((x) => x === 0)).toHaveLength(candidates.filter((c) => c.tier === 0).length);
    expect(new Set(sample.map((c) => c.caseId)).size).toBe(10);
  });

  it('C13: the same seed over the same candidates, in any order, draws the same sample', () => {
    const reversed = [...candidates].reverse();
    expect(drawSample(reversed, 12, 'w41')).toEqual(drawSample(candidates, 12, 'w41'));
    expect(drawSample(candidates, 12, 'w41')).not.toEqual(drawSample(candidates, 12, 'w42'));
    expect(drawSample(candidates, 100, 'w41')).toHaveLength(40);
  });

  it('C13: mulberry32 is a fixed sequence in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
