import { describe, expect, it } from "vitest";
import { defaultPrices } from "./defaults";
import { matchPrice } from "./match";

describe("matchPrice", () => {
  it("matches exact ids", () => {
    expect(matchPrice("gpt-4o-mini", defaultPrices)?.model).toBe("gpt-4o-mini");
  });

  it("matches dated snapshots to the longest known id", () => {
    expect(matchPrice("gpt-4o-mini-2024-07-18", defaultPrices)?.model).toBe("gpt-4o-mini");
    expect(matchPrice("gpt-4o-2024-08-06", defaultPrices)?.model).toBe("gpt-4o");
    expect(matchPrice("claude-sonnet-4-20250514", defaultPrices)?.model).toBe("claude-sonnet-4");
  });

  it("drops a vendor prefix", () => {
    expect(matchPrice("openai/gpt-4.1-mini", defaultPrices)?.price).toEqual({ inputPerMillion: 0.4, outputPerMillion: 1.6 });
  });

  it("does not match a different model that merely shares letters", () => {
    expect(matchPrice("gpt-4", defaultPrices)).toBeUndefined();
    expect(matchPrice("mock-1", defaultPrices)).toBeUndefined();
    expect(matchPrice("gpt-4omega", defaultPrices)).toBeUndefined();
  });
});
