// Exports stream: rows are read in keyset pages, each is encoded as it arrives
// (JSONL line, CSV record, or into the current Parquet row group), and the bytes
// go out before the next page is read, so memory stays flat at any size.
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { describeExportIssues, exportOptionsSchema, type ExportOptions, type ExportOptionsInput, type SplitPart } from "@/lib/exports/export-options";
import { planColumns, type ExportColumn } from "./columns";
import { createEncoder, FORMAT_FILES, type Chunk } from "./encoder";
import { countExportRows, findDataKeys, findRowDesigns, iterateExportRecords, resolveTarget, type ExportTarget, type ResolvedTarget } from "./queries";
import { exportedData, rowValues } from "./row-values";
import { splitPartOf } from "./split";

export type { ExportTarget } from "./queries";

export type PreparedExport = { target: ResolvedTarget; options: ExportOptions; columns: ExportColumn[]; baseName: string };

export function parseExportOptions(input: unknown): ExportOptions {
  const parsed = exportOptionsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Invalid export options: ${describeExportIssues(parsed.error)}`);
  return parsed.data;
}

export async function resolveExportTarget(db: PrismaClient, id: string): Promise<ResolvedTarget> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new AppError("BAD_REQUEST", `"${id}" is not a dataset or run id (expected a UUID).`);
  const target = await resolveTarget(db, id);
  if (!target) throw new AppError("NOT_FOUND", `No dataset or run with id ${id}.`);
  return target;
}

async function prepare(db: PrismaClient, target: ResolvedTarget, options: ExportOptions): Promise<PreparedExport> {
  const [dataKeys, rowDesigns] = await Promise.all([target.type === "transform" ? findDataKeys(db, target) : [], findRowDesigns(db, target)]);
  const columns = planColumns({ type: target.type, design: target.design, rowDesigns, options, dataKeys });
  const baseName = target.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "dataset";
  return { target, options, columns, baseName };
}

/** Resolves the id (a dataset or a run) and plans the columns; throws AppError on a bad id or options. */
export async function prepareExport(db: PrismaClient, id: string, options: ExportOptionsInput | ExportOptions): Promise<PreparedExport> {
  const parsed = parseExportOptions(options);
  return prepare(db, await resolveExportTarget(db, id), parsed);
}

export function exportFileName(prepared: PreparedExport, part: SplitPart | null): string {
  return `${prepared.baseName}${part ? `.${part}` : ""}.${FORMAT_FILES[prepared.options.format].extension}`;
}

export function exportContentType(prepared: PreparedExport): string {
  return FORMAT_FILES[prepared.options.format].contentType;
}

/** Each selected row with its part (null without a split) and the values of the planned columns. */
async function* exportRows(db: PrismaClient, prepared: PreparedExport) {
  const { target, options, columns } = prepared;
  for await (const record of iterateExportRecords(db, target, options.rows)) {
    const part = options.split ? splitPartOf(options.split, record.id) : null;
    yield { part, values: rowValues(columns, record, exportedData(target.type, record), options.split?.as === "column" ? part : null) };
  }
}

/** The file's bytes as they are made; `part` keeps only that part of a split. `onRow` counts rows written. */
export async function* exportChunks(db: PrismaClient, prepared: PreparedExport, part: SplitPart | null = null, onRow?: () => void): AsyncGenerator<Chunk> {
  const encoder = createEncoder(prepared.options.format, prepared.columns, prepared.options);
  yield* encoder.start();
  for await (const row of exportRows(db, prepared)) {
    if (part && row.part !== part) continue;
    onRow?.();
    yield* encoder.add(row.values);
  }
  yield* encoder.end();
}

export type WrittenFile = { split: string; path: string; rows: number; bytes: number };

async function writeChunks(stream: WriteStream, chunks: Chunk[]): Promise<void> {
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, "drain");
}

/**
 * One pass over the rows, each written to the file of its part (`train` only
 * without a split); `paths` names the file of each part.
 */
export async function writeExportParts(db: PrismaClient, prepared: PreparedExport, paths: Partial<Record<SplitPart, string>>): Promise<WrittenFile[]> {
  const parts = Object.keys(paths) as SplitPart[];
  const outputs = parts.map((part) => ({ part, path: paths[part]!, stream: createWriteStream(paths[part]!), encoder: createEncoder(prepared.options.format, prepared.columns, prepared.options), rows: 0 }));
  try {
    for (const output of outputs) await writeChunks(output.stream, output.encoder.start());
    for await (const row of exportRows(db, prepared)) {
      const output = outputs.find((candidate) => candidate.part === (row.part ?? "train"));
      if (!output) continue;
      output.rows++;
      await writeChunks(output.stream, output.encoder.add(row.values));
    }
    for (const output of outputs) {
      await writeChunks(output.stream, output.encoder.end());
      output.stream.end();
      await once(output.stream, "close");
    }
  } catch (error) {
    for (const output of outputs) output.stream.destroy();
    throw error;
  }
  return Promise.all(outputs.map(async (output) => ({ split: output.part, path: output.path, rows: output.rows, bytes: (await stat(output.path)).size })));
}

/**
 * Writes the export into `dir` as `<part>.<ext>`: `train` and `test` with a split
 * (whatever its `as`), else `train` alone. Parquet unless `options.format` says otherwise.
 */
export async function writeExportFiles(db: PrismaClient, target: ExportTarget, options: Partial<ExportOptionsInput>, dir: string): Promise<WrittenFile[]> {
  const parsed = parseExportOptions({ format: "parquet", ...options });
  const withFiles: ExportOptions = { ...parsed, split: parsed.split ? { ...parsed.split, as: "files" } : null };
  const resolved = await resolveExportTarget(db, target.runId ?? target.datasetId);
  const prepared = await prepare(db, resolved, withFiles);
  const extension = FORMAT_FILES[withFiles.format].extension;
  const paths = withFiles.split ? { train: path.join(dir, `train.${extension}`), test: path.join(dir, `test.${extension}`) } : { train: path.join(dir, `train.${extension}`) };
  return writeExportParts(db, prepared, paths);
}

export type ExportCount = { rows: number; train: number; test: number };

export async function countExport(db: PrismaClient, target: ExportTarget, options: Pick<ExportOptions, "rows" | "split">): Promise<ExportCount> {
  const counts = await countExportRows(db, target, options.rows, options.split);
  return { rows: counts.rows, test: counts.test, train: counts.rows - counts.test };
}
