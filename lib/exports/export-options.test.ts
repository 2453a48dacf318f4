import { describe, expect, it } from "vitest";
import { exportOptionsSchema, exportQueryString, parseExportQuery } from "./export-options";

const parse = (query: string) => parseExportQuery(new URLSearchParams(query));

describe("export options", () => {
  it("fills defaults and orders lineage columns", () => {
    expect(exportOptionsSchema.parse({ format: "csv", lineage: ["cost", "model", "cost"] })).toEqual({ format: "csv", rows: "all", lineage: ["model", "cost"], split: null, bom: false });
  });

  it("round-trips through the query string", () => {
    const options = exportOptionsSchema.parse({ format: "csv", rows: "not_rejected", lineage: ["tokens", "row_id"], split: { testShare: 0.25, seed: 9, as: "files" }, bom: true });
    const parsed = parse(exportQueryString(options, "test"));
    expect(parsed).toEqual({ success: true, options, part: "test" });
    expect(parse(exportQueryString(exportOptionsSchema.parse({ format: "parquet" })))).toEqual({ success: true, options: exportOptionsSchema.parse({ format: "parquet" }), part: null });
  });

  it("names each bad parameter and the fix", () => {
    const bad = parse("format=xlsx&rows=some&lineage=model,colour&bom=yes&extra=1");
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.message).toContain('unknown parameter "extra"');
    expect(bad.message).toContain("bom must be 1 or 0");
    expect(bad.message).toContain("format: format must be one of jsonl, csv, parquet");
    expect(bad.message).toContain("rows: rows must be one of all, accepted, not_rejected");
    expect(bad.message).toContain("lineage.1: lineage columns must be among");
  });

  it("checks the split's share and the part a split as files needs", () => {
    expect(parse("format=jsonl&test_share=1.5")).toMatchObject({ success: false, message: expect.stringContaining("test_share: testShare must be below 1") });
    expect(parse("format=jsonl&test_share=abc")).toMatchObject({ success: false, message: expect.stringContaining("test_share") });
    expect(parse("format=jsonl&seed=4")).toMatchObject({ success: false, message: expect.stringContaining("need test_share") });
    expect(parse("format=jsonl&test_share=0.1&split_as=files")).toMatchObject({ success: false, message: expect.stringContaining("add split=train or split=test") });
    expect(parse("format=jsonl&split=train")).toMatchObject({ success: false, message: expect.stringContaining("split_as=files") });
    expect(parse("format=jsonl&test_share=0.1&split_as=files&split=dev")).toMatchObject({ success: false, message: expect.stringContaining("split must be train or test") });
    expect(parse("format=jsonl&test_share=0.1")).toMatchObject({ success: true, options: { split: { testShare: 0.1, seed: 42, as: "column" } } });
  });

  it("refuses a BOM outside CSV", () => {
    expect(exportOptionsSchema.safeParse({ format: "parquet", bom: true }).error?.issues[0]?.message).toBe("bom applies to CSV files only; remove it for parquet");
  });
});
