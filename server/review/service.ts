import type { PrismaClient } from "@/server/generated/prisma/client";
import type { RowsListQuery } from "@/lib/review/rows-query";
import { searchTerms, snippetOf, type Snippet } from "@/lib/review/search-terms";
import type { RowFilter } from "@/lib/review/row-filter";
import { decodeCursor, encodeCursor } from "./cursor";
import { planPage } from "./page-plan";
import { countRows, countRowsWithin, findRows, type GridRowRecord, type PageWindow } from "./queries";

export type GridRow = Omit<GridRowRecord, "status" | "reviewLabels" | "edited" | "editedData" | "reviewer" | "sortKey"> & {
  review: { status: GridRowRecord["status"]; labels: string[] | null; edited: boolean; editedData: unknown; reviewer: string | null };
  /** The part of `text` around the first search match, with the matches' offsets (only when searching). */
  snippet: Snippet | null;
};

export type RowsPage = {
  rows: GridRow[];
  /** Rows matching the filter; null on cursor pages (the first page counted them). */
  total: number | null;
  /** `total` is an estimate: the exact count took longer than COUNT_BUDGET_MS; rows.count gives it. */
  totalIsEstimate: boolean;
  /** Pass back as `cursor` for the rows after this page; null on the last page. */
  nextCursor: string | null;
  page: number;
  pageSize: number;
};

/**
 * How long a page waits for its exact count. Counting reads every matching row;
 * past this, the page answers with an estimate and the grid asks rows.count.
 */
export const COUNT_BUDGET_MS = 60;

export async function listRows(db: PrismaClient, datasetId: string, query: RowsListQuery): Promise<RowsPage> {
  const { filter, sort, pageSize } = query;
  const window: PageWindow = query.cursor ? { limit: pageSize, after: decodeCursor(sort, query.cursor) } : { limit: pageSize, offset: query.page * pageSize };
  const { plan, estimate } = await planPage(db, datasetId, filter, sort);
  const [records, count] = await Promise.all([findRows(db, datasetId, filter, sort, window, plan), query.cursor ? null : countOrEstimate(db, datasetId, filter, estimate)]);
  const terms = searchTerms(filter.q);
  const last = records.at(-1);
  return {
    rows: records.map(({ status, reviewLabels, edited, editedData, reviewer, sortKey: _sortKey, ...row }) => ({
      ...row,
      review: { status, labels: reviewLabels, edited, editedData: edited ? editedData : null, reviewer },
      snippet: terms.words.length ? snippetOf(row.text, terms) : null,
    })),
    total: count?.total ?? null,
    totalIsEstimate: count?.estimate ?? false,
    nextCursor: last && records.length === pageSize ? encodeCursor(sort, last) : null,
    page: query.page,
    pageSize,
  };
}

async function countOrEstimate(db: PrismaClient, datasetId: string, filter: RowFilter, estimate: () => Promise<number>): Promise<{ total: number; estimate: boolean }> {
  const exact = await countRowsWithin(db, datasetId, filter, COUNT_BUDGET_MS);
  return exact !== null ? { total: exact, estimate: false } : { total: await estimate(), estimate: true };
}

/** The exact number of rows matching a filter, however long it takes. */
export async function countMatchingRows(db: PrismaClient, datasetId: string, filter: RowFilter): Promise<{ total: number }> {
  return { total: await countRows(db, datasetId, filter) };
}

export { computeRowFacets, getRowFacets } from "./facets";
