import { describe, expect, it } from "vitest";
import { hashFunctions, jaccard, MinHashIndex, shingleHashes, signatureInto, wordsOf } from "./minhash";

/** Deterministic pseudo-random words, so "distinct" texts really share little. */
function randomText(seed: number, words = 20): string {
  let state = seed * 2654435761;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % 5000;
  return Array.from({ length: words }, () => `w${next()}`).join(" ");
}

describe("word shingles", () => {
  it("ignores case, punctuation and compatibility forms", () => {
    expect(wordsOf("Hello, WORLD! ﬁne 42")).toEqual(["hello", "world", "fine", "42"]);
    expect([...shingleHashes("The cat sat.")]).toEqual([...shingleHashes("the   CAT, sat")]);
  });

  it("gives distinct sorted hashes; a short text is one shingle, a text without words none", () => {
    const hashes = shingleHashes("a b a b a b");
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBeLessThan(hashes[1]!);
    expect(shingleHashes("hello")).toHaveLength(1);
    expect(shingleHashes("!!! ...")).toHaveLength(0);
  });

  it("is order-sensitive across words (bigrams)", () => {
    expect(jaccard(shingleHashes("red fox jumps"), shingleHashes("jumps fox red"))).toBe(0);
  });
});

describe("jaccard and signatures", () => {
  it("computes exact Jaccard of sorted sets", () => {
    expect(jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4))).toBe(0.5);
    expect(jaccard(Uint32Array.of(), Uint32Array.of())).toBe(1);
    expect(jaccard(Uint32Array.of(1), Uint32Array.of(2))).toBe(0);
  });

  it("estimates Jaccard within a few hundredths", () => {
    const fns = hashFunctions(128);
    const [x, y] = [new Uint32Array(128), new Uint32Array(128)];
    for (let seed = 1; seed <= 20; seed++) {
      const base = randomText(seed, 60).split(" ");
      // Replace a growing share of the words: similarities from 1 down to near 0.
      const changed = base.map((word, i) => (i % 20 < seed ? `z${i}` : word)).join(" ");
      const a = shingleHashes(base.join(" "));
      const b = shingleHashes(changed);
      signatureInto(a, fns, x);
      signatureInto(b, fns, y);
      const estimate = x.reduce((same, value, i) => same + (value === y[i] ? 1 : 0), 0) / 128;
      expect(Math.abs(estimate - jaccard(a, b))).toBeLessThan(0.15);
    }
  });
});

describe("MinHashIndex.groups", () => {
  it("finds planted near-duplicates and leaves distinct texts alone", () => {
    const index = new MinHashIndex(undefined, 4);
    const planted: number[][] = [];
    for (let i = 0; i < 300; i++) index.add(randomText(i + 1));
    for (const source of [5, 77, 150]) {
      const words = randomText(source + 1).split(" ");
      const copy = [...words];
      copy[10] = "changed";
      planted.push([source, index.add(copy.join(" ")), index.add(words.join(" ").toUpperCase() + "!")]);
    }
    const groups = index.groups(0.7);
    expect(groups.map((group) => group.members).sort((a, b) => a[0]! - b[0]!)).toEqual(planted.map((members) => [...members].sort((a, b) => a - b)));
    for (const group of groups) {
      expect(group.similarity).toBeGreaterThanOrEqual(0.7);
      expect(group.similarity).toBeLessThan(1);
    }
  });

  it("keeps a run of thousands of copies as one group at similarity 1, in linear work", () => {
    const index = new MinHashIndex();
    for (let i = 0; i < 3000; i++) index.add("I was charged twice for my subscription this month.");
    index.add("Something else entirely, about a broken login page.");
    const started = performance.now();
    const groups = index.groups(0.9);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toHaveLength(3000);
    expect(groups[0]!.similarity).toBe(1);
  });

  it("never groups texts without words, and a higher threshold splits what a lower one joins", () => {
    const index = new MinHashIndex();
    index.add("");
    index.add("...");
    const base = randomText(9, 40).split(" ");
    index.add(base.join(" "));
    // 3 of 40 words changed: bigram Jaccard ≈ 0.74.
    index.add(base.map((word, i) => ([5, 20, 35].includes(i) ? "x" + i : word)).join(" "));
    expect(index.groups(0.6).map((group) => group.members)).toEqual([[2, 3]]);
    expect(index.groups(0.95)).toEqual([]);
  });
});
