// The only Prisma access of the generation feature. State lives in Postgres:
// claiming is one conditional UPDATE, and an item's rows, its status and the
// run's counters commit in one statement, so a second delivery is harmless.
import { Prisma, type PrismaClient, type RunKind, type RunMode } from "@/server/generated/prisma/client";
import type { PlannedItem } from "./plan";
import { releaseClaimedItem } from "./lifecycle-queries";

// Claims and commits are statements of their own, shared by what arrives together (claim-queries.ts, commit-queries.ts).
export { claimWorkItem, LEASE_SECONDS, type ClaimedItem } from "./claim-queries";
export { commitItemFailure, commitItemSuccess, type AttemptRecord, type ModelCallStats, type RowInsert } from "./commit-queries";

/**
 * Puts a claimed item back (shutdown mid-call, run stopped): the next delivery starts it again; on a cancelling run it is cancelled.
 * True when it went back to pending on a run that accepts work (resumed meanwhile): then no resume will list it.
 */
export function releaseWorkItem(db: PrismaClient, workItemId: string, workerId: string): Promise<boolean> {
  return releaseClaimedItem(db, workItemId, workerId);
}

/** What a run other than the design's is for: a regeneration (with its instruction) or a top-up (with its cell). */
export type RunPurpose = { kind: RunKind; instruction?: string | null; topUpCell?: Prisma.InputJsonValue };

/** Items of a batch-mode run start "batched": reserved for provider batches, left alone by online claims and the recovery sweep. */
export async function createRunWithItems(db: PrismaClient, input: { datasetId: string; snapshotId: string; plannedRows: number; items: PlannedItem[]; budgetUsd?: number; estimatedCostUsd?: number | null; mode?: RunMode; purpose?: RunPurpose }): Promise<{ runId: string; itemIds: string[] }> {
  const mode = input.mode ?? "online";
  return db.$transaction(async (tx) => {
    const run = await tx.run.create({
      data: { datasetId: input.datasetId, snapshotId: input.snapshotId, mode, plannedItems: input.items.length, plannedRows: input.plannedRows, budgetUsd: input.budgetUsd, estimatedCostUsd: input.estimatedCostUsd ?? null, ...input.purpose },
      select: { id: true },
    });
    const itemIds: string[] = [];
    const chunk = 1000;
    for (let start = 0; start < input.items.length; start += chunk) {
      const slice = input.items.slice(start, start + chunk);
      const created = await tx.workItem.createManyAndReturn({
        data: slice.map((item) => ({ runId: run.id, key: item.key, ordinal: item.ordinal, payload: item.payload as unknown as Prisma.InputJsonValue, expectedRows: item.expectedRows, status: mode === "batch" ? "batched" : "pending" })),
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

/** Those of `runIds` that no longer accept work (paused, cancelling, ended, or gone). */
export async function findStoppedRuns(db: PrismaClient, runIds: string[]): Promise<string[]> {
  const active = await db.run.findMany({ where: { id: { in: runIds }, status: { in: ["queued", "running"] } }, select: { id: true } });
  const ids = new Set(active.map((run) => run.id));
  return runIds.filter((id) => !ids.has(id));
}

export async function runAcceptsWork(db: PrismaClient, runId: string): Promise<boolean> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  return run?.status === "queued" || run?.status === "running";
}
