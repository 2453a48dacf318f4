import type { PrismaClient } from "@/server/generated/prisma/client";
import type { RowsListQuery } from "@/lib/review/rows-query";
import { searchTerms, snippetOf, type Snippet } from "@/lib/review/search-terms";
import { decodeCursor, encodeCursor } from "./cursor";
import { findFacets, findFacetsFingerprint, type RowFacets } from "./facet-queries";
import { countRows, findRows, type GridRowRecord, type PageWindow } from "./queries";

export type GridRow = Omit<GridRowRecord, "status" | "reviewLabels" | "edited" | "editedData" | "sortKey"> & {
  review: { status: GridRowRecord["status"]; labels: string[] | null; edited: boolean; editedData: unknown };
  /** The part of `text` around the first search match, with the matches' offsets (only when searching). */
  snippet: Snippet | null;
};

export type RowsPage = {
  rows: GridRow[];
  /** Rows matching the filter; null on cursor pages (the first page counted them). */
  total: number | null;
  /** Pass back as `cursor` for the rows after this page; null on the last page. */
  nextCursor: string | null;
  page: number;
  pageSize: number;
};

export async function listRows(db: PrismaClient, datasetId: string, query: RowsListQuery): Promise<RowsPage> {
  const { filter, sort, pageSize } = query;
  const window: PageWindow = query.cursor ? { limit: pageSize, after: decodeCursor(sort, query.cursor) } : { limit: pageSize, offset: query.page * pageSize };
  const [records, total] = await Promise.all([findRows(db, datasetId, filter, sort, window), query.cursor ? null : countRows(db, datasetId, filter)]);
  const terms = searchTerms(filter.q);
  const last = records.at(-1);
  return {
    rows: records.map(({ status, reviewLabels, edited, editedData, sortKey: _sortKey, ...row }) => ({
      ...row,
      review: { status, labels: reviewLabels, edited, editedData: edited ? editedData : null },
      snippet: terms.words.length ? snippetOf(row.text, terms) : null,
    })),
    total,
    nextCursor: last && records.length === pageSize ? encodeCursor(sort, last) : null,
    page: query.page,
    pageSize,
  };
}

// Facets cost a few scans of the dataset; the fingerprint is a few index lookups.
// A cached answer is reused while its dataset's fingerprint is unchanged, for at
// most FACETS_MAX_AGE_MS (near-duplicate grouping does not move the fingerprint).
const FACETS_MAX_AGE_MS = 60_000;
const FACETS_CACHE_SIZE = 100;
const facetsCache = new Map<string, { fingerprint: string; at: number; facets: Promise<RowFacets> }>();

export async function getRowFacets(db: PrismaClient, datasetId: string): Promise<RowFacets> {
  const fingerprint = await findFacetsFingerprint(db, datasetId);
  const cached = facetsCache.get(datasetId);
  if (cached && cached.fingerprint === fingerprint && Date.now() - cached.at < FACETS_MAX_AGE_MS) return cached.facets;
  const facets = findFacets(db, datasetId);
  facetsCache.delete(datasetId);
  facetsCache.set(datasetId, { fingerprint, at: Date.now(), facets });
  if (facetsCache.size > FACETS_CACHE_SIZE) facetsCache.delete(facetsCache.keys().next().value!);
  // A failed computation is not kept.
  facets.catch(() => facetsCache.get(datasetId)?.facets === facets && facetsCache.delete(datasetId));
  return facets;
}

/** The uncached facets, for the benchmark and tests. */
export const computeRowFacets = findFacets;
