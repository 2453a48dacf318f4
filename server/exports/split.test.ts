import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { splitDraw, splitPartOf } from "./split";

const ids = Array.from({ length: 20_000 }, (_, index) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`);

describe("seeded split", () => {
  it("puts a row in the same part every time, whatever order the rows come in", () => {
    const split = { seed: 42, testShare: 0.2 };
    const forward = new Map(ids.map((id) => [id, splitPartOf(split, id)]));
    const backward = new Map([...ids].reverse().map((id) => [id, splitPartOf(split, id)]));
    expect([...forward.entries()].every(([id, part]) => backward.get(id) === part)).toBe(true);
  });

  it("holds about the test share of the rows", () => {
    for (const testShare of [0.1, 0.5]) {
      const test = ids.filter((id) => splitPartOf({ seed: 7, testShare }, id) === "test").length;
      expect(test / ids.length).toBeGreaterThan(testShare - 0.02);
      expect(test / ids.length).toBeLessThan(testShare + 0.02);
    }
  });

  it("draws differently with another seed, and grows test monotonically with the share", () => {
    const a = ids.filter((id) => splitPartOf({ seed: 1, testShare: 0.3 }, id) === "test");
    const b = ids.filter((id) => splitPartOf({ seed: 2, testShare: 0.3 }, id) === "test");
    expect(a).not.toEqual(b);
    const small = new Set(ids.filter((id) => splitPartOf({ seed: 1, testShare: 0.1 }, id) === "test"));
    const inA = new Set(a);
    expect([...small].every((id) => inA.has(id))).toBe(true);
  });

  it("draws in [0, 1) from md5(seed:id)", () => {
    const id = randomUUID();
    const draw = splitDraw(3, id);
    expect(draw).toBeGreaterThanOrEqual(0);
    expect(draw).toBeLessThan(1);
    expect(splitDraw(3, id)).toBe(draw);
    // md5("0:a") = 02766c67…: its first 32 bits over 2^32.
    expect(splitDraw(0, "a")).toBe(0x02766c67 / 2 ** 32);
  });
});
