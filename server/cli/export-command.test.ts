import { describe, expect, it } from "vitest";
import { parseExportArgs, partPath } from "./export-command";

const ID = "0b5d8b9e-2c1a-4f4e-9a57-0d6f7e3b8c21";

describe("export command line", () => {
  it("reads every option into the shared export options", () => {
    const args = [ID, "--format", "csv", "--out", "rows.csv", "--rows", "accepted", "--lineage", "cost,model", "--split", "0.2", "--seed", "7", "--split-as", "files", "--bom"];
    expect(parseExportArgs(args, "usage")).toEqual({
      id: ID,
      out: "rows.csv",
      options: { format: "csv", rows: "accepted", lineage: ["model", "cost"], split: { testShare: 0.2, seed: 7, as: "files" }, bom: true },
    });
    expect(parseExportArgs([ID, "--out", "rows.jsonl"], "usage").options).toEqual({ format: "jsonl", rows: "all", lineage: [], split: null, bom: false });
  });

  it("names the flag of each problem", () => {
    expect(() => parseExportArgs([ID, "--format", "csv"], "usage")).toThrow("export needs --out <file>");
    expect(() => parseExportArgs([ID, "--out", "x", "--frmat", "csv"], "usage")).toThrow('export does not know "--frmat"');
    expect(() => parseExportArgs([ID, "--out", "x", "--seed", "3"], "usage")).toThrow("--seed and --split-as need --split");
    expect(() => parseExportArgs([ID, "--out", "x", "--split", "0"], "usage")).toThrow("--split: testShare must be above 0");
    expect(() => parseExportArgs([ID, "--out", "x", "--split", "0.1", "--seed", "1.5"], "usage")).toThrow("--seed: seed must be a whole number");
    expect(() => parseExportArgs([ID, "--out", "x", "--lineage", "model,colour"], "usage")).toThrow("--lineage: lineage columns must be among");
    expect(() => parseExportArgs([ID, "--out", "x", "--format", "parquet", "--bom"], "usage")).toThrow("--bom: bom applies to CSV files only");
    expect(() => parseExportArgs(["--format", "csv"], "usage")).toThrow("export needs a run or dataset id");
  });

  it("names a part's file after --out", () => {
    expect(partPath("out/rows.csv", "train")).toBe("out/rows.train.csv");
    expect(partPath("rows", "test")).toBe("rows.test");
  });
});
