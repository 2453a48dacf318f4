import { describe, expect, it } from "vitest";
import type { PlannedItem } from "@/server/generation/plan";
import { MAX_SAMPLES, pickTopUpItems, sampleCountsFor } from "./top-up-items";

/** `size` items (prompts p0…), each asking `samples` rows. */
const planOf = (size: number, samples: number): PlannedItem[] =>
  Array.from({ length: size }, (_, i) => ({ key: `p${i}:${samples}`, ordinal: i, expectedRows: samples, payload: { prompt: `p${i}`, samples } as unknown as PlannedItem["payload"] }));

const rowsOf = (items: PlannedItem[]) => items.reduce((sum, item) => sum + item.expectedRows, 0);
const prompts = (items: PlannedItem[]) => items.map((item) => (item.payload as { prompt: string }).prompt);

describe("pickTopUpItems", () => {
  it("adds exactly N rows for every N and cell size, over distinct prompts spread across the cell", () => {
    for (const size of [1, 3, 7, 40]) {
      for (const rows of [1, 2, 5, 9, 10, 41, 100, 333]) {
        if (rows > size * MAX_SAMPLES) continue;
        const needed = sampleCountsFor(rows, size);
        const picked = pickTopUpItems(rows, (samples) => {
          expect(needed).toContain(samples);
          return planOf(size, samples);
        });
        expect(rowsOf(picked)).toBe(rows);
        expect(new Set(prompts(picked)).size).toBe(picked.length);
        const samples = Math.ceil(rows / size);
        // One item per prompt while there are prompts enough; else equal items plus one for the remainder.
        expect(picked.length).toBe(rows <= size ? rows : Math.floor(rows / samples) + (rows % samples > 0 ? 1 : 0));
        expect(picked.map((item) => item.ordinal)).toEqual(picked.map((_, i) => i));
        expect(new Set(picked.map((item) => item.key)).size).toBe(picked.length);
      }
    }
  });

  it("spreads fewer rows than prompts evenly, one row each", () => {
    expect(prompts(pickTopUpItems(3, (samples) => planOf(9, samples)))).toEqual(["p0", "p3", "p6"]);
  });

  it("refuses what it cannot plan exactly", () => {
    expect(() => pickTopUpItems(5, () => [])).toThrow(/no work item/);
    expect(() => pickTopUpItems(301, (samples) => planOf(3, samples))).toThrow(/at most 300 rows/);
    expect(() => pickTopUpItems(2, () => planOf(3, 1).map((item) => ({ ...item, expectedRows: 1 })).concat([{ ...planOf(1, 1)[0]!, expectedRows: 2 }]))).toThrow(/one row per source record/);
  });
});
