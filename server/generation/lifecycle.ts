// Run lifecycle: pause, cancel and retry failed items (resume lives with launch
// in service.ts). queued → running → paused | cancelling → cancelled |
// completed | failed. Items in flight always finish and keep their rows; what
// changes is whether new items are claimed (only for queued or running runs).
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { WorkQueue } from "@/server/jobs/queue";
import { cancelActiveRun, pauseActiveRun, reopenFailedItems } from "./lifecycle-queries";
import { getRun } from "./service";

export const USER_PAUSE_REASON = "Paused by user";

/** Stops claiming new items; the items in flight finish and keep their rows. */
export async function pauseRun(db: PrismaClient, runId: string) {
  if (!(await pauseActiveRun(db, runId, USER_PAUSE_REASON))) {
    const run = await getRun(db, runId);
    throw new AppError("PRECONDITION_FAILED", `Run ${runId} is ${run.status}; only running or queued runs can be paused.`);
  }
  return { runId, status: "paused" as const };
}

/**
 * Cancels every item not in flight and keeps every row made so far. The run
 * is `cancelling` until its last item in flight commits (that commit ends it),
 * or `cancelled` at once when nothing is in flight. Calling it again on a
 * cancelling run also cancels items left behind by a worker that died.
 */
export async function cancelRun(db: PrismaClient, runId: string) {
  const status = await cancelActiveRun(db, runId);
  if (!status) {
    const run = await getRun(db, runId);
    throw new AppError("PRECONDITION_FAILED", `Run ${runId} is ${run.status}; only queued, running or paused runs can be cancelled.`);
  }
  return { runId, status };
}

/** Runs only the failed items of a failed run again; their attempt history is kept. */
export async function retryFailedItems(db: PrismaClient, queue: WorkQueue, runId: string) {
  const run = await getRun(db, runId);
  if (run.status !== "failed") throw new AppError("PRECONDITION_FAILED", notRetryable(runId, run.status, run.failedItems));
  if (run.failedItems === 0) throw new AppError("PRECONDITION_FAILED", `Run ${runId} has no failed items to retry.`);
  const ids = await reopenFailedItems(db, runId);
  if (ids === undefined) {
    const now = await getRun(db, runId);
    throw new AppError("PRECONDITION_FAILED", notRetryable(runId, now.status, now.failedItems));
  }
  if (ids.length === 0) throw new AppError("PRECONDITION_FAILED", `Run ${runId} has no failed items to retry.`);
  // If enqueueing fails the items stay pending; `resume` delivers them again.
  await queue.enqueue(ids);
  return { runId, datasetId: run.datasetId, requeued: ids.length, plannedRows: run.plannedRows };
}

function notRetryable(runId: string, status: string, failedItems: number): string {
  if (status === "completed") return `Run ${runId} completed with no failed items; there is nothing to retry.`;
  if (status === "cancelled") return `Run ${runId} was cancelled; only failed runs can retry their failed items.`;
  const some = failedItems > 0 ? ` (${failedItems} failed so far)` : "";
  return `Run ${runId} is ${status}${some}; failed items can be retried once the run has ended as failed.`;
}
