import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "./suggest";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("tone", "tone")).toBe(0);
    expect(editDistance("tone", "tones")).toBe(1);
    expect(editDistance("tones", "tone")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("tnoe", "tone")).toBe(1);
    expect(editDistance("lable", "label")).toBe(1);
  });
});

describe("closestName", () => {
  const names = ["label", "label_description", "language", "num_samples", "tone"];

  it("finds plural, transposed and case-different names", () => {
    expect(closestName("tones", names)).toBe("tone");
    expect(closestName("lable", names)).toBe("label");
    expect(closestName("Language", names)).toBe("language");
    expect(closestName("NUM_SAMPLE", names)).toBe("num_samples");
  });

  it("allows up to a third of the length for long names", () => {
    // 4 edits on a 17-character name: beyond 2, within ⅓.
    expect(closestName("label_descripshun", names)).toBe("label_description");
    expect(closestName("labl_dscrptn", names)).toBeUndefined();
  });

  it("offers nothing when no candidate is close", () => {
    expect(closestName("topic", names)).toBeUndefined();
    expect(closestName("anything", [])).toBeUndefined();
  });

  it("does not offer a name that shares nothing with a short name", () => {
    expect(closestName("x", ["id"])).toBeUndefined();
    expect(closestName("x", ["xy"])).toBe("xy");
  });

  it("prefers the smallest distance, then the earlier candidate", () => {
    expect(closestName("abcd", ["abxy", "abcx"])).toBe("abcx");
    expect(closestName("ab", ["ac", "ad"])).toBe("ac");
  });
});
