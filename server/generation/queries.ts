// The only Prisma access of the generation feature. State lives in Postgres:
// claiming is one conditional UPDATE, and an item's rows, its status and the
// run's counters commit in one transaction, so a second delivery is harmless.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { PlannedItem } from "./plan";

export const LEASE_SECONDS = 600;

export type ClaimedItem = { id: string; runId: string; payload: unknown; attempts: number; expectedRows: number; datasetId: string };

export async function claimWorkItem(db: PrismaClient, workItemId: string, workerId: string): Promise<ClaimedItem | undefined> {
  const rows = await db.$queryRaw<ClaimedItem[]>`
    UPDATE work_items w
       SET status = 'running', attempts = w.attempts + 1, claimed_by = ${workerId},
           lease_expires_at = now() + make_interval(secs => ${LEASE_SECONDS}), updated_at = now()
      FROM runs r
     WHERE w.id = ${workItemId}::uuid AND r.id = w.run_id
       AND r.status IN ('queued', 'running')
       AND (w.status = 'pending' OR (w.status = 'running' AND w.lease_expires_at < now()))
 RETURNING w.id, w.run_id AS "runId", w.payload, w.attempts, w.expected_rows AS "expectedRows", r.dataset_id AS "datasetId"`;
  const claimed = rows[0];
  if (claimed) {
    await db.$executeRaw`UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = ${claimed.runId}::uuid AND status = 'queued'`;
  }
  return claimed;
}

export type RowInsert = {
  datasetId: string; runId: string; workItemId: string; index: number; data: Prisma.InputJsonValue; text: string; labels: string[];
  language: string; model: string; connectionId: string | null; prompt: string; variables: Prisma.InputJsonValue; parameters: Prisma.InputJsonValue;
  inputTokens: number; outputTokens: number; costUsd: number; latencyMs: number;
};

export type AttemptRecord = { number: number; outcome: string; errorKind?: string; message?: string; repairs: number; latencyMs: number; startedAt: Date };

/** Marks the item done with its rows. Returns false when this worker no longer owns the item. */
export async function commitItemSuccess(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; rows: RowInsert[]; attempts: AttemptRecord[]; inputTokens: number; outputTokens: number; costUsd: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const owned = await tx.workItem.updateMany({
      where: { id: input.workItemId, status: "running", claimedBy: input.workerId },
      data: { status: "succeeded", finishedAt: new Date(), leaseExpiresAt: null, lastError: null, errorKind: null },
    });
    if (owned.count === 0) return false;
    const inserted = await tx.row.createMany({ data: input.rows, skipDuplicates: true });
    await insertAttempts(tx, input.workItemId, input.attempts);
    await tx.$executeRaw`
      UPDATE runs SET succeeded_items = succeeded_items + 1, succeeded_rows = succeeded_rows + ${inserted.count},
             input_tokens = input_tokens + ${input.inputTokens}, output_tokens = output_tokens + ${input.outputTokens},
             cost_usd = cost_usd + ${input.costUsd}, updated_at = now()
       WHERE id = ${input.runId}::uuid`;
    await finishRunIfDone(tx, input.runId);
    return true;
  });
}

export async function commitItemFailure(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; expectedRows: number; errorKind: string; message: string; attempts: AttemptRecord[] }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const owned = await tx.workItem.updateMany({
      where: { id: input.workItemId, status: "running", claimedBy: input.workerId },
      data: { status: "failed", finishedAt: new Date(), leaseExpiresAt: null, lastError: input.message, errorKind: input.errorKind },
    });
    if (owned.count === 0) return false;
    await insertAttempts(tx, input.workItemId, input.attempts);
    await tx.$executeRaw`
      UPDATE runs SET failed_items = failed_items + 1, failed_rows = failed_rows + ${input.expectedRows}, updated_at = now()
       WHERE id = ${input.runId}::uuid`;
    await finishRunIfDone(tx, input.runId);
    return true;
  });
}

async function insertAttempts(tx: Prisma.TransactionClient, workItemId: string, attempts: AttemptRecord[]) {
  if (attempts.length === 0) return;
  await tx.itemAttempt.createMany({
    data: attempts.map((attempt) => ({ workItemId, number: attempt.number, outcome: attempt.outcome, errorKind: attempt.errorKind, message: attempt.message, repairs: attempt.repairs, latencyMs: attempt.latencyMs, startedAt: attempt.startedAt, finishedAt: new Date(attempt.startedAt.getTime() + attempt.latencyMs) })),
    skipDuplicates: true,
  });
}

async function finishRunIfDone(tx: Prisma.TransactionClient, runId: string) {
  await tx.$executeRaw`
    UPDATE runs SET status = CASE WHEN failed_items > 0 THEN 'failed'::run_status ELSE 'completed'::run_status END,
           finished_at = now(), updated_at = now()
     WHERE id = ${runId}::uuid AND status IN ('queued', 'running') AND succeeded_items + failed_items >= planned_items`;
}

/** Puts a claimed item back (shutdown mid-call): the next delivery starts it again. */
export async function releaseWorkItem(db: PrismaClient, workItemId: string, workerId: string): Promise<void> {
  await db.workItem.updateMany({ where: { id: workItemId, status: "running", claimedBy: workerId }, data: { status: "pending", claimedBy: null, leaseExpiresAt: null } });
}

export async function createRunWithItems(db: PrismaClient, input: { datasetId: string; snapshotId: string; plannedRows: number; items: PlannedItem[] }): Promise<{ runId: string; itemIds: string[] }> {
  return db.$transaction(async (tx) => {
    const run = await tx.run.create({
      data: { datasetId: input.datasetId, snapshotId: input.snapshotId, plannedItems: input.items.length, plannedRows: input.plannedRows },
      select: { id: true },
    });
    const itemIds: string[] = [];
    const chunk = 1000;
    for (let start = 0; start < input.items.length; start += chunk) {
      const slice = input.items.slice(start, start + chunk);
      const created = await tx.workItem.createManyAndReturn({
        data: slice.map((item) => ({ runId: run.id, key: item.key, ordinal: item.ordinal, payload: item.payload as unknown as Prisma.InputJsonValue, expectedRows: item.expectedRows })),
        select: { id: true },
      });
      itemIds.push(...created.map((item) => item.id));
    }
    if (input.items.length === 0) {
      await tx.run.update({ where: { id: run.id }, data: { status: "completed", finishedAt: new Date() } });
    }
    return { runId: run.id, itemIds };
  }, { timeout: 120_000 });
}

/** Items a worker should (re)deliver: pending ones and those whose lease ran out. */
export async function findDeliverableItems(db: PrismaClient, runId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM work_items WHERE run_id = ${runId}::uuid
       AND (status = 'pending' OR (status = 'running' AND lease_expires_at < now())) ORDER BY ordinal`;
  return rows.map((row) => row.id);
}

export async function findActiveRunIds(db: PrismaClient): Promise<string[]> {
  const runs = await db.run.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  return runs.map((run) => run.id);
}

export async function getRunStatus(db: PrismaClient, runId: string) {
  return db.run.findUnique({ where: { id: runId }, select: { id: true, status: true, datasetId: true } });
}
