import type { PrismaClient } from "@/server/generated/prisma/client";

const runSelect = {
  id: true, datasetId: true, status: true, mode: true, plannedItems: true, plannedRows: true, succeededItems: true, failedItems: true,
  succeededRows: true, failedRows: true, inputTokens: true, outputTokens: true, reasoningTokens: true, costUsd: true, estimatedCostUsd: true, budgetUsd: true,
  pausedReason: true, error: true, fromPreview: true, kind: true, instruction: true, createdAt: true, startedAt: true, finishedAt: true,
} as const;

export function findRun(db: PrismaClient, runId: string) {
  return db.run.findUnique({ where: { id: runId }, select: runSelect });
}

export function listRunsOfDataset(db: PrismaClient, datasetId: string) {
  return db.run.findMany({ where: { datasetId }, orderBy: { createdAt: "desc" }, take: 50, select: runSelect });
}

/** Failures grouped by kind with one example message each. */
export async function failureGroups(db: PrismaClient, runId: string) {
  return db.$queryRaw<{ errorKind: string; count: number; example: string }[]>`
    SELECT coalesce(error_kind, 'unknown') AS "errorKind", count(*)::int AS count, min(last_error) AS example
      FROM work_items WHERE run_id = ${runId}::uuid AND status = 'failed'
  GROUP BY 1 ORDER BY 2 DESC`;
}

/** Rows per model in the last minute and overall, for throughput. */
export async function rowsByModel(db: PrismaClient, runId: string) {
  return db.$queryRaw<{ model: string; rows: number; lastMinute: number }[]>`
    SELECT model, count(*)::int AS rows, count(*) FILTER (WHERE created_at > now() - interval '1 minute')::int AS "lastMinute"
      FROM rows WHERE run_id = ${runId}::uuid GROUP BY model ORDER BY model`;
}

export async function findDatasetIdOfRun(db: PrismaClient, runId: string) {
  return (await db.run.findUnique({ where: { id: runId }, select: { datasetId: true } }))?.datasetId;
}

/** Calls per model: how often output was valid at once, repaired, or failed. */
export function modelStatsOfRun(db: PrismaClient, runId: string) {
  return db.runModelStat.findMany({
    where: { runId },
    orderBy: { model: "asc" },
    select: { model: true, calls: true, firstTryValid: true, repaired: true, failed: true, inputTokens: true, outputTokens: true, reasoningTokens: true, costUsd: true },
  });
}

export function countRunningItems(db: PrismaClient, runId: string) {
  return db.workItem.count({ where: { runId, status: "running" } });
}
