import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { DatasetTypeName } from "@/lib/designs/design-schema";

const datasetSelect = { id: true, name: true, type: true, description: true, design: true, version: true, createdAt: true, updatedAt: true } as const;

export function insertDataset(db: PrismaClient, input: { name: string; type: DatasetTypeName; description?: string; design: Prisma.InputJsonValue }) {
  return db.dataset.create({ data: input, select: datasetSelect });
}

export function findDataset(db: PrismaClient, id: string) {
  return db.dataset.findUnique({ where: { id }, select: datasetSelect });
}

export function listDatasetsWithCounts(db: PrismaClient) {
  return db.dataset.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, type: true, createdAt: true, updatedAt: true, _count: { select: { rows: { where: { current: true } }, runs: true } } },
  });
}

export function updateDatasetDesign(db: PrismaClient, id: string, input: { name: string; design: Prisma.InputJsonValue }) {
  return db.dataset.update({ where: { id }, data: { ...input, version: { increment: 1 } }, select: datasetSelect });
}

/** The frozen copy a run points at; the same design reuses its snapshot. */
export async function upsertSnapshot(db: PrismaClient, input: { datasetId: string; version: number; design: Prisma.InputJsonValue; fingerprint: string }) {
  const existing = await db.designSnapshot.findUnique({ where: { datasetId_fingerprint: { datasetId: input.datasetId, fingerprint: input.fingerprint } }, select: { id: true } });
  if (existing) return existing;
  const latest = await db.designSnapshot.aggregate({ where: { datasetId: input.datasetId }, _max: { version: true } });
  const version = Math.max(input.version, (latest._max.version ?? 0) + 1);
  return db.designSnapshot.create({ data: { ...input, version }, select: { id: true } });
}
