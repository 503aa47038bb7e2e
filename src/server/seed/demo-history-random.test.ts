import { describe, expect, it } from 'vitest';
import { Agenda, Deck, Random } from './demo-history-random.ts';

describe('the demo history’s dice', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 50 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const x of draw(9)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('picks by weight and stays within bounds', () => {
    const random = new Random(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i++)
      counts[
        random.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ] += 1;
    expect(counts.a / 4000).toBeGreaterThan(0.7);
    expect(counts.a / 4000).toBeLessThan(0.8);
    for (let i = 0; i < 200; i++) {
      const n = random.int(2, 4);
      expect([2, 3, 4]).toContain(n);
    }
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the demo history’s deck', () => {
  it('deals every item as often as its weight in each round', () => {
    const deck = new Deck(new Random(4), [
      ['a', 2],
      ['b', 1],
      ['c', 1],
    ] as const);
    for (let round = 0; round < 5; round++) {
      const hand = Array.from({ length: 4 }, () => deck.deal()).sort();
      expect(hand).toEqual(['a', 'a', 'b', 'c']);
    }
  });
});

describe('the demo history’s agenda', () => {
  it('gives items back by time, and items at the same time in the order they came', () => {
    const agenda = new Agenda<string>();
    const random = new Random(3);
    const expected: [number, string][] = [];
    for (let i = 0; i < 300; i++) {
      const at = random.int(0, 40);
      agenda.push(at, `item ${i}`);
      expected.push([at, `item ${i}`]);
    }
    expected.sort((x, y) => x[0] - y[0] || Number(x[1].slice(5)) - Number(y[1].slice(5)));
    const out: [number, string][] = [];
    for (let next = agenda.pop(); next; next = agenda.pop()) out.push([next.at, next.item]);
    expect(out).toEqual(expected);
    expect(agenda.size).toBe(0);
  });
});
