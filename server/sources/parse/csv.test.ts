import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

const parse = (text: string, fileName = "data.csv") => parseCsv(text, { fileName });

describe("parseCsv", () => {
  it("reads the header as columns and every row as a record of strings", () => {
    expect(parse("text,label\nhello,1\nworld,2")).toEqual({ records: [{ text: "hello", label: "1" }, { text: "world", label: "2" }], columns: ["text", "label"], skippedEmpty: 0, separator: "comma" });
  });

  it("reads semicolon-, tab- and pipe-separated files with the same quoting rules", () => {
    const semicolon = parse('name;price;note\r\napple;1,50;"fresh; crisp"\r\npear;2,25;"said ""ripe"""\r\n');
    expect(semicolon).toMatchObject({ separator: "semicolon", columns: ["name", "price", "note"] });
    expect(semicolon.records).toEqual([{ name: "apple", price: "1,50", note: "fresh; crisp" }, { name: "pear", price: "2,25", note: 'said "ripe"' }]);
    const tab = parse('id\ttext\n1\t"two\nlines, with\ttab"\n2\tplain, text\n', "data.tsv");
    expect(tab).toMatchObject({ separator: "tab", columns: ["id", "text"] });
    expect(tab.records).toEqual([{ id: "1", text: "two\nlines, with\ttab" }, { id: "2", text: "plain, text" }]);
    expect(parse("a|b\n1|\n").records).toEqual([{ a: "1", b: "" }]);
  });

  it("keeps a one-column file one column, never splitting its rows, and reports no separator", () => {
    const result = parse('text\nhello, world\nsemi; colon\ntab\there\n"quoted, with\nnewline"\n', "data.tsv");
    expect(result).toEqual({
      records: [{ text: "hello, world" }, { text: "semi; colon" }, { text: "tab\there" }, { text: "quoted, with\nnewline" }],
      columns: ["text"],
      skippedEmpty: 0,
      separator: null,
    });
    expect(() => parse('text\n"a", b\n')).toThrow(/^data\.csv, line 2: unexpected text after the closing quote .+ put nothing between the closing quote and the end of the line\.$/);
  });

  it("names the line and the detected separator when a row has the wrong number of fields", () => {
    expect(() => parse("a;b\n1;2\n3;4;5\n")).toThrow(
      'data.csv, line 3 (row 2): this row has 3 fields but the header has 2 columns. Put a field that contains a semicolon in double quotes ("a; b"), or add or remove fields so the row matches the header (the file was read as semicolon-separated).',
    );
    expect(() => parse("a\tb\n1\t2\t3\n", "data.tsv")).toThrow(
      "data.tsv, line 2 (row 1): this row has 3 fields but the header has 2 columns. Put a field that contains a tab in double quotes, or add or remove fields so the row matches the header (the file was read as tab-separated).",
    );
    expect(() => parse('a;b\n"x"y;1\n')).toThrow(/^data\.csv, line 2: unexpected text after the closing quote .+ put nothing between the closing quote and the next semicolon\.$/);
  });

  it("handles quoted commas, doubled quotes, embedded newlines and CRLF (RFC 4180)", () => {
    const csv = 'id,text\r\n1,"Hello, world"\r\n2,"She said ""hi"""\r\n3,"line one\r\nline two"\r\n4,""\r\n';
    expect(parse(csv).records).toEqual([
      { id: "1", text: "Hello, world" },
      { id: "2", text: 'She said "hi"' },
      { id: "3", text: "line one\nline two" },
      { id: "4", text: "" },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parse("a,b,c\n1,,\n,2,\n").records).toEqual([{ a: "1", b: "", c: "" }, { a: "", b: "2", c: "" }]);
  });

  it("ignores blank lines and skips and counts rows whose fields are all empty", () => {
    const result = parse("text,label\n\nhello,1\n , \n,\n\nworld,2\n\n");
    expect(result.records).toEqual([{ text: "hello", label: "1" }, { text: "world", label: "2" }]);
    expect(result.skippedEmpty).toBe(2);
  });

  it("names unnamed header columns and trims header names", () => {
    expect(parse(" text ,,label\na,b,c").columns).toEqual(["text", "column_2", "label"]);
  });

  it("rejects a row with the wrong number of fields, naming its physical line", () => {
    // Row 1 spans lines 2–3, so the bad row 2 starts on line 4.
    expect(() => parse('text,label\n"multi\nline",1\nhello, world,2\n')).toThrow(
      'data.csv, line 4 (row 2): this row has 3 fields but the header has 2 columns. Put a field that contains a comma in double quotes ("a, b")',
    );
  });

  it("rejects a quoted field that never closes, naming the line it starts on", () => {
    expect(() => parse('text,label\nok,1\n"unclosed,2\nmore\n')).toThrow("data.csv, line 3: a quoted field is never closed.");
  });

  it("rejects text after a closing quote", () => {
    expect(() => parse('text,label\n"a"b,1\n')).toThrow(/^data\.csv, line 2: unexpected text after the closing quote/);
  });

  it("rejects a header that names a column twice", () => {
    expect(() => parse("text,text\na,b")).toThrow('data.csv, line 1: the header names the column "text" twice.');
  });

  it("gives no records for a header without rows", () => {
    expect(parse("text,label\n").records).toEqual([]);
  });
});
