import { describe, expect, it } from "vitest";
import { findMatches, searchTerms, snippetOf, splitByMatches, toTsQuery } from "./search-terms";

describe("searchTerms and toTsQuery", () => {
  it("keeps letters (with their marks) and digits, lower-cased, and splits on punctuation", () => {
    expect(searchTerms("Refund for user@Example.com, v3.5!").words).toEqual(["refund", "for", "user", "example", "com", "v3", "5"]);
    expect(searchTerms("हिन्दी École").words).toEqual(["हिन्दी", "école"]);
    expect(searchTerms("   ").words).toEqual([]);
    expect(searchTerms(undefined).words).toEqual([]);
  });

  it("makes the last word a prefix and quotes every word", () => {
    expect(toTsQuery(searchTerms("late deliv"))).toBe("'late' & 'deliv':*");
    expect(toTsQuery(searchTerms("it's"))).toBe("'it' & 's':*");
    expect(toTsQuery(searchTerms("?!"))).toBeNull();
  });
});

describe("findMatches and splitByMatches", () => {
  it("marks whole words, and the last word as a prefix, case-insensitively", () => {
    const text = "Late delivery; the deliveryman was LATE. Latency?";
    const ranges = findMatches(text, searchTerms("late deliv"));
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(["Late", "delivery", "deliveryman", "LATE"]);
  });

  it("splits a text into plain and matching pieces that join back to the text", () => {
    const text = "<b>late</b> & late";
    const pieces = splitByMatches(text, findMatches(text, searchTerms("late")));
    expect(pieces).toEqual([
      { text: "<b>", match: false },
      { text: "late", match: true },
      { text: "</b> & ", match: false },
      { text: "late", match: true },
    ]);
    expect(pieces.map((piece) => piece.text).join("")).toBe(text);
  });
});

describe("snippetOf", () => {
  it("returns short texts whole", () => {
    expect(snippetOf("a late order", searchTerms("late"))).toEqual({ text: "a late order", matches: [{ start: 2, end: 6 }] });
  });

  it("cuts a window around the first match of a long text and shifts the ranges into it", () => {
    const text = `${"filler ".repeat(60)}the refund arrived ${"tail ".repeat(60)}`;
    const snippet = snippetOf(text, searchTerms("refund"), 80);
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.matches).toHaveLength(1);
    const [range] = snippet.matches;
    expect(snippet.text.slice(range!.start, range!.end)).toBe("refund");
  });
});
