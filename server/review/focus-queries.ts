// The focus view's reads: one row with its review, its neighbours in a filter's
// sort order (the same WHERE and ORDER BY as the grid, so "next" is the grid's
// next row), and its lineage.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { ROWS_FROM, rowAfter, rowFilterWhere, rowOrderBy, rowSortKey } from "./filter-sql";
import { reviewSelect } from "./action-queries";

export function findReviewRow(db: PrismaClient, datasetId: string, rowId: string) {
  return db.row.findFirst({
    where: { id: rowId, datasetId },
    select: {
      id: true,
      data: true,
      text: true,
      labels: true,
      language: true,
      model: true,
      runId: true,
      variables: true,
      current: true,
      replacesRowId: true,
      createdAt: true,
      review: { select: reviewSelect },
    },
  });
}

export type SortPoint = { key: string; id: string };

/** The row's sort key whether or not it still matches the filter (accepting it may take it out of a "pending" view). */
export async function findSortPoint(db: PrismaClient, datasetId: string, rowId: string, sort: RowSort): Promise<SortPoint | null> {
  const [row] = await db.$queryRaw<{ key: string }[]>`SELECT ${rowSortKey(sort)} AS key FROM ${ROWS_FROM} WHERE r.dataset_id = ${datasetId}::uuid AND r.id = ${rowId}::uuid`;
  return row ? { key: row.key, id: rowId } : null;
}

/** The first matching row after `after` in the sort order (the very first without it). */
export async function findRowAfter(db: PrismaClient, datasetId: string, filter: RowFilter, sort: RowSort, after: SortPoint | null): Promise<string | null> {
  const keyset = after ? Prisma.sql` AND ${rowAfter(sort, after)}` : Prisma.empty;
  const [row] = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)}${keyset} ORDER BY ${rowOrderBy(sort)} LIMIT 1`;
  return row?.id ?? null;
}

/** Matching rows strictly after `point` in the sort order given (pass the reversed sort to count the rows before it). */
export async function countRowsAfter(db: PrismaClient, datasetId: string, filter: RowFilter, sort: RowSort, point: SortPoint): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)} AND ${rowAfter(sort, point)}`;
  return row?.count ?? 0;
}

export async function rowMatchesFilter(db: PrismaClient, datasetId: string, filter: RowFilter, rowId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT r.id FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)} AND r.id = ${rowId}::uuid`;
  return Boolean(row);
}

export function findRowLineage(db: PrismaClient, datasetId: string, rowId: string) {
  return db.row.findFirst({
    where: { id: rowId, datasetId },
    select: {
      id: true,
      prompt: true,
      variables: true,
      language: true,
      model: true,
      parameters: true,
      inputTokens: true,
      outputTokens: true,
      reasoningTokens: true,
      costUsd: true,
      latencyMs: true,
      createdAt: true,
      current: true,
      replacesRowId: true,
      connection: { select: { name: true, kind: true } },
      run: { select: { id: true, kind: true, status: true, createdAt: true, instruction: true, fromPreview: true } },
      workItem: {
        select: {
          id: true,
          status: true,
          attempts: true,
          lastError: true,
          errorKind: true,
          // A work item makes a handful of calls; a cap keeps a pathological retry loop from flooding the panel.
          attemptsLog: {
            orderBy: { number: "asc" },
            take: 200,
            select: { number: true, step: true, model: true, outcome: true, errorKind: true, message: true, repairs: true, latencyMs: true, startedAt: true },
          },
        },
      },
    },
  });
}

/** The older version a regeneration replaced, and the newer versions that replaced this row. */
export async function findRowVersions(db: PrismaClient, datasetId: string, row: { id: string; replacesRowId: string | null }) {
  const [replaces, replacedBy] = await Promise.all([
    row.replacesRowId
      ? db.row.findFirst({ where: { id: row.replacesRowId, datasetId }, select: { id: true, text: true, model: true, createdAt: true, review: { select: { status: true } } } })
      : null,
    db.row.findMany({ where: { replacesRowId: row.id, datasetId }, orderBy: { createdAt: "asc" }, select: { id: true, current: true, createdAt: true } }),
  ]);
  return { replaces, replacedBy };
}
