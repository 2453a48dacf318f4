import { describe, expect, it } from "vitest";
import { cellText, describeSkipped, hasOrigin, originTab, parseBound, withOrigin } from "./source-draft";

describe("withOrigin", () => {
  it("replaces the origin and keeps the column choice and bounds", () => {
    const value = { hub: { dataset: "a/b" }, textColumn: "question", contextColumn: "topic", minLength: 5, maxLength: 900, maxDocuments: 10 };
    expect(withOrigin(value, { sourceId: "2c1f4c32-5d7a-4a47-9a4e-55b8f0e5f1a0" })).toEqual({ sourceId: "2c1f4c32-5d7a-4a47-9a4e-55b8f0e5f1a0", textColumn: "question", contextColumn: "topic", minLength: 5, maxLength: 900, maxDocuments: 10 });
    expect(withOrigin({ file: "x.csv", wholeFile: true, textColumn: "t" }, { hub: { dataset: "c/d" } })).toEqual({ hub: { dataset: "c/d" }, textColumn: "t" });
    expect(withOrigin(undefined, { hub: { dataset: "c/d" } })).toEqual({ hub: { dataset: "c/d" } });
  });
});

describe("origin helpers", () => {
  it("tells whether a value has an origin and which tab shows it", () => {
    expect(hasOrigin(undefined)).toBe(false);
    expect(hasOrigin({ textColumn: "text" })).toBe(false);
    expect(hasOrigin({ records: [{ text: "a" }] })).toBe(true);
    expect(originTab({ hub: { dataset: "a" } })).toBe("hub");
    expect(originTab({ sourceId: "x" })).toBe("stored");
    expect(originTab(undefined)).toBe("upload");
  });
});

describe("describeSkipped", () => {
  it("lists only the non-zero counts", () => {
    expect(describeSkipped({ empty: 2, tooShort: 0, tooLong: 1, overLimit: 3 })).toBe("2 empty, 1 too long, 3 over the document limit");
    expect(describeSkipped({ empty: 0, tooShort: 0, tooLong: 0, overLimit: 0 })).toBe("none");
  });
});

describe("cellText and parseBound", () => {
  it("renders values as cut text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("true");
    expect(cellText("abcdef", 4)).toBe("abc…");
  });

  it("reads a bound, blank meaning the default", () => {
    expect(parseBound("")).toBeUndefined();
    expect(parseBound("12")).toBe(12);
    expect(parseBound("-1")).toBeUndefined();
    expect(parseBound("1.5")).toBeUndefined();
  });
});
