// Prisma access of regeneration: which rows a selection or filter means, with
// their work items and their run's design, and which of them are already being
// regenerated. Rows are chosen through rowFilterWhere, like the grid and bulk actions.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { RowFilter } from "@/lib/review/row-filter";
import { ROWS_FROM, rowFilterWhere } from "@/server/review/filter-sql";

export type RowSelection = { rowIds?: string[]; filter: RowFilter };

function selectionWhere(datasetId: string, selection: RowSelection): Prisma.Sql {
  const where = rowFilterWhere(datasetId, selection.filter);
  return selection.rowIds ? Prisma.sql`${where} AND r.id = ANY(${selection.rowIds}::uuid[])` : where;
}

/** How many current rows the selection means, what they cost to make, and how many already have a new version on the way. */
export async function countSelection(db: PrismaClient, datasetId: string, selection: RowSelection) {
  const [counts] = await db.$queryRaw<{ rows: number; costUsd: number }[]>`
    SELECT count(*)::int AS rows, coalesce(sum(r.cost_usd), 0)::float8 AS "costUsd" FROM ${ROWS_FROM} WHERE ${selectionWhere(datasetId, selection)}`;
  const [inFlight] = await db.$queryRaw<{ rows: number }[]>`
    SELECT count(*)::int AS rows FROM ${ROWS_FROM}
     WHERE ${selectionWhere(datasetId, selection)} AND r.id::text IN (${inFlightReplacements(datasetId)})`;
  return { rows: counts!.rows, costUsd: counts!.costUsd, inFlight: inFlight!.rows };
}

/** Ids (as text) of rows whose regeneration is planned or running: a second one would race it. */
function inFlightReplacements(datasetId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT w.payload ->> 'replacesRowId' FROM work_items w JOIN runs n ON n.id = w.run_id
     WHERE n.dataset_id = ${datasetId}::uuid AND n.kind = 'regeneration' AND n.status IN ('queued', 'running', 'paused', 'cancelling')
       AND w.status IN ('pending', 'running', 'batched') AND w.payload ? 'replacesRowId'`;
}

export type RegenerationTarget = { rowId: string; workItemId: string; snapshotId: string; costUsd: number };

/** The selected current rows not already being regenerated, with their work item and their run's design snapshot. */
export function findRegenerationTargets(db: PrismaClient, datasetId: string, selection: RowSelection, limit: number): Promise<RegenerationTarget[]> {
  return db.$queryRaw<RegenerationTarget[]>`
    SELECT r.id AS "rowId", r.work_item_id AS "workItemId", n.snapshot_id AS "snapshotId", r.cost_usd AS "costUsd"
      FROM ${ROWS_FROM} JOIN runs n ON n.id = r.run_id
     WHERE ${selectionWhere(datasetId, selection)} AND r.id::text NOT IN (${inFlightReplacements(datasetId)})
     ORDER BY r.created_at, r.id LIMIT ${limit}`;
}

/** Work items by id (a multi-row item's rows share one). */
export function findItemPayloads(db: PrismaClient, workItemIds: string[]) {
  return db.workItem.findMany({ where: { id: { in: workItemIds } }, select: { id: true, key: true, payload: true } });
}

export function findSnapshotDesigns(db: PrismaClient, snapshotIds: string[]) {
  return db.designSnapshot.findMany({ where: { id: { in: snapshotIds } }, select: { id: true, design: true, createdAt: true } });
}
