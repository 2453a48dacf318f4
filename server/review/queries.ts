import type { PrismaClient } from "@/server/generated/prisma/client";

export type RowFilter = { datasetId: string; runId?: string };

const rowSelect = { id: true, runId: true, data: true, text: true, labels: true, language: true, model: true, createdAt: true, inputTokens: true, outputTokens: true, costUsd: true, latencyMs: true } as const;

export async function findRowsPage(db: PrismaClient, filter: RowFilter, page: { offset: number; limit: number }) {
  const where = { datasetId: filter.datasetId, current: true, ...(filter.runId ? { runId: filter.runId } : {}) };
  const [rows, total] = await Promise.all([
    db.row.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: page.offset, take: page.limit, select: rowSelect }),
    db.row.count({ where }),
  ]);
  return { rows, total };
}
