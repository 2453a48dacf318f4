// `export <runId|datasetId> --format jsonl|csv|parquet --out <file> [--rows …] [--lineage …]
//  [--split <test share> [--seed N] [--split-as files|column]] [--bom]`
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { describeExportIssues, exportOptionsSchema, type ExportOptions } from "@/lib/exports/export-options";
import { CliError, emit, say } from "./output";

const VALUE_FLAGS = ["--format", "--out", "--rows", "--lineage", "--split", "--seed", "--split-as"];
const SWITCHES = ["--bom"];

export type ExportArgs = { id: string; out: string; options: ExportOptions };

/** The command line into checked options; every problem is named with its flag. */
export function parseExportArgs(args: string[], usage: string): ExportArgs {
  const id = args[0];
  if (!id || id.startsWith("--")) throw new CliError(`export needs a run or dataset id\n${usage}`);
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  for (let index = 1; index < args.length; index++) {
    const arg = args[index]!;
    if (SWITCHES.includes(arg)) switches.add(arg);
    else if (VALUE_FLAGS.includes(arg)) {
      const value = args[index + 1];
      if (value === undefined || value.startsWith("--")) throw new CliError(`${arg} needs a value`);
      values[arg] = value;
      index++;
    } else throw new CliError(`export does not know "${arg}" (options: ${[...VALUE_FLAGS, ...SWITCHES].join(", ")})`);
  }
  const out = values["--out"];
  if (!out) throw new CliError("export needs --out <file>");
  const number = (flag: string) => (values[flag] === undefined ? undefined : Number.isFinite(Number(values[flag])) ? Number(values[flag]) : values[flag]);
  if (values["--split"] === undefined && (values["--seed"] !== undefined || values["--split-as"] !== undefined)) throw new CliError("--seed and --split-as need --split <test share>, e.g. --split 0.1");
  const parsed = exportOptionsSchema.safeParse({
    format: values["--format"] ?? "jsonl",
    rows: values["--rows"],
    lineage: values["--lineage"]?.split(",").map((name) => name.trim()).filter(Boolean),
    split: values["--split"] === undefined ? null : { testShare: number("--split"), seed: number("--seed"), as: values["--split-as"] },
    bom: switches.has("--bom"),
  });
  if (!parsed.success) {
    const flags: Record<string, string> = { "split.testShare": "--split", "split.seed": "--seed", "split.as": "--split-as", format: "--format", rows: "--rows", lineage: "--lineage", bom: "--bom" };
    const message = describeExportIssues(parsed.error).replace(/(^|; )([\w.]+(?:\.\d+)?): /g, (_, start: string, field: string) => `${start}${flags[field.replace(/\.\d+$/, "")] ?? field}: `);
    throw new CliError(`invalid export options: ${message}`);
  }
  return { id, out, options: parsed.data };
}

/** `rows.csv` → `rows.train.csv` / `rows.test.csv`. */
export function partPath(out: string, part: string): string {
  const extension = path.extname(out);
  return `${out.slice(0, out.length - extension.length)}.${part}${extension}`;
}

export async function runExport(db: PrismaClient, { id, out, options }: ExportArgs): Promise<number> {
  const { exportChunks, prepareExport, writeExportParts } = await import("@/server/exports/service");
  const prepared = await prepareExport(db, id, options);
  if (options.split?.as === "files") {
    const written = await writeExportParts(db, prepared, { train: partPath(out, "train"), test: partPath(out, "test") });
    for (const file of written) {
      emit({ event: "exported", ...file });
      say(`wrote ${file.rows} ${file.split} rows to ${file.path}`);
    }
    return 0;
  }
  let rows = 0;
  await pipeline(Readable.from(exportChunks(db, prepared, null, () => rows++)), createWriteStream(out));
  const { size } = await import("node:fs/promises").then((fs) => fs.stat(out));
  emit({ event: "exported", split: null, path: out, rows, bytes: size });
  say(`wrote ${rows} rows to ${out}`);
  return 0;
}
