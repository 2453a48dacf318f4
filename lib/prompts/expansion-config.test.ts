import { describe, expect, it } from "vitest";
import { defaultExpansionConfig, expansionConfigSchema } from "./expansion-config";

const firstMessage = (input: unknown) => {
  const result = expansionConfigSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe("expansionConfigSchema", () => {
  it("fills defaults for both modes", () => {
    expect(expansionConfigSchema.parse({ mode: "combinatorial" })).toEqual({ mode: "combinatorial", maxPrompts: 1000 });
    expect(expansionConfigSchema.parse({ mode: "random", count: 10 })).toEqual({
      mode: "random",
      count: 10,
      seed: 0,
      allowDuplicates: false,
    });
    expect(expansionConfigSchema.parse({ mode: "combinatorial" })).toEqual(defaultExpansionConfig);
  });

  it("keeps given values", () => {
    expect(expansionConfigSchema.parse({ mode: "random", count: 3, seed: 99, allowDuplicates: true })).toEqual({
      mode: "random",
      count: 3,
      seed: 99,
      allowDuplicates: true,
    });
  });

  it("explains each invalid field", () => {
    expect(firstMessage({ mode: "sequential" })).toBe('mode must be "combinatorial" or "random"');
    expect(firstMessage({ mode: "random" })).toBe("count must be a number");
    expect(firstMessage({ mode: "random", count: 2.5 })).toBe("count must be a whole number");
    expect(firstMessage({ mode: "random", count: 0 })).toBe("count must be at least 1");
    expect(firstMessage({ mode: "combinatorial", maxPrompts: 2_000_000 })).toBe("maxPrompts can be at most 1,000,000");
    expect(firstMessage({ mode: "random", count: 1, seed: -1 })).toBe("seed must be 0 or more");
    expect(firstMessage({ mode: "random", count: 1, seed: 2 ** 32 })).toBe("seed can be at most 4294967295");
  });
});
