// The review grid's reads: a page of the rows matching a filter, and their count.
// Raw SQL because filters and sorts go through server/review/filter-sql.ts, the
// one WHERE every "rows matching this filter" statement shares.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { EDITED_SQL, ROWS_FROM, rowAfter, rowFilterWhere, rowOrderBy, rowSortKey, STATUS_SQL } from "./filter-sql";

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
  edited: boolean;
  editedData: unknown;
  sortKey: string;
};

export type PageWindow = { limit: number } & ({ offset: number } | { after: { key: string; id: string } });

export async function findRows(db: PrismaClient, datasetId: string, filter: RowFilter, sort: RowSort, window: PageWindow): Promise<GridRowRecord[]> {
  const where = rowFilterWhere(datasetId, filter);
  const keyset = "after" in window ? Prisma.sql` AND ${rowAfter(sort, window.after)}` : Prisma.empty;
  const offset = "offset" in window && window.offset > 0 ? Prisma.sql` OFFSET ${window.offset}` : Prisma.empty;
  return db.$queryRaw<GridRowRecord[]>`
    SELECT r.id, r.run_id AS "runId", r.data, r.text, r.labels, r.language, r.model, r.variables, r.cost_usd AS "costUsd", r.created_at AS "createdAt",
           ${STATUS_SQL} AS status, CASE WHEN cardinality(v.labels) > 0 THEN v.labels END AS "reviewLabels",
           ${EDITED_SQL} AS edited, v.edited_data AS "editedData", ${rowSortKey(sort)} AS "sortKey"
      FROM ${ROWS_FROM}
     WHERE ${where}${keyset}
     ORDER BY ${rowOrderBy(sort)}
     LIMIT ${window.limit}${offset}`;
}

export async function countRows(db: PrismaClient, datasetId: string, filter: RowFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${ROWS_FROM} WHERE ${rowFilterWhere(datasetId, filter)}`;
  return row?.count ?? 0;
}
