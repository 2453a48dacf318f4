import { describe, expect, it } from "vitest";
import { detectCsvSeparator } from "./csv-separator";

describe("detectCsvSeparator", () => {
  it("finds comma, semicolon, tab and pipe from the header and first rows", () => {
    expect(detectCsvSeparator("text,label\nhello,1\nworld,2\n")).toBe("comma");
    expect(detectCsvSeparator("text;label\nhello;1\nworld;2\n")).toBe("semicolon");
    expect(detectCsvSeparator("text\tlabel\nhello\t1\nworld\t2\n")).toBe("tab");
    expect(detectCsvSeparator("text|label\nhello|1\nworld|2")).toBe("pipe");
  });

  it("reads CRLF files and a header without rows", () => {
    expect(detectCsvSeparator("a;b;c\r\n1;2;3\r\n")).toBe("semicolon");
    expect(detectCsvSeparator("a\tb\n")).toBe("tab");
  });

  it("does not count separators inside quoted fields", () => {
    // Every row has more commas than semicolons, all of them quoted.
    const csv = 'text;label\n"one, two, three";a\n"four, five, six";b\n';
    expect(detectCsvSeparator(csv)).toBe("semicolon");
    // A quoted field may hold newlines and doubled quotes; the row it spans is still one row.
    const multiline = 'id\ttext\n1\t"line one; still\nline two, ""quoted"""\n2\tplain\n';
    expect(detectCsvSeparator(multiline)).toBe("tab");
  });

  it("keeps a European file whose numbers use decimal commas semicolon-separated", () => {
    expect(detectCsvSeparator("name;price;stock\napple;1,50;3\npear;2,25;10\n")).toBe("semicolon");
    // Even when the header itself holds one comma in every row's place.
    expect(detectCsvSeparator("name;price (€, gross);stock\napple;1,50;3\npear;2,25;10\n")).toBe("semicolon");
  });

  it("answers null for a one-column file, whatever its rows hold", () => {
    expect(detectCsvSeparator("text\nhello, world\nsemi; colon\nta\tb\n")).toBeNull();
    expect(detectCsvSeparator('"a, quoted; header"\nrow\n')).toBeNull();
    expect(detectCsvSeparator("")).toBeNull();
  });

  it("prefers the separator every row agrees with over one that appears more often", () => {
    // Commas: header 3 fields, rows 3 and 2. Semicolons: header and rows all 2 fields.
    expect(detectCsvSeparator("title, subtitle, year;notes\nfoo, bar, 1999;x\nbaz;y, z\n")).toBe("semicolon");
  });

  it("still picks the header's separator when rows disagree, so the parser can name the bad line", () => {
    expect(detectCsvSeparator("a;b\n1;2\n1;2;3\n")).toBe("semicolon");
    expect(detectCsvSeparator("text,label\nhello,1\nhello, world,2\n")).toBe("comma");
  });

  it("breaks ties by the number of columns, then comma before tab before semicolon before pipe", () => {
    expect(detectCsvSeparator("a;b;c,d\n1;2;3,4\n")).toBe("semicolon");
    expect(detectCsvSeparator("a,b;c\n1,2;3\n")).toBe("comma");
    expect(detectCsvSeparator("a\tb|c\n1\t2|3\n")).toBe("tab");
    expect(detectCsvSeparator("a;b|c\n1;2|3\n")).toBe("semicolon");
  });

  it("lets a .tsv file's tab win a tie", () => {
    expect(detectCsvSeparator("a,b\tc\n1,2\t3\n", { preferTab: true })).toBe("tab");
    expect(detectCsvSeparator("a,b\n1,2\n", { preferTab: true })).toBe("comma");
  });

  it("reads only the first rows, leaving out a row cut by the sample's end", () => {
    const head = "a;b\n" + "1;2\n".repeat(60);
    // Row 61 onwards would make semicolon inconsistent; they are past the sample.
    expect(detectCsvSeparator(head + "1;2;3;4\n".repeat(100))).toBe("semicolon");
    // The row cut by the 64K sample has one comma before the cut and two fields by semicolon:
    // counted, it would make comma inconsistent; left out, the tie goes to comma.
    const cut = "a;b,c\n1;2,3\n4;5" + "x".repeat(70_000) + ",6\n";
    expect(detectCsvSeparator(cut)).toBe("comma");
  });
});
