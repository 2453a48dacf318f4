// The only Prisma access of Hub pushes: the push records, and the figures the
// dataset card states (models and review counts of the rows pushed).
import { Prisma, type HubPushStatus, type PrismaClient } from "@/server/generated/prisma/client";
import type { ExportRowSet } from "@/lib/exports/export-options";
import { EDITED_SQL, ROWS_FROM, rowFilterWhere } from "@/server/review/filter-sql";
import { rowSetFilter } from "@/server/exports/queries";

export const pushSelect = {
  id: true,
  datasetId: true,
  connectionId: true,
  repoId: true,
  revision: true,
  private: true,
  rowsFilter: true,
  testShare: true,
  status: true,
  phase: true,
  rowCount: true,
  splits: true,
  commitSha: true,
  commitUrl: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
  connection: { select: { name: true, url: true } },
} satisfies Prisma.HubPushSelect;

export type PushRecord = Prisma.HubPushGetPayload<{ select: typeof pushSelect }>;

export type NewPush = { datasetId: string; connectionId: string; repoId: string; private: boolean; rowsFilter: string; testShare: number };

/**
 * Records a new running push, unless a push of this dataset to this repo is still alive
 * (running and updated since `since`): then null. The check and the insert run under a
 * transaction-scoped advisory lock on dataset + repo, so of two pushes started at the same
 * instant exactly one is recorded. (A partial unique index could not tell a live push from
 * one whose process died without marking it failed.)
 */
export function claimPush(db: PrismaClient, data: NewPush, since: Date): Promise<{ id: string } | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`datafast:hub-push:${data.datasetId}:${data.repoId}`}, 0))`;
    const live = await tx.hubPush.findFirst({ where: { datasetId: data.datasetId, repoId: data.repoId, status: "running", updatedAt: { gte: since } }, select: { id: true } });
    if (live) return null;
    return tx.hubPush.create({ data: { ...data, status: "running", phase: "creating repo" }, select: { id: true } });
  });
}

export function updatePush(db: PrismaClient, id: string, data: { status?: HubPushStatus; phase?: string | null; rowCount?: number; splits?: Prisma.InputJsonValue; commitSha?: string; commitUrl?: string; error?: string | null; finishedAt?: Date }) {
  return db.hubPush.update({ where: { id }, data, select: { id: true } });
}

export function findPushes(db: PrismaClient, datasetId: string, take: number): Promise<PushRecord[]> {
  return db.hubPush.findMany({ where: { datasetId }, orderBy: { createdAt: "desc" }, take, select: pushSelect });
}

export function findPush(db: PrismaClient, id: string): Promise<PushRecord | null> {
  return db.hubPush.findUnique({ where: { id }, select: pushSelect });
}

/** Pushes whose process died mid-way (nothing updated them since `before`) are failed, so they stop showing as running. */
export function failStalePushes(db: PrismaClient, datasetId: string, before: Date, error: string) {
  return db.hubPush.updateMany({ where: { datasetId, status: "running", updatedAt: { lt: before } }, data: { status: "failed", phase: null, error, finishedAt: new Date() } });
}

export function findCardDataset(db: PrismaClient, id: string) {
  return db.dataset.findUnique({ where: { id }, select: { id: true, name: true, type: true, description: true, design: true } });
}

/** Rows per model among the rows pushed, with the provider kind of the connection that made them. */
export function countRowsByModel(db: PrismaClient, datasetId: string, rowSet: ExportRowSet): Promise<{ model: string; provider: string | null; rows: number }[]> {
  const where = rowFilterWhere(datasetId, rowSetFilter({ datasetId }, rowSet));
  return db.$queryRaw`
    SELECT r.model, c.kind::text AS provider, count(*)::int AS rows
      FROM ${ROWS_FROM} LEFT JOIN provider_connections c ON c.id = r.connection_id
     WHERE ${where}
     GROUP BY r.model, c.kind ORDER BY rows DESC, r.model`;
}

/** Review status counts over all current rows of the dataset (pending = never reviewed too). */
export async function countReviews(db: PrismaClient, datasetId: string): Promise<{ accepted: number; rejected: number; pending: number; edited: number }> {
  const [row] = await db.$queryRaw<{ accepted: number; rejected: number; pending: number; edited: number }[]>`
    SELECT count(*) FILTER (WHERE v.status = 'accepted')::int AS accepted,
           count(*) FILTER (WHERE v.status = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE v.row_id IS NULL OR v.status = 'pending')::int AS pending,
           count(*) FILTER (WHERE ${EDITED_SQL})::int AS edited
      FROM ${ROWS_FROM} WHERE r.dataset_id = ${datasetId}::uuid AND r.current`;
  return row ?? { accepted: 0, rejected: 0, pending: 0, edited: 0 };
}
