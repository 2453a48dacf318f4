import { describe, expect, it } from "vitest";
import { variableMarks } from "./variables";

const known = {
  builtins: [{ name: "label", mandatory: true, description: "the label name" }],
  expansionNames: ["tone", "label"],
};

describe("variableMarks", () => {
  it("tells built-in, expansion and unknown variables apart, with their spans", () => {
    const text = "About {{label}} in a {{ tone }} tone, {{tones}}.";
    expect(variableMarks(text, known)).toEqual([
      { from: 6, to: 15, name: "label", kind: "builtin" },
      { from: 21, to: 31, name: "tone", kind: "expansion" },
      { from: 38, to: 47, name: "tones", kind: "unknown" },
    ]);
  });

  it("marks nothing that is not a well-formed slot", () => {
    expect(variableMarks('Unclosed {{label and JSON {"a": {"b": 1}} and {{}}', known)).toEqual([]);
  });
});
