// The review grid's reads: a page of the rows matching a filter, and their count.
// Raw SQL because filters and sorts go through server/review/filter-sql.ts, the
// one WHERE every "rows matching this filter" statement shares.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { MERGED_SORTS, mergedSortIds } from "./merged-sort";
import { EDITED_SQL, ROWS_FROM, rowAfter, rowFilterWhere, rowOrderBy, rowSortKey, STATUS_SQL, type FilterPlan } from "./filter-sql";

export type GridRowRecord = {
  id: string;
  runId: string;
  data: unknown;
  text: string;
  labels: string[];
  language: string;
  model: string;
  variables: unknown;
  costUsd: number;
  createdAt: Date;
  status: "pending" | "accepted" | "rejected";
  reviewLabels: string[] | null;
  /** Who last changed the review (the signed-in person's name), null when nobody did. */
  reviewer: string | null;
  edited: boolean;
  editedData: unknown;
  sortKey: string;
};

/** `walkInOrder`: read the rows in the sort's index order until the page is full, never collect-and-sort. */
export type PagePlan = { walkInOrder?: boolean };

export type PageWindow = { limit: number } & ({ offset: number } | { after: { key: string; id: string } });

export async function findRows(db: PrismaClient, datasetId: string, filter: RowFilter, sort: RowSort, window: PageWindow, plan: FilterPlan & PagePlan = {}): Promise<GridRowRecord[]> {
  const where = rowFilterWhere(datasetId, filter, plan);
  const keyset = "after" in window ? Prisma.sql` AND ${rowAfter(sort, window.after)}` : Prisma.empty;
  const offset = "offset" in window && window.offset > 0 ? Prisma.sql` OFFSET ${window.offset}` : Prisma.empty;
  // A deferred join: the page's ids first, from as narrow a scan as the filter allows (often the
  // grid index alone, so an offset deep in the list skips index entries, not wide rows), then the
  // page's rows themselves. Without explicit sorts (walkInOrder) the only plan left for the ids'
  // ORDER BY … LIMIT is the walk along the grid index.
  const walk = plan.walkInOrder ? [db.$executeRawUnsafe("SET LOCAL enable_sort = off")] : [];
  const answers = await db.$transaction([
    noParallelWorkers(db),
    ...walk,
    MERGED_SORTS[sort.field]
      ? db.$queryRaw<{ id: string }[]>(mergedSortIds(where, sort, window))
      : db.$queryRaw<{ id: string }[]>`SELECT r.id FROM ${ROWS_FROM} WHERE ${where}${keyset} ORDER BY ${rowOrderBy(sort)} LIMIT ${window.limit}${offset}`,
  ]);
  const ids = (answers.at(-1) as { id: string }[]).map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<GridRowRecord[]>`
    SELECT r.id, r.run_id AS "runId", r.data, r.text, r.labels, r.language, r.model, r.variables, r.cost_usd AS "costUsd", r.created_at AS "createdAt",
           ${STATUS_SQL} AS status, CASE WHEN cardinality(v.labels) > 0 THEN v.labels END AS "reviewLabels",
           ${EDITED_SQL} AS edited, v.edited_data AS "editedData", v.reviewer, ${rowSortKey(sort)} AS "sortKey"
      FROM ${ROWS_FROM} WHERE r.id = ANY(${ids}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * For this transaction: no parallel workers. A page wants its first rows fast;
 * starting workers costs more than it saves on a busy machine, and the planner
 * picks them when it overestimates how far a LIMIT must read.
 */
function noParallelWorkers(db: Pick<PrismaClient, "$executeRawUnsafe">) {
  return db.$executeRawUnsafe("SET LOCAL max_parallel_workers_per_gather = 0");
}

export async function countRows(db: PrismaClient, datasetId: string, filter: RowFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)}`;
  return row?.count ?? 0;
}

const STATEMENT_TIMEOUT = "57014";

/** The exact count when Postgres finds it within `budgetMs`, else null (the statement is cancelled, not left running). */
export async function countRowsWithin(db: PrismaClient, datasetId: string, filter: RowFilter, budgetMs: number): Promise<number | null> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(budgetMs))}`);
      await noParallelWorkers(tx);
      const [row] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)}`;
      return row?.count ?? 0;
    });
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}

function isStatementTimeout(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const meta = (cause as { meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } } }).meta;
    if (meta?.code === STATEMENT_TIMEOUT || meta?.driverAdapterError?.cause?.originalCode === STATEMENT_TIMEOUT) return true;
    if ((cause as { code?: string }).code === STATEMENT_TIMEOUT) return true;
    if (cause instanceof Error && /statement timeout/i.test(cause.message)) return true;
  }
  return false;
}

/** The planner's estimate of the rows matching `filter`: for a quick, approximate count. */
export async function estimateRows(db: PrismaClient, datasetId: string, filter: RowFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)}`;
  return row?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
}
