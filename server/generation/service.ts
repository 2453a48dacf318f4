// Launching and following runs. Launch plans every work item up front, stores
// them with the run in one transaction, then hands their ids to the queue.
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { designFingerprint, getDataset, parseDesign } from "@/server/datasets/service";
import { upsertSnapshot } from "@/server/datasets/queries";
import type { WorkQueue } from "@/server/jobs/queue";
import { costForMode, type RunModeName } from "@/lib/runs/run-mode";
import { checkBatchPlan } from "./batch/mode";
import { listRunBatches } from "./batch/queries";
import { prepareDesign } from "./prepare";
import { resolvePrice } from "@/server/llm/pricing/service";
import { estimateRun } from "./estimate";
import { createRunWithItems, findDeliverableItems, resumePausedRun } from "./queries";
import { cancelledCounts } from "./lifecycle-queries";
import { countRunningItems, failureGroups, findRun, listRunsOfDataset, modelStatsOfRun, rowsByModel } from "./progress-queries";

export async function launchRun(db: PrismaClient, queue: WorkQueue, datasetId: string, options: { budgetUsd?: number; baseDir?: string; mode?: RunModeName } = {}) {
  const mode = options.mode ?? "online";
  const dataset = await getDataset(db, datasetId);
  const design = parseDesign(dataset.design);
  const snapshot = await upsertSnapshot(db, { datasetId, version: dataset.version, design: design as unknown as Prisma.InputJsonValue, fingerprint: designFingerprint(design) });
  const { plan } = await prepareDesign(db, design, { baseDir: options.baseDir, freezePrices: true });
  if (mode === "batch") checkBatchPlan(design.type, plan);
  const estimate = await estimateRun(plan, (model, override) => resolvePrice(db, model, override));
  const { runId, itemIds } = await createRunWithItems(db, { datasetId, snapshotId: snapshot.id, plannedRows: plan.plannedRows, items: plan.items, budgetUsd: options.budgetUsd, estimatedCostUsd: costForMode(estimate.costUsd, mode), mode });
  // If enqueueing fails half-way the run keeps its pending items; any worker
  // start (or `cli resume`) delivers them again. A batch-mode run's items wait
  // for its submit job (a worker's batch sweep sends it if this one is lost).
  if (mode === "batch") await queue.submitBatches?.(runId);
  else await queue.enqueue(itemIds);
  return { runId, datasetId, mode, plannedItems: plan.items.length, plannedRows: plan.plannedRows };
}

/**
 * Delivers again every item not yet done (pending, or running on a lease that
 * ran out). Safe on a running run; a paused run (by a person or its budget)
 * becomes running again, a budget pause once the new budget is above what was spent.
 */
export async function resumeRun(db: PrismaClient, queue: WorkQueue, runId: string, options: { budgetUsd?: number | null } = {}) {
  const run = await getRun(db, runId);
  if (run.status === "paused") {
    const budget = options.budgetUsd === undefined ? run.budgetUsd : options.budgetUsd;
    if (budget !== null && budget <= run.costUsd) {
      throw new AppError("BAD_REQUEST", `The run has spent $${run.costUsd.toFixed(4)}; set a budget above that (or remove the budget) to resume.`, [{ path: "budgetUsd", message: `must be more than ${run.costUsd.toFixed(4)}` }]);
    }
    await resumePausedRun(db, runId, options.budgetUsd);
  } else if (run.status !== "queued" && run.status !== "running") {
    throw new AppError("PRECONDITION_FAILED", `Run ${runId} is ${run.status}; only queued, running or paused runs can be resumed.`);
  }
  const ids = await findDeliverableItems(db, runId);
  await queue.enqueue(ids);
  // Batch mode: items that fell back to online calls are among `ids`; those still waiting for a batch go in one now.
  if (run.mode === "batch") await queue.submitBatches?.(runId);
  return { runId, datasetId: run.datasetId, requeued: ids.length, plannedRows: run.plannedRows };
}

export async function getRun(db: PrismaClient, runId: string) {
  const run = await findRun(db, runId);
  if (!run) throw new AppError("NOT_FOUND", `Run ${runId} does not exist.`);
  return run;
}

export async function hasItemsInFlight(db: PrismaClient, runId: string): Promise<boolean> {
  return (await countRunningItems(db, runId)) > 0;
}

export function listRuns(db: PrismaClient, datasetId: string) {
  return listRunsOfDataset(db, datasetId);
}

export const TERMINAL_STATUSES = ["completed", "failed", "cancelled"] as const;

export async function getRunProgress(db: PrismaClient, runId: string) {
  const run = await getRun(db, runId);
  const [failures, models, modelStats, cancelled, batches] = await Promise.all([
    failureGroups(db, runId), rowsByModel(db, runId), modelStatsOfRun(db, runId), cancelledCounts(db, run), run.mode === "batch" ? listRunBatches(db, runId) : [],
  ]);
  const done = run.succeededRows + run.failedRows;
  const end = run.finishedAt ?? new Date();
  const elapsedMs = run.startedAt ? Math.max(1, end.getTime() - run.startedAt.getTime()) : 0;
  const rowsPerMinute = elapsedMs > 0 ? (run.succeededRows / elapsedMs) * 60_000 : 0;
  const remaining = Math.max(0, run.plannedRows - done);
  const advancing = run.status === "queued" || run.status === "running";
  const etaMs = !advancing || rowsPerMinute === 0 ? null : Math.round((remaining / rowsPerMinute) * 60_000);
  // A budget pause needs a higher budget to resume; a person's pause does not.
  const pausedByBudget = run.status === "paused" && run.budgetUsd !== null && run.costUsd >= run.budgetUsd;
  // Terminal: nothing shown here changes any more (the run page stops polling). A batch-mode run's status is final with
  // its last item's commit, a moment before the poll that stored it ends the batch (a batch ends only after its items
  // settled), and a cancelled run's batch ends at its next poll, which cancels it at the provider: so every batch must
  // have ended too. The run is read before its batches, so batches seen ended belong to a run already seen final.
  const batchesOpen = batches.some((batch) => batch.status === "submitting" || batch.status === "submitted");
  const terminal = (TERMINAL_STATUSES as readonly string[]).includes(run.status) && !batchesOpen;
  return { ...run, done, ...cancelled, elapsedMs, rowsPerMinute, etaMs, pausedByBudget, failures, models, modelStats, batches, terminal };
}
