import { createHash } from 'node:crypto';

/**
 * C13: complex cases are checked first. Tier 0: SLA class `complex`; tier 1: handled
 * more than once (rounds > 1, an unsatisfied rating sent it back); tier 2: the rest.
 */
export type SpotCheckTier = 0 | 1 | 2;

export function tierOf(slaClass: string | null, rounds: number): SpotCheckTier {
  if (slaClass === 'complex') return 0;
  return rounds > 1 ? 1 : 2;
}

export interface SampleCandidate {
  caseId: string;
  /** The case number; with the tier it fixes the order the draw starts from. */
  number: string;
  tier: SpotCheckTier;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit PRNG, uniform in [0, 1). Small
 * and fast; good enough to draw a sample that anyone can redraw, not for secrets.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed text → the first 32 bits of its SHA-256, so any text (hex, words) is a seed. */
export function seedNumber(seed: string): number {
  return createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
}

/**
 * C13: draws `size` candidates, complex tiers first. The candidates are sorted by tier,
 * then case number (so the database's row order does not matter); each tier is shuffled
 * in turn by Fisher–Yates with one mulberry32 stream seeded from `seed`, and the first
 * `size` are taken. The same seed and the same candidates give the same sample.
 */
export function drawSample(candidates: SampleCandidate[], size: number, seed: string): SampleCandidate[] {
  const random = mulberry32(seedNumber(seed));
  const ordered = [...candidates].sort(
    (a, b) => a.tier - b.tier || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
  const sample: SampleCandidate[] = [];
  for (const tier of [0, 1, 2] as const) {
    if (sample.length >= size) break;
    const pool = ordered.filter((c) => c.tier === tier);
    // Only as many positions as still needed are shuffled into place.
    const wanted = Math.min(size - sample.length, pool.length);
    for (let i = 0; i < wanted; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      const picked = pool[j] as SampleCandidate;
      pool[j] = pool[i] as SampleCandidate;
      pool[i] = picked;
      sample.push(picked);
    }
  }
  return sample;
}
