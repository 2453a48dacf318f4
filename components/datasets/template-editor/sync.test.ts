import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { minimalChange } from "./sync";

describe("minimalChange", () => {
  it("is null for equal texts, so a re-render with the same value changes nothing", () => {
    expect(minimalChange("same", "same")).toBeNull();
  });

  it("replaces only the differing middle", () => {
    expect(minimalChange("a {{tone}} b", "a {{tones}} b")).toEqual({ from: 8, to: 8, insert: "s" });
    expect(minimalChange("abc", "")).toEqual({ from: 0, to: 3, insert: "" });
    expect(minimalChange("", "abc")).toEqual({ from: 0, to: 0, insert: "abc" });
    expect(minimalChange("aaa", "aa")).toEqual({ from: 2, to: 3, insert: "" });
  });

  it("keeps a cursor outside the changed part where it was", () => {
    const before = EditorState.create({ doc: "Hello {{label}}, world", selection: { anchor: 20 } });
    const change = minimalChange(before.doc.toString(), "Hi {{label}}, world")!;
    const after = before.update({ changes: change }).state;
    expect(after.doc.toString()).toBe("Hi {{label}}, world");
    expect(after.doc.sliceString(after.selection.main.head)).toBe("ld");
  });

  it("always produces the new text", () => {
    const pairs = [["abcabc", "abc"], ["xyz", "xyzxyz"], ["{{a}}{{a}}", "{{a}}"], ["ab", "ba"]] as const;
    for (const [from, to] of pairs) {
      const change = minimalChange(from, to)!;
      expect(from.slice(0, change.from) + change.insert + from.slice(change.to)).toBe(to);
    }
  });
});
