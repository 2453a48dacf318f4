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
  inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number; latencyMs: number;
};

/** One item's calls, for the per-run, per-model statistics. */
export type ModelCallStats = { model: string; calls: number; firstTryValid: number; repaired: number; failed: number; inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number };

export type AttemptRecord = { number: number; outcome: string; errorKind?: string; message?: string; repairs: number; latencyMs: number; startedAt: Date };

/** Marks the item done with its rows. Returns false when this worker no longer owns the item. */
export async function commitItemSuccess(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; rows: RowInsert[]; attempts: AttemptRecord[]; inputTokens: number; outputTokens: number; reasoningTokens?: number; costUsd: number; stats?: ModelCallStats }): Promise<boolean> {
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
             reasoning_tokens = reasoning_tokens + ${input.reasoningTokens ?? 0},
             cost_usd = cost_usd + ${input.costUsd}, updated_at = now()
       WHERE id = ${input.runId}::uuid`;
    if (input.stats) await addModelStats(tx, input.runId, input.stats);
    await finishRunIfDone(tx, input.runId);
    await pauseRunIfOverBudget(tx, input.runId);
    return true;
  });
}

export async function commitItemFailure(db: PrismaClient, input: { workItemId: string; runId: string; workerId: string; expectedRows: number; errorKind: string; message: string; attempts: AttemptRecord[]; stats?: ModelCallStats }): Promise<boolean> {
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
    if (input.stats) await addModelStats(tx, input.runId, input.stats);
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

async function addModelStats(tx: Prisma.TransactionClient, runId: string, stats: ModelCallStats) {
  await tx.$executeRaw`
    INSERT INTO run_model_stats AS s (run_id, model, calls, first_try_valid, repaired, failed, input_tokens, output_tokens, reasoning_tokens, cost_usd)
    VALUES (${runId}::uuid, ${stats.model}, ${stats.calls}, ${stats.firstTryValid}, ${stats.repaired}, ${stats.failed}, ${stats.inputTokens}, ${stats.outputTokens}, ${stats.reasoningTokens}, ${stats.costUsd})
    ON CONFLICT (run_id, model) DO UPDATE SET calls = s.calls + EXCLUDED.calls, first_try_valid = s.first_try_valid + EXCLUDED.first_try_valid,
      repaired = s.repaired + EXCLUDED.repaired, failed = s.failed + EXCLUDED.failed, input_tokens = s.input_tokens + EXCLUDED.input_tokens,
      output_tokens = s.output_tokens + EXCLUDED.output_tokens, reasoning_tokens = s.reasoning_tokens + EXCLUDED.reasoning_tokens, cost_usd = s.cost_usd + EXCLUDED.cost_usd`;
}

/**
 * Reaching the budget pauses the run: nothing new is claimed, calls in flight
 * finish (so the total can pass the cap by at most those calls).
 */
async function pauseRunIfOverBudget(tx: Prisma.TransactionClient, runId: string) {
  await tx.$executeRaw`
    UPDATE runs SET status = 'paused', updated_at = now(),
           paused_reason = 'Budget reached: $' || to_char(cost_usd, 'FM999999990.0000') || ' spent of the $' || to_char(budget_usd, 'FM999999990.00') || ' budget. Raise the budget to resume.'
     WHERE id = ${runId}::uuid AND status IN ('queued', 'running') AND budget_usd IS NOT NULL AND cost_usd >= budget_usd`;
}

async function finishRunIfDone(tx: Prisma.TransactionClient, runId: string) {
  await tx.$executeRaw`
    UPDATE runs SET status = CASE WHEN failed_items > 0 THEN 'failed'::run_status ELSE 'completed'::run_status END,
           finished_at = now(), updated_at = now()
     WHERE id = ${runId}::uuid AND status IN ('queued', 'running', 'paused') AND succeeded_items + failed_items >= planned_items`;
}

/** Puts a claimed item back (shutdown mid-call): the next delivery starts it again. */
export async function releaseWorkItem(db: PrismaClient, workItemId: string, workerId: string): Promise<void> {
  await db.workItem.updateMany({ where: { id: workItemId, status: "running", claimedBy: workerId }, data: { status: "pending", claimedBy: null, leaseExpiresAt: null } });
}

export async function createRunWithItems(db: PrismaClient, input: { datasetId: string; snapshotId: string; plannedRows: number; items: PlannedItem[]; budgetUsd?: number; estimatedCostUsd?: number | null }): Promise<{ runId: string; itemIds: string[] }> {
  return db.$transaction(async (tx) => {
    const run = await tx.run.create({
      data: { datasetId: input.datasetId, snapshotId: input.snapshotId, plannedItems: input.items.length, plannedRows: input.plannedRows, budgetUsd: input.budgetUsd, estimatedCostUsd: input.estimatedCostUsd ?? null },
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

/** Lifts a budget pause: the new budget must be above what was spent. */
export async function resumePausedRun(db: PrismaClient, runId: string, budgetUsd: number | null | undefined): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE runs SET status = 'running', paused_reason = NULL, updated_at = now(),
           budget_usd = CASE WHEN ${budgetUsd === undefined}::boolean THEN budget_usd ELSE ${budgetUsd ?? null}::double precision END
     WHERE id = ${runId}::uuid AND status = 'paused'`;
  return updated > 0;
}

export async function runAcceptsWork(db: PrismaClient, runId: string): Promise<boolean> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  return run?.status === "queued" || run?.status === "running";
}
