import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cached, MAX_CACHED_SCHEMAS } from "./lists";

describe("cached", () => {
  it("returns the schema made for a key until it is evicted", () => {
    const first = cached("lists-test:same", () => z.string());
    expect(cached("lists-test:same", () => z.number())).toBe(first);
  });

  it("keeps at most MAX_CACHED_SCHEMAS, dropping the least recently used", () => {
    const oldest = cached("lists-test:oldest", () => z.string());
    const kept = cached("lists-test:kept", () => z.string());
    for (let index = 0; index < MAX_CACHED_SCHEMAS - 1; index++) {
      cached(`lists-test:filler:${index}`, () => z.string());
      // Used all along, so never the least recently used.
      expect(cached("lists-test:kept", () => z.number())).toBe(kept);
    }
    const remade = cached("lists-test:oldest", () => z.string());
    expect(remade).not.toBe(oldest);
    expect(cached("lists-test:kept", () => z.number())).toBe(kept);
  });
});
