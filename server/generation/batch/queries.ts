// Prisma access for provider batches (part of the generation feature's
// queries): a batch row is recorded, with its items, before the provider is
// asked, so a crash mid-submission leaves a row that says what to resolve.
// Items of a batch-mode run wait as 'batched' (batch_id NULL until a batch
// takes them): online claims and the recovery sweep never touch that status.
import type { PrismaClient, ProviderKind } from "@/server/generated/prisma/client";
import type { BatchState } from "@/server/llm/batch";

export type BatchItem = { id: string; payload: unknown };

export type BatchRecord = {
  id: string; runId: string; runStatus: string; status: string; kind: ProviderKind; model: string;
  providerBatchId: string | null; inputFileId: string | null; createdAt: Date; submittedAt: Date | null;
};

/** A batch-mode run starts when its first batch is submitted (online runs start at their first claim). */
export async function markRunStarted(db: PrismaClient, runId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now()
     WHERE id = ${runId}::uuid AND status = 'queued'`;
}

/** Models (connection and model id) that still have items waiting for a batch. */
export function findWaitingModels(db: PrismaClient, runId: string) {
  return db.$queryRaw<{ connectionId: string; model: string; kind: ProviderKind }[]>`
    SELECT DISTINCT payload->'model'->>'connectionId' AS "connectionId", payload->'model'->>'model' AS model, (payload->'model'->>'kind')::provider_kind AS kind
      FROM work_items WHERE run_id = ${runId}::uuid AND status = 'batched' AND batch_id IS NULL`;
}

/** Records a batch and gives it up to `limit` waiting items of its model, in one transaction. */
export async function reserveBatch(db: PrismaClient, input: { runId: string; connectionId: string; kind: ProviderKind; model: string; limit: number }): Promise<string | undefined> {
  return db.$transaction(async (tx) => {
    const batch = await tx.providerBatch.create({
      data: { runId: input.runId, connectionId: input.connectionId, kind: input.kind, model: input.model, requestCount: 0 },
      select: { id: true },
    });
    const taken = await tx.$executeRaw`
      UPDATE work_items SET batch_id = ${batch.id}::uuid, updated_at = now()
       WHERE id IN (SELECT id FROM work_items
                     WHERE run_id = ${input.runId}::uuid AND status = 'batched' AND batch_id IS NULL
                       AND payload->'model'->>'connectionId' = ${input.connectionId} AND payload->'model'->>'model' = ${input.model}
                     ORDER BY ordinal LIMIT ${input.limit}::int FOR UPDATE SKIP LOCKED)`;
    if (taken === 0) {
      await tx.providerBatch.delete({ where: { id: batch.id } });
      return undefined;
    }
    await tx.providerBatch.update({ where: { id: batch.id }, data: { requestCount: taken } });
    return batch.id;
  });
}

/** The items a batch carries and has not settled yet, in order. */
export function findBatchedItems(db: PrismaClient, batchId: string): Promise<BatchItem[]> {
  return db.workItem.findMany({ where: { batchId, status: "batched" }, orderBy: { ordinal: "asc" }, select: { id: true, payload: true } });
}

/** Hands items that did not fit (size limit) back to the next batch. */
export async function returnToWaiting(db: PrismaClient, batchId: string, ids: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const returned = await tx.$executeRaw`
      UPDATE work_items SET batch_id = NULL, updated_at = now() WHERE id = ANY(${ids}::uuid[]) AND batch_id = ${batchId}::uuid AND status = 'batched'`;
    await tx.providerBatch.update({ where: { id: batchId }, data: { requestCount: { decrement: returned } } });
  });
}

const batchSelect = {
  id: true, runId: true, status: true, kind: true, model: true, providerBatchId: true, inputFileId: true, createdAt: true, submittedAt: true, run: { select: { status: true } },
} as const;

export async function findBatch(db: PrismaClient, batchId: string): Promise<BatchRecord | undefined> {
  const batch = await db.providerBatch.findUnique({ where: { id: batchId }, select: batchSelect });
  if (!batch) return undefined;
  const { run, ...fields } = batch;
  return { ...fields, runStatus: run.status };
}

/** Batches of the run recorded but not yet known to the provider (a submission in progress, or cut off by a crash). */
export async function findSubmittingBatches(db: PrismaClient, runId: string): Promise<BatchRecord[]> {
  const batches = await db.providerBatch.findMany({ where: { runId, status: "submitting" }, orderBy: { createdAt: "asc" }, select: batchSelect });
  return batches.map(({ run, ...fields }) => ({ ...fields, runStatus: run.status }));
}

export async function recordUploaded(db: PrismaClient, batchId: string, inputFileId: string): Promise<void> {
  await db.providerBatch.update({ where: { id: batchId }, data: { inputFileId } });
}

export async function recordSubmitted(db: PrismaClient, batchId: string, providerBatchId: string): Promise<void> {
  await db.providerBatch.updateMany({ where: { id: batchId, status: "submitting" }, data: { status: "submitted", providerBatchId, submittedAt: new Date() } });
}

/** What the provider said at the last poll (also the poll's heartbeat: the sweep re-polls batches quiet for too long). */
export async function recordBatchState(db: PrismaClient, batchId: string, state: BatchState): Promise<void> {
  await db.providerBatch.update({
    where: { id: batchId },
    data: { providerStatus: state.providerStatus, succeededCount: state.counts.succeeded, failedCount: state.counts.failed, ...(state.error ? { error: state.error } : {}) },
  });
}

/** Only a batch still open ends: a second poll finding it ended changes nothing. */
export async function endBatch(db: PrismaClient, batchId: string, status: "ended" | "failed" | "cancelled", error?: string): Promise<void> {
  await db.providerBatch.updateMany({
    where: { id: batchId, status: { in: ["submitting", "submitted"] } },
    data: { status, endedAt: new Date(), ...(error ? { error } : {}) },
  });
}

/** Display counters, added after each group of results is stored or sent back. */
export async function countSettled(db: PrismaClient, batchId: string, counts: { stored: number; fallback: number }): Promise<void> {
  if (counts.stored === 0 && counts.fallback === 0) return;
  await db.providerBatch.update({ where: { id: batchId }, data: { storedItems: { increment: counts.stored }, fallbackItems: { increment: counts.fallback } } });
}

/**
 * Batch-mode runs the submit job should see: active ones with items waiting for a
 * batch, and any with a submission cut off (even paused or cancelled: it is settled either way).
 */
export async function findRunsToSubmit(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM runs r
     WHERE r.mode = 'batch'
       AND ((r.status IN ('queued', 'running') AND EXISTS (SELECT 1 FROM work_items w WHERE w.run_id = r.id AND w.status = 'batched' AND w.batch_id IS NULL))
            OR EXISTS (SELECT 1 FROM provider_batches b WHERE b.run_id = r.id AND b.status = 'submitting'))`;
  return rows.map((row) => row.id);
}

/** Submitted batches nobody has polled for `quietSeconds` (their poll chain died with a worker). */
export async function findQuietBatches(db: PrismaClient, quietSeconds: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM provider_batches WHERE status = 'submitted' AND updated_at < now() - make_interval(secs => ${quietSeconds}::double precision)`;
  return rows.map((row) => row.id);
}

/** For the run page: every batch of the run with the provider's status and counts. */
export function listRunBatches(db: PrismaClient, runId: string) {
  return db.providerBatch.findMany({
    where: { runId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, model: true, kind: true, status: true, providerBatchId: true, providerStatus: true, requestCount: true, succeededCount: true, failedCount: true,
      storedItems: true, fallbackItems: true, error: true, createdAt: true, submittedAt: true, endedAt: true,
    },
  });
}
