import { describe, expect, it } from "vitest";
import { diffWords, tokenize, type DiffPart } from "./word-diff";

const side = (parts: DiffPart[], kind: "delete" | "insert") => parts.filter((part) => part.kind !== (kind === "delete" ? "insert" : "delete")).map((part) => part.text).join("");

// A deterministic pseudo-random source, so the property test is reproducible.
function lcg(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("diffWords", () => {
  it("keeps equal text whole", () => {
    expect(diffWords("same text", "same text")).toEqual([{ kind: "equal", text: "same text" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("marks a replaced word as one deletion and one insertion", () => {
    expect(diffWords("the red cat sat", "the blue cat sat")).toEqual([
      { kind: "equal", text: "the " },
      { kind: "delete", text: "red" },
      { kind: "insert", text: "blue" },
      { kind: "equal", text: " cat sat" },
    ]);
  });

  it("folds the spaces between neighbouring changed words into one change", () => {
    expect(diffWords("I like red apples", "I love green apples")).toEqual([
      { kind: "equal", text: "I " },
      { kind: "delete", text: "like red" },
      { kind: "insert", text: "love green" },
      { kind: "equal", text: " apples" },
    ]);
  });

  it("shows pure insertions and deletions", () => {
    expect(diffWords("refund please", "refund now please")).toEqual([
      { kind: "equal", text: "refund " },
      { kind: "insert", text: "now " },
      { kind: "equal", text: "please" },
    ]);
    expect(diffWords("a b c", "")).toEqual([{ kind: "delete", text: "a b c" }]);
    expect(diffWords("", "new")).toEqual([{ kind: "insert", text: "new" }]);
  });

  it("treats punctuation as its own token", () => {
    expect(tokenize("Hello, world!")).toEqual(["Hello", ",", " ", "world", "!"]);
    expect(diffWords("Hello, world!", "Hello world!")).toEqual([
      { kind: "equal", text: "Hello" },
      { kind: "delete", text: "," },
      { kind: "equal", text: " world!" },
    ]);
  });

  it("always rebuilds both texts exactly, and the unchanged words form a longest common subsequence", () => {
    const next = lcg(7);
    const vocabulary = ["a", "b", "c", "d", "e", "é", ",", "  ", "\n"];
    const words = (count: number) => Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(" ");
    for (let i = 0; i < 300; i++) {
      const original = words(Math.floor(next() * 15));
      const edited = words(Math.floor(next() * 15));
      const parts = diffWords(original, edited);
      expect(side(parts, "delete")).toBe(original);
      expect(side(parts, "insert")).toBe(edited);
    }
  });

  it("finds the minimal edit on small inputs (compared with an LCS table)", () => {
    const lcs = (a: string[], b: string[]) => {
      const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
      return table[a.length]![b.length]!;
    };
    const next = lcg(11);
    // Punctuation without spaces: every character is a token and no space is folded, so the kept tokens are countable.
    const text = () => Array.from({ length: Math.floor(next() * 12) }, () => ",;."[Math.floor(next() * 3)]!).join("");
    for (let i = 0; i < 300; i++) {
      const a = text();
      const b = text();
      const kept = diffWords(a, b).filter((part) => part.kind === "equal").reduce((sum, part) => sum + tokenize(part.text).length, 0);
      expect(kept).toBe(lcs(tokenize(a), tokenize(b)));
    }
  });

  it("stays fast on a long rewrite by replacing the changed middle whole", () => {
    const next = lcg(3);
    const long = (prefix: string) => Array.from({ length: 20_000 }, () => `${prefix}${Math.floor(next() * 1000)}`).join(" ");
    const a = `start ${long("a")} end`;
    const b = `start ${long("b")} end`;
    const started = performance.now();
    const parts = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parts[0]).toEqual({ kind: "equal", text: "start " });
    expect(parts.at(-1)).toEqual({ kind: "equal", text: " end" });
    expect(side(parts, "delete")).toBe(a);
    expect(side(parts, "insert")).toBe(b);
  });
});
