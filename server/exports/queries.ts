import type { PrismaClient } from "@/server/generated/prisma/client";

export type ExportTarget = { datasetId: string; runId?: string };

/** Current rows in creation order, keyset-paginated so memory stays flat. */
export async function* iterateRows(db: PrismaClient, target: ExportTarget, batchSize = 1000) {
  let cursor: { createdAt: Date; id: string } | undefined;
  while (true) {
    const batch = await db.row.findMany({
      where: {
        datasetId: target.datasetId,
        current: true,
        ...(target.runId ? { runId: target.runId } : {}),
        ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
      select: { id: true, data: true, createdAt: true },
    });
    if (batch.length === 0) return;
    yield* batch;
    const last = batch[batch.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

export async function resolveTarget(db: PrismaClient, id: string): Promise<(ExportTarget & { name: string }) | undefined> {
  const dataset = await db.dataset.findUnique({ where: { id }, select: { id: true, name: true } });
  if (dataset) return { datasetId: dataset.id, name: dataset.name };
  const run = await db.run.findUnique({ where: { id }, select: { id: true, datasetId: true, dataset: { select: { name: true } } } });
  if (run) return { datasetId: run.datasetId, runId: run.id, name: `${run.dataset.name}-run-${run.id.slice(0, 8)}` };
  return undefined;
}
