import { describe, expect, it } from "vitest";
import { Batcher } from "./batcher";

describe("Batcher", () => {
  it("sends a lone request at once and groups what arrives while a statement is in flight", async () => {
    const batches: number[][] = [];
    const batcher = new Batcher(async (inputs: number[]) => {
      batches.push(inputs);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return inputs.map((input) => input * 2);
    }, { maxItems: 3 });
    const first = batcher.submit(1);
    const rest = [2, 3, 4, 5, 6].map((input) => batcher.submit(input));
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("caps a batch by weight", async () => {
    const batches: string[][] = [];
    const batcher = new Batcher(async (inputs: string[]) => {
      batches.push(inputs);
      return inputs;
    }, { maxItems: 10, weight: (input) => input.length, maxWeight: 4 });
    await Promise.all(["aa", "bb", "cc", "dddddd", "e"].map((input) => batcher.submit(input)));
    expect(batches).toEqual([["aa"], ["bb", "cc"], ["dddddd"], ["e"]]);
  });

  it("a request that breaks its batch fails alone: the others go again one by one", async () => {
    const batcher = new Batcher(async (inputs: number[]) => {
      if (inputs.includes(13)) throw new Error("13 is not welcome");
      return inputs.map((input) => input + 1);
    }, { maxItems: 10 });
    const blocker = batcher.submit(0);
    const results = await Promise.allSettled([1, 13, 2].map((input) => batcher.submit(input)));
    await blocker;
    expect(results).toEqual([
      { status: "fulfilled", value: 2 },
      { status: "rejected", reason: new Error("13 is not welcome") },
      { status: "fulfilled", value: 3 },
    ]);
  });

  it("a database that is away fails the whole batch, so each caller can retry", async () => {
    let sent = 0;
    const batcher = new Batcher(async (inputs: number[]) => {
      sent++;
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", inputs });
    }, { maxItems: 10 });
    const results = await Promise.allSettled([1, 2, 3].map((input) => batcher.submit(input)));
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    expect(sent).toBe(2);
  });
});
