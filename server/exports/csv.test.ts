import { describe, expect, it } from "vitest";
import type { ExportColumn } from "./columns";
import { createCsvEncoder, csvField, neutralizeFormula, quoteCsvField } from "./csv";

describe("CSV fields", () => {
  it("quotes fields with a comma, a quote or a line break (RFC 4180) and doubles quotes", () => {
    expect(quoteCsvField("plain text")).toBe("plain text");
    expect(quoteCsvField("a,b")).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField("two\nlines")).toBe('"two\nlines"');
    expect(quoteCsvField("cr\rhere")).toBe('"cr\rhere"');
    expect(quoteCsvField("")).toBe("");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\t=evil", "'\t=evil"],
    ["\r=evil", "'\r=evil"],
  ])("neutralizes a text cell starting with a formula character: %j", (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });

  it("leaves other text alone, including formula characters further in", () => {
    expect(neutralizeFormula("a = b")).toBe("a = b");
    expect(neutralizeFormula(" =x")).toBe(" =x");
    expect(neutralizeFormula("'quoted")).toBe("'quoted");
  });

  it("neutralizes before quoting, so a CR cell is both neutralized and quoted", () => {
    expect(csvField("string", "\r=HYPERLINK(\"x\")")).toBe('"\'\r=HYPERLINK(""x"")"');
    expect(csvField("string", '=cmd|" /C calc"!A0')).toBe('"\'=cmd|"" /C calc""!A0"');
  });

  it("writes numbers and booleans as they are (a negative number is not a formula), null as empty", () => {
    expect(csvField("double", -0.5)).toBe("-0.5");
    expect(csvField("int", -3)).toBe("-3");
    expect(csvField("bool", false)).toBe("false");
    expect(csvField("string", null)).toBe("");
    expect(csvField("string", "-5")).toBe("'-5");
  });

  it("writes lists and structs as JSON text, quoted", () => {
    expect(csvField({ list: "string" }, ["a", "b,c"])).toBe('"[""a"",""b,c""]"');
    expect(csvField({ list: { struct: { role: "string", content: "string" } } }, [{ role: "user", content: "hi" }])).toBe('"[{""role"":""user"",""content"":""hi""}]"');
  });
});

describe("CSV encoder", () => {
  const columns: ExportColumn[] = [
    { name: "text", type: "string", source: "data", key: "text" },
    { name: "cost_usd", type: "double", source: "lineage", key: "costUsd" },
  ];

  it("writes a header row and CRLF records", () => {
    const encoder = createCsvEncoder(columns, { bom: false });
    const out = [...encoder.start(), ...encoder.add({ typed: ["hello, world", 0.25], raw: [] }), ...encoder.end()].join("");
    expect(out).toBe('text,cost_usd\r\n"hello, world",0.25\r\n');
  });

  it("starts with a UTF-8 byte-order mark only when asked", () => {
    expect(createCsvEncoder(columns, { bom: true }).start().join("").startsWith("\uFEFFtext,")).toBe(true);
    expect(createCsvEncoder(columns, { bom: false }).start().join("").startsWith("text,")).toBe(true);
  });
});
