// Making stored sources: from uploaded bytes, a file next to a design, or a Hub
// sample. Each has an origin key (what makes its records), so the same file or
// the same Hub spec is parsed or fetched once and found again afterwards.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { splitsIntoDocuments, type CsvSeparator } from "@/lib/sources/formats";
import type { HubSample } from "@/lib/sources/source-ref";
import { getSourceEnv } from "@/server/env";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { drawHubSample } from "./hub/sample";
import { checkSourceSize, csvSeparatorOf, parseSourceFile, requireSourceFormat } from "./parse";
import { findSourceByOriginKey, insertSource, type StoredSource } from "./queries";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

export function uploadOriginKey(contentHash: string, format: string, wholeFile: boolean): string {
  return sha256(JSON.stringify(["upload", format, wholeFile, contentHash]));
}

/** The spec as written (config and split may be left to their defaults), so a design finds its sample without a network call. */
export function hubOriginKey(spec: HubSample): string {
  return sha256(JSON.stringify(["hub", spec.dataset, spec.config ?? null, spec.split ?? null, spec.sample, spec.seed]));
}

export type StoreFileOptions = { wholeFile?: boolean; maxBytes?: number };

/** An uploaded file stored as a source, with how a CSV was split (for the upload's answer; not stored). */
export type UploadedSource = { source: StoredSource; separator: CsvSeparator | null };

export async function storeUploadedFile(db: PrismaClient, file: { name: string; bytes: Uint8Array }, options: StoreFileOptions = {}): Promise<StoredSource> {
  return (await storeUpload(db, file, options)).source;
}

export async function storeUpload(db: PrismaClient, file: { name: string; bytes: Uint8Array }, options: StoreFileOptions = {}): Promise<UploadedSource> {
  const maxBytes = options.maxBytes ?? getSourceEnv().SOURCE_MAX_BYTES;
  checkSourceSize(file.name, file.bytes.byteLength, maxBytes);
  const format = requireSourceFormat(file.name);
  const wholeFile = Boolean(options.wholeFile) && splitsIntoDocuments(format);
  const contentHash = sha256(file.bytes);
  const originKey = uploadOriginKey(contentHash, format, wholeFile);
  const existing = await findSourceByOriginKey(db, originKey);
  if (existing) return { source: existing, separator: existing.columns.length > 1 ? csvSeparatorOf(file) : null };
  const parsed = await parseSourceFile(file, { wholeFile, maxBytes });
  const source = await insertSource(
    db,
    {
      name: file.name, kind: "upload", originKey, contentHash, fileName: file.name, format, encoding: parsed.encoding, wholeFile,
      columns: parsed.columns, skippedEmpty: parsed.skippedEmpty, sizeBytes: parsed.sizeBytes,
    },
    parsed.records,
  );
  return { source, separator: parsed.separator };
}

/** A design's `file` (CLI): a path relative to the design file's folder. */
export async function storeSourceFile(db: PrismaClient, file: string, options: StoreFileOptions & { baseDir?: string }): Promise<StoredSource> {
  const fullPath = path.resolve(options.baseDir ?? process.cwd(), file);
  const maxBytes = options.maxBytes ?? getSourceEnv().SOURCE_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    checkSourceSize(file, (await stat(fullPath)).size, maxBytes);
    bytes = await readFile(fullPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new AppError("BAD_REQUEST", `The source file ${file} does not exist (looked for ${fullPath}). A file in a design is relative to the design file's folder.`, [{ path: "source.file", message: `no such file: ${fullPath}` }]);
    if (code === "EISDIR") throw new AppError("BAD_REQUEST", `The source file ${file} is a folder; name one file.`, [{ path: "source.file", message: "a folder, not a file" }]);
    if (code) throw new AppError("BAD_REQUEST", `The source file ${file} cannot be read (${code}).`, [{ path: "source.file", message: `cannot be read (${code})` }]);
    throw error;
  }
  return storeUploadedFile(db, { name: path.basename(fullPath), bytes }, { ...options, maxBytes });
}

export async function storeHubSample(db: PrismaClient, spec: HubSample, options: { token?: string; signal?: AbortSignal } = {}): Promise<StoredSource> {
  const originKey = hubOriginKey(spec);
  const existing = await findSourceByOriginKey(db, originKey);
  if (existing) return existing;
  const env = getSourceEnv();
  const drawn = await drawHubSample({ baseUrl: env.HF_DATASETS_SERVER_URL, hubUrl: env.HF_ENDPOINT, token: options.token || env.HF_TOKEN, signal: options.signal }, spec);
  const records = drawn.rows.map((row) => row.record);
  const json = JSON.stringify(records);
  return insertSource(
    db,
    {
      name: `${drawn.dataset} · ${drawn.config}/${drawn.split} · ${records.length} rows`,
      kind: "hub", originKey, contentHash: sha256(json), format: "hub",
      hubDataset: drawn.dataset, hubConfig: drawn.config, hubSplit: drawn.split, hubSample: spec.sample, hubSeed: spec.seed, hubRowsTotal: drawn.totalRows,
      columns: drawn.columns, skippedEmpty: 0, sizeBytes: Buffer.byteLength(json),
    },
    records,
  );
}
