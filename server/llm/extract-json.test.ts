import { describe, expect, it } from "vitest";
import { extractJson } from "./extract-json";

describe("extractJson", () => {
  it("reads plain JSON", () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
  });

  it("reads a fenced block after prose", () => {
    expect(extractJson('Here you go:\n```json\n{"texts":["x"]}\n```\nAnything else?')).toEqual({ texts: ["x"] });
  });

  it("reads an object surrounded by prose", () => {
    expect(extractJson('Sure. {"a": {"b": [1, 2]}} Hope this helps.')).toEqual({ a: { b: [1, 2] } });
  });

  it("returns undefined for truncated or absent JSON", () => {
    expect(extractJson('{"texts":["a", "b')).toBeUndefined();
    expect(extractJson("no json here")).toBeUndefined();
  });
});
