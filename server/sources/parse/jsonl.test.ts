import { describe, expect, it } from "vitest";
import { parseJsonl } from "./jsonl";

const parse = (text: string) => parseJsonl(text, { fileName: "docs.jsonl" });

describe("parseJsonl", () => {
  it("reads one object per line; columns are the keys in first-seen order", () => {
    const result = parse('{"text":"a","id":1}\r\n\n{"text":"b","extra":true,"note":null}\n');
    expect(result.records).toEqual([{ text: "a", id: 1 }, { text: "b", extra: true, note: null }]);
    expect(result.columns).toEqual(["text", "id", "extra", "note"]);
  });

  it("turns nested values into JSON text", () => {
    expect(parse('{"text":"a","meta":{"k":[1,2]},"tags":["x"]}').records).toEqual([{ text: "a", meta: '{"k":[1,2]}', tags: '["x"]' }]);
  });

  it("names the line number and the JSON error of a bad line", () => {
    expect(() => parse('{"text":"a"}\n\n{"text": "b",}\n')).toThrow(/^docs\.jsonl, line 3: not valid JSON \(.+\)\. Each line must be one JSON object/);
  });

  it("rejects a line that is not an object", () => {
    expect(() => parse('{"text":"a"}\n["b"]')).toThrow('docs.jsonl, line 2: an array, not a JSON object. Each line must be one JSON object, such as {"text": "…"}.');
    expect(() => parse('"just text"')).toThrow("docs.jsonl, line 1: a string, not a JSON object.");
    expect(() => parse("null")).toThrow("docs.jsonl, line 1: null, not a JSON object.");
  });

  it("explains a JSON array file", () => {
    expect(() => parse('[\n{"text":"a"}\n]')).toThrow(/line 1: not valid JSON .*looks like one JSON array; write one object per line/);
  });
});
