import { describe, expect, it } from "vitest";
import { cleanText, columnsOf, flattenRecord } from "./flatten";

describe("flattenRecord", () => {
  it("keeps scalars and turns nested values into JSON text", () => {
    expect(flattenRecord({ a: "x", b: 1.5, c: false, d: null, e: undefined, f: { g: [1] }, h: [{ i: 2 }] })).toEqual({ a: "x", b: 1.5, c: false, d: null, e: null, f: '{"g":[1]}', h: '[{"i":2}]' });
  });

  it("removes what Postgres jsonb cannot store (NUL, unpaired surrogates)", () => {
    expect(cleanText("a\u0000b\ud800c\udc00d😀")).toBe("ab\ufffdc\ufffdd😀");
  });

  it("lists columns in first-seen order", () => {
    expect(columnsOf([{ b: 1 }, { a: 1, b: 2 }, { c: 3 }])).toEqual(["b", "a", "c"]);
  });
});
