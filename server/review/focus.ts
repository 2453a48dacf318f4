// The focus view's data: one row with its review, its neighbours under the
// grid's filter and sort, and its lineage (how it was made).
import "server-only";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { countRows } from "./queries";
import { countRowsAfter, findReviewRow, findRowAfter, findRowLineage, findRowVersions, findSortPoint, rowMatchesFilter } from "./focus-queries";

const notFound = (rowId: string) => new AppError("NOT_FOUND", `Row ${rowId} is not a row of this dataset.`);

export async function getReviewRow(db: PrismaClient, datasetId: string, rowId: string) {
  const row = await findReviewRow(db, datasetId, rowId);
  if (!row) throw notFound(rowId);
  return row;
}

export type Neighbours = {
  /** The row asked about, or the first matching row when none was named (null: nothing matches). */
  rowId: string | null;
  previous: string | null;
  next: string | null;
};

const reversed = (sort: RowSort): RowSort => ({ field: sort.field, dir: sort.dir === "asc" ? "desc" : "asc" });

async function sortPointOf(db: PrismaClient, datasetId: string, rowId: string, sort: RowSort) {
  const point = await findSortPoint(db, datasetId, rowId, sort);
  if (!point) throw notFound(rowId);
  return point;
}

/** Two indexed LIMIT 1 reads: cheap enough for every keystroke (the counts are apart, in findPosition). */
export async function findNeighbours(db: PrismaClient, datasetId: string, input: { filter: RowFilter; sort: RowSort; rowId?: string }): Promise<Neighbours> {
  const { filter, sort } = input;
  const rowId = input.rowId ?? (await findRowAfter(db, datasetId, filter, sort, null));
  if (!rowId) return { rowId: null, previous: null, next: null };
  const point = await sortPointOf(db, datasetId, rowId, sort);
  const [previous, next] = await Promise.all([findRowAfter(db, datasetId, filter, reversed(sort), point), findRowAfter(db, datasetId, filter, sort, point)]);
  return { rowId, previous, next };
}

/** "12 of 1,234": the row's 1-based place among the matching rows (null once it no longer matches) and their count. */
export async function findPosition(db: PrismaClient, datasetId: string, input: { filter: RowFilter; sort: RowSort; rowId: string }) {
  const { filter, sort, rowId } = input;
  const point = await sortPointOf(db, datasetId, rowId, sort);
  const [before, matches, total] = await Promise.all([
    countRowsAfter(db, datasetId, filter, reversed(sort), point),
    rowMatchesFilter(db, datasetId, filter, rowId),
    countRows(db, datasetId, filter),
  ]);
  return { position: matches ? before + 1 : null, total };
}

export async function getLineage(db: PrismaClient, datasetId: string, rowId: string) {
  const row = await findRowLineage(db, datasetId, rowId);
  if (!row) throw notFound(rowId);
  const { workItem, ...rest } = row;
  const versions = await findRowVersions(db, datasetId, row);
  return { ...rest, workItem: { id: workItem.id, status: workItem.status, attempts: workItem.attempts, lastError: workItem.lastError, errorKind: workItem.errorKind }, attempts: workItem.attemptsLog, ...versions };
}
