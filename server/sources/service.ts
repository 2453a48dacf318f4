// Sources: resolving a design's source ref into documents (what planning calls),
// and the stored sources' list, detail, preview and delete.
import type { HubSample, ResolvedSource, SourceRecord, SourceRef } from "@/lib/sources/source-ref";
import { getSourceEnv } from "@/server/env";
import { AppError, isAppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { columnsOf } from "./flatten";
import {
  allSourceRecords, datasetCountsBySource, datasetsUsingSource, deleteSourceRow, findSource, findSourceByOriginKey, listSourcesNewestFirst, pageSourceRecords, sourceColumnValues, sourceRecordsAt,
  type StoredSource,
} from "./queries";
import { requireColumns, selectDocuments, suggestTextColumn, type SourceRecordRow } from "./select";
import { hubOriginKey, storeHubSample, storeSourceFile, storeUpload, storeUploadedFile, type UploadedSource } from "./store";

export { storeUpload, storeUploadedFile, type UploadedSource };

export type ResolveOptions = { baseDir?: string; signal?: AbortSignal; hubToken?: string };

/** A stored source as the API returns it (dates as ISO strings, no origin key). */
export type SourceSummary = Omit<StoredSource, "createdAt"> & { createdAt: string; datasetCount: number };

export function toSourceSummary(source: StoredSource, datasetCount = 0): SourceSummary {
  return { ...source, createdAt: source.createdAt.toISOString(), datasetCount };
}

async function requireSource(db: PrismaClient, id: string): Promise<StoredSource> {
  const source = await findSource(db, id);
  if (!source) throw new AppError("NOT_FOUND", `Source ${id} does not exist (it may have been deleted). Choose another source, or upload the file again.`, [{ path: "source.sourceId", message: "no stored source with this id" }]);
  return source;
}

/** The stored source a ref names, storing it first for hub and file origins; null for inline records. */
async function storedSourceOf(db: PrismaClient, ref: SourceRef, options: ResolveOptions): Promise<StoredSource | null> {
  if (ref.sourceId) return requireSource(db, ref.sourceId);
  if (ref.hub) return storeHubSample(db, ref.hub, { token: options.hubToken, signal: options.signal });
  if (ref.file) return storeSourceFile(db, ref.file, { baseDir: options.baseDir, wholeFile: ref.wholeFile });
  return null;
}

function inlineRows(records: SourceRecord[]): SourceRecordRow[] {
  return records.map((record, ordinal) => ({ ordinal, record }));
}

/**
 * The documents of a design's source, in source order, within its length bounds.
 * Hub and file origins are fetched or parsed once, stored, and reused afterwards.
 */
export async function resolveSource(db: PrismaClient, ref: SourceRef, options: ResolveOptions = {}): Promise<ResolvedSource> {
  options.signal?.throwIfAborted();
  const stored = await storedSourceOf(db, ref, options);
  options.signal?.throwIfAborted();
  const name = stored?.name ?? "records in the design";
  const rows = stored ? await allSourceRecords(db, stored.id) : inlineRows(ref.records ?? []);
  const columns = stored?.columns ?? columnsOf(rows.map((row) => row.record));
  requireColumns(name, columns, ref);
  const { documents, skipped } = selectDocuments(rows, ref);
  return { sourceId: stored?.id ?? null, name, columns, documents, skipped };
}

/** What the upload form checks before sending a file. */
export function sourceLimits() {
  return { maxBytes: getSourceEnv().SOURCE_MAX_BYTES };
}

export async function listSources(db: PrismaClient): Promise<SourceSummary[]> {
  const [sources, counts] = await Promise.all([listSourcesNewestFirst(db), datasetCountsBySource(db)]);
  return sources.map((source) => toSourceSummary(source, counts.get(source.id) ?? 0));
}

export async function getSource(db: PrismaClient, input: { id: string; offset: number; limit: number }) {
  const source = await requireSource(db, input.id);
  const records = await pageSourceRecords(db, input.id, input);
  return { source: toSourceSummary(source), records: records as SourceRecordRow[] };
}

export async function fetchHubSample(db: PrismaClient, input: HubSample & { token?: string }) {
  const { token, ...spec } = input;
  return toSourceSummary(await storeHubSample(db, spec, { token }));
}

/** Refused while a dataset's design names the source: deleting it would break that design's next launch. */
export async function deleteSource(db: PrismaClient, id: string) {
  const source = await requireSource(db, id);
  const users = await datasetsUsingSource(db, id);
  if (users.length > 0) {
    const names = users.map((dataset) => `"${dataset.name}"`).join(", ");
    throw new AppError("CONFLICT", `The source "${source.name}" is used by ${users.length === 1 ? "the dataset" : "the datasets"} ${names}. Choose another source in ${users.length === 1 ? "that design" : "those designs"} first, then delete it.`);
  }
  await deleteSourceRow(db, id);
  return { id };
}

const PREVIEW_SCAN = 100_000;
const SCAN_PAGE = 5_000;

/**
 * The documents a stored source gives, counted over its first PREVIEW_SCAN records.
 * Counting needs only the text (and context) column, and only the shown documents
 * need their whole record, so loading every record of a large source is avoided.
 */
async function previewStoredDocuments(db: PrismaClient, sourceId: string, ref: SourceRef, limit: number) {
  const rows: SourceRecordRow[] = [];
  let after = -1;
  while (rows.length < PREVIEW_SCAN) {
    const size = Math.min(SCAN_PAGE, PREVIEW_SCAN - rows.length);
    const page = await sourceColumnValues(db, sourceId, { text: ref.textColumn, context: ref.contextColumn }, { after, limit: size });
    for (const { ordinal, text, context } of page) {
      rows.push({ ordinal, record: ref.contextColumn === undefined ? { [ref.textColumn]: text } : { [ref.contextColumn]: context, [ref.textColumn]: text } });
    }
    if (page.length < size) break;
    after = page[page.length - 1]!.ordinal;
  }
  const { documents, skipped } = selectDocuments(rows, ref);
  const shown = documents.slice(0, limit);
  const records = new Map((await sourceRecordsAt(db, sourceId, shown.map((document) => document.ordinal))).map((row) => [row.ordinal, row.record]));
  return { documentCount: documents.length, skipped, documents: shown.map((document) => ({ ...document, record: records.get(document.ordinal)! })) };
}

/**
 * What a source ref would give, for the design form: columns, a suggested text
 * column, the first documents and the skipped counts. Never fetches: a Hub spec
 * that was not fetched yet answers `fetched: false`.
 */
export async function previewSource(db: PrismaClient, input: { source: SourceRef; limit: number }) {
  const ref = input.source;
  if (ref.file) throw new AppError("BAD_REQUEST", "A file source is read by the CLI, next to its design file. In the app, upload the file instead.", [{ path: "source.file", message: "upload the file instead" }]);
  const stored = ref.sourceId ? await requireSource(db, ref.sourceId) : ref.hub ? await findSourceByOriginKey(db, hubOriginKey(ref.hub)) : null;
  if (ref.hub && !stored) return { fetched: false as const };
  const inline = stored ? null : inlineRows(ref.records ?? []);
  // A stored source keeps its column names; only the records shown are read.
  const columns = stored?.columns ?? columnsOf(inline!.map((row) => row.record));
  const first = stored ? ((await pageSourceRecords(db, stored.id, { offset: 0, limit: input.limit })) as SourceRecordRow[]) : inline!.slice(0, input.limit);
  const base = { fetched: true as const, source: stored ? toSourceSummary(stored) : null, columns, suggestedTextColumn: suggestTextColumn(columns, first.map((row) => row.record)) ?? null, records: first };
  try {
    requireColumns(stored?.name ?? "records in the design", columns, ref);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ...base, issue: error.message, documentCount: 0, skipped: null, documents: [] };
  }
  if (stored) return { ...base, issue: null, ...(await previewStoredDocuments(db, stored.id, ref, input.limit)) };
  const { documents, skipped } = selectDocuments(inline!, ref);
  return { ...base, issue: null, documentCount: documents.length, skipped, documents: documents.slice(0, input.limit) };
}
