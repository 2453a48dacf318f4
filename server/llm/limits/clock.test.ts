import { describe, expect, it } from "vitest";
import { DatabaseClock } from "./clock";

describe("database clock", () => {
  it("trusts the fastest round trip and widens with its age", () => {
    const clock = new DatabaseClock();
    // A cold first query: 200 ms round trip, the database read its clock late in it.
    clock.observe(1_000, 1_200, 1_190);
    expect(clock.toLocal(2_000, 1_200)).toEqual({ earliest: 1_810, latest: 2_010 });
    // A warm one: 2 ms, offset 0.
    clock.observe(1_300, 1_302, 1_301);
    expect(clock.toLocal(2_000, 1_302)).toEqual({ earliest: 1_999, latest: 2_001 });
    // A slow one later does not replace it.
    clock.observe(1_400, 1_450, 1_440);
    expect(clock.toLocal(2_000, 1_450).latest).toBeCloseTo(2_001, 1);
    // An hour later the old sample has aged past the slow one's uncertainty.
    const later = 1_302 + 3_600_000;
    clock.observe(later, later + 50, later + 25);
    expect(clock.toLocal(later + 1_000, later + 50)).toEqual({ earliest: later + 975, latest: later + 1_025 });
  });
});
