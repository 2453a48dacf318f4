// The export's reads: the target (a dataset or one of its runs) with the design
// its columns follow, the designs its rows were made with, its current
// rows with their reviews in creation order (keyset pages, so memory stays flat
// whatever the size), and counts. Rows go through the review filter's WHERE, so
// "accepted" here means what it means in the review grid.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { ExportRowSet, ExportSplit } from "@/lib/exports/export-options";
import type { RowFilter } from "@/lib/review/row-filter";
import { ROWS_FROM, rowAfter, rowFilterWhere } from "@/server/review/filter-sql";
import { testPartSql } from "./split";

export type ExportTarget = { datasetId: string; runId?: string };
export type ResolvedTarget = ExportTarget & { name: string; type: DatasetTypeName; design: unknown };

/** One current row as exported: its generated data, the reviewer's edits and labels, and its lineage. */
export type ExportRecord = {
  id: string;
  runId: string;
  data: unknown;
  editedData: unknown;
  reviewLabels: string[] | null;
  language: string;
  model: string;
  variables: unknown;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costUsd: number;
  createdAt: Date;
};

const CREATED = { field: "created", dir: "asc" } as const;

export function rowSetFilter(target: ExportTarget, rowSet: ExportRowSet): RowFilter {
  const status = rowSet === "accepted" ? (["accepted"] as const) : rowSet === "not_rejected" ? (["pending", "accepted"] as const) : undefined;
  return { ...(status ? { status: [...status] } : {}), ...(target.runId ? { runIds: [target.runId] } : {}) };
}

/** The target's rows in creation order (ties by id), read `batchSize` at a time. */
export async function* iterateExportRecords(db: PrismaClient, target: ExportTarget, rowSet: ExportRowSet, batchSize = 1000): AsyncGenerator<ExportRecord> {
  const where = rowFilterWhere(target.datasetId, rowSetFilter(target, rowSet));
  let after: { key: string; id: string } | undefined;
  while (true) {
    const keyset = after ? Prisma.sql` AND ${rowAfter(CREATED, after)}` : Prisma.empty;
    const batch = await db.$queryRaw<(ExportRecord & { key: string })[]>`
      SELECT r.id, r.run_id AS "runId", r.data, v.edited_data AS "editedData", CASE WHEN cardinality(v.labels) > 0 THEN v.labels END AS "reviewLabels",
             r.language, r.model, r.variables, r.input_tokens AS "inputTokens", r.output_tokens AS "outputTokens", r.reasoning_tokens AS "reasoningTokens",
             r.cost_usd AS "costUsd", r.created_at AS "createdAt", r.created_at::text AS key
        FROM ${ROWS_FROM} WHERE ${where}${keyset}
       ORDER BY r.created_at, r.id LIMIT ${batchSize}`;
    if (batch.length === 0) return;
    for (const { key: _key, ...record } of batch) yield record;
    const last = batch[batch.length - 1]!;
    after = { key: last.key, id: last.id };
    if (batch.length < batchSize) return;
  }
}

/** How many rows the options select, and how many of them a split puts in test. */
export async function countExportRows(db: PrismaClient, target: ExportTarget, rowSet: ExportRowSet, split: ExportSplit | null): Promise<{ rows: number; test: number }> {
  const where = rowFilterWhere(target.datasetId, rowSetFilter(target, rowSet));
  const test = split ? Prisma.sql`count(*) FILTER (WHERE ${testPartSql(split)})::int` : Prisma.sql`0`;
  const [row] = await db.$queryRaw<{ rows: number; test: number }[]>`SELECT count(*)::int AS rows, ${test} AS test FROM ${ROWS_FROM} WHERE ${where}`;
  return { rows: row?.rows ?? 0, test: row?.test ?? 0 };
}

/** Transform rows keep their source's columns: every key any current row of the target has. */
export async function findDataKeys(db: PrismaClient, target: ExportTarget): Promise<string[]> {
  const run = target.runId ? Prisma.sql` AND r.run_id = ${target.runId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT jsonb_object_keys(r.data) AS key FROM rows r
     WHERE r.dataset_id = ${target.datasetId}::uuid AND r.current AND jsonb_typeof(r.data) = 'object'${run} ORDER BY 1`;
  return rows.map((row) => row.key);
}

/**
 * The designs the target's current rows were made with, newest snapshot first. A regenerated
 * row replays its first version's work item, so it brings the design of the run that made that
 * version, whatever design its regeneration run points at.
 * - a dataset: the snapshots of its runs that made rows. Only regeneration retires a row, and it
 *   retires it for a successor, so every row ever made leads to a current one: no walk is needed
 *   (and the query costs one index probe per run, whatever the row count).
 * - a run: its own snapshot, and those of the runs that made the versions its rows replaced, walked
 *   back by primary key from its regenerated rows only (a generation run has none).
 */
export async function findRowDesigns(db: PrismaClient, target: ExportTarget): Promise<unknown[]> {
  const runs = target.runId
    ? Prisma.sql`
      WITH RECURSIVE made(run_id, replaces) AS (
        SELECT r.run_id, r.replaces_row_id FROM rows r WHERE r.run_id = ${target.runId}::uuid AND r.current AND r.replaces_row_id IS NOT NULL
        UNION
        SELECT o.run_id, o.replaces_row_id FROM made m JOIN rows o ON o.id = m.replaces AND o.dataset_id = ${target.datasetId}::uuid
      )
      SELECT ${target.runId}::uuid UNION SELECT run_id FROM made`
    : Prisma.sql`SELECT n.id FROM runs n WHERE n.dataset_id = ${target.datasetId}::uuid AND EXISTS (SELECT 1 FROM rows r WHERE r.run_id = n.id)`;
  const snapshots = await db.$queryRaw<{ design: unknown }[]>`
    SELECT s.design FROM design_snapshots s WHERE s.id IN (SELECT n.snapshot_id FROM runs n WHERE n.id IN (${runs}))
     ORDER BY s.version DESC, s.created_at DESC`;
  return snapshots.map((snapshot) => snapshot.design);
}

export async function resolveTarget(db: PrismaClient, id: string): Promise<ResolvedTarget | undefined> {
  const dataset = await db.dataset.findUnique({ where: { id }, select: { id: true, name: true, type: true, design: true } });
  if (dataset) return { datasetId: dataset.id, name: dataset.name, type: dataset.type as DatasetTypeName, design: dataset.design };
  // A run's export follows the design it ran with (its snapshot), not what the dataset's design became since.
  const run = await db.run.findUnique({ where: { id }, select: { id: true, datasetId: true, dataset: { select: { name: true, type: true } }, snapshot: { select: { design: true } } } });
  if (run) return { datasetId: run.datasetId, runId: run.id, name: `${run.dataset.name}-run-${run.id.slice(0, 8)}`, type: run.dataset.type as DatasetTypeName, design: run.snapshot.design };
  return undefined;
}
