/**
 * The demo history's dice and diary: a seeded pseudo-random generator (the same seed
 * gives the same history) and an agenda of steps ordered by simulated time. Pure.
 */

/** mulberry32: small, fast and good enough to vary a demo; not for anything secret. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('pick from nothing');
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/**
 * Deals items in shuffled rounds: every item comes once per round (as often as its
 * weight), so a short history still spreads evenly where plain picks would bunch up.
 */
export class Deck<T> {
  private hand: T[] = [];

  constructor(
    private readonly random: Random,
    private readonly items: readonly (readonly [T, number])[],
  ) {}

  deal(): T {
    if (this.hand.length === 0) {
      this.hand = this.random.shuffle(this.items.flatMap(([item, n]) => Array<T>(n).fill(item)));
      if (this.hand.length === 0) throw new Error('deal from nothing');
    }
    return this.hand.pop() as T;
  }
}

interface Entry<T> {
  at: number;
  seq: number;
  item: T;
}

/**
 * Items ordered by time (ms); items at the same time come out in the order they went in,
 * so a run never depends on how the heap happens to break ties.
 */
export class Agenda<T> {
  private readonly heap: Entry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Date | number, item: T): void {
    this.heap.push({ at: typeof at === 'number' ? at : at.getTime(), seq: this.seq++, item });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The earliest item, or undefined when the agenda is empty. */
  pop(): { at: number; item: T } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.before(l, m)) m = l;
        if (r < this.heap.length && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return { at: top.at, item: top.item };
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a] as Entry<T>;
    const y = this.heap[b] as Entry<T>;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b] as Entry<T>, this.heap[a] as Entry<T>];
  }
}
