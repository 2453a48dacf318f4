/**
 * Seeded randomness for expansion. Math.random cannot be seeded, and a run must draw the
 * same prompts on every machine and after a restart, so the generator is ours and uses only
 * 32-bit integer operations and exact power-of-two scaling, identical on every JS engine.
 */
export type Random = () => number;

/** mulberry32: returns a generator of uint32 values. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** A float in [0, 1) with 53 random bits, so indices up to 2^53 are all reachable. */
export function randomFraction(next: Random): number {
  const high = next() >>> 5;
  const low = next() >>> 6;
  return (high * TWO_POW_26 + low) / TWO_POW_53;
}

/** An integer in [0, n). */
export function randomIndex(next: Random, n: number): number {
  return Math.min(n - 1, Math.floor(randomFraction(next) * n));
}

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[], next: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(next, i + 1);
    const held = items[i] as T;
    items[i] = items[j] as T;
    items[j] = held;
  }
  return items;
}

/**
 * `k` distinct integers from [0, n) in random order. Floyd's algorithm takes exactly k draws
 * whatever n is, so neither a huge space nor k close to n is slow, and [0, n) is never built.
 */
export function sampleDistinct(next: Random, n: number, k: number): number[] {
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = randomIndex(next, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return shuffle([...chosen], next);
}
