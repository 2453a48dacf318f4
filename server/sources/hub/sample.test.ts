import { describe, expect, it } from "vitest";
import { planSample, takeSample } from "./sample";

function coveredRows(windows: { offset: number; length: number }[]): number[] {
  return windows.flatMap((window) => Array.from({ length: window.length }, (_, i) => window.offset + i));
}

describe("planSample", () => {
  it.each([[1_000_000, 100], [50_000, 10_000], [1234, 37], [250, 249], [10, 3]])("reads non-overlapping windows of at most 100 rows inside a split of %i rows for a sample of %i", (total, sample) => {
    const plan = planSample(total, sample, 7);
    const rows = coveredRows(plan.windows);
    expect(plan.windows.every((window) => window.length >= 1 && window.length <= 100)).toBe(true);
    expect(new Set(rows).size).toBe(rows.length);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...rows)).toBeLessThan(total);
    expect(rows.length).toBeGreaterThanOrEqual(sample);
    expect(takeSample(plan, new Set(rows))).toHaveLength(sample);
  });

  it("is reproducible for a seed and differs across seeds", () => {
    expect(planSample(100_000, 100, 1)).toEqual(planSample(100_000, 100, 1));
    expect(planSample(100_000, 100, 1).windows).not.toEqual(planSample(100_000, 100, 2).windows);
  });

  it("spreads a sample over the split instead of one contiguous run", () => {
    const plan = planSample(1_000_000, 100, 42);
    expect(plan.windows.length).toBeGreaterThanOrEqual(10);
  });

  it("reads the whole split, 100 rows at a time, when the sample is at least its size", () => {
    expect(planSample(250, 1000, 0).windows).toEqual([{ offset: 0, length: 100 }, { offset: 100, length: 100 }, { offset: 200, length: 50 }]);
    expect(planSample(0, 10, 0).windows).toEqual([]);
  });
});

describe("takeSample", () => {
  it("takes rows slot by slot in draw order, stops at the sample size and sorts them", () => {
    const plan = { wanted: 3, slotSize: 2, slots: [5, 1, 3], windows: [] };
    expect(takeSample(plan, new Set([2, 3, 6, 7, 10, 11]))).toEqual([2, 10, 11]);
  });

  it("skips rows the server did not return", () => {
    const plan = { wanted: 3, slotSize: 2, slots: [0, 1], windows: [] };
    expect(takeSample(plan, new Set([0, 2, 3]))).toEqual([0, 2, 3]);
  });
});
