// The worker's part in provider batch mode: it submits batch-mode runs, polls
// their batches until they end, and sweeps for what a crash left behind (a
// run whose submission stopped, a batch whose poll chain died). Each poll that
// finds its batch still running asks for the next one after the poll interval.
import type { Job, PgBoss } from "pg-boss";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { errorLine } from "@/server/db-errors";
import type { BatchDeps } from "@/server/generation/batch/deps";
import { pollProviderBatch } from "@/server/generation/batch/poll";
import { findQuietBatches, findRunsToSubmit } from "@/server/generation/batch/queries";
import { submitRunBatches } from "@/server/generation/batch/submit";
import { BATCH_POLL_QUEUE, BATCH_SUBMIT_QUEUE, batchPollJobSchema, batchSubmitJobSchema, createBatchQueues, sendBatchPoll, sendBatchSubmit } from "./batch-queue";
import { enqueueWorkItems } from "./queue";

export type BatchSettings = {
  /** Seconds between two polls of a submitted batch. */
  pollSeconds: number;
  /** Most requests per provider batch (the provider's own limit when larger or unset). */
  maxRequests?: number;
};

export const DEFAULT_BATCH_SETTINGS: BatchSettings = { pollSeconds: 60 };

export type BatchJobs = { sweep(): Promise<void>; stop(): void };

export async function startBatchJobs(options: { boss: PgBoss; db: PrismaClient; leaseSeconds: number; settings?: BatchSettings; log(key: string, line: string): void }): Promise<BatchJobs> {
  const { boss, db, log } = options;
  const settings = options.settings ?? DEFAULT_BATCH_SETTINGS;
  await createBatchQueues(boss);
  const deps: BatchDeps = {
    maxRequests: settings.maxRequests,
    leaseSeconds: options.leaseSeconds,
    schedulePoll: (batchId) => sendBatchPoll(boss, batchId, settings.pollSeconds),
    enqueueOnline: (ids) => enqueueWorkItems(boss, ids),
  };

  // A failing handler throws: pg-boss retries the job with backoff, the sweep takes over after that.
  const pollingIntervalSeconds = Math.min(2, Math.max(0.5, settings.pollSeconds));
  await boss.work(BATCH_SUBMIT_QUEUE, { pollingIntervalSeconds }, async ([job]: Job<unknown>[]) => {
    const { runId } = batchSubmitJobSchema.parse(job!.data);
    const submitted = await submitRunBatches(db, runId, deps);
    if (submitted > 0) log(`batch-submit:${runId}`, `run ${runId}: submitted ${submitted} provider batch(es)`);
  });
  await boss.work(BATCH_POLL_QUEUE, { pollingIntervalSeconds }, async ([job]: Job<unknown>[]) => {
    const { batchId } = batchPollJobSchema.parse(job!.data);
    if ((await pollProviderBatch(db, batchId, deps)) === "waiting") await deps.schedulePoll(batchId);
  });

  const sweep = async () => {
    for (const runId of await findRunsToSubmit(db)) await sendBatchSubmit(boss, runId);
    // A batch unpolled for three intervals (half a minute at least) lost its chain: its poll job's retries ran out, or it was never sent.
    for (const batchId of await findQuietBatches(db, Math.max(30, settings.pollSeconds * 3))) await sendBatchPoll(boss, batchId, 0);
  };
  // At start (what a crash left), then every few poll intervals; sends are idempotent per run or batch.
  const interval = Math.max(10, settings.pollSeconds * 3) * 1000;
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweep()
      .catch((error: unknown) => log("batch-sweep", `batch sweep failed: ${errorLine(error)}`))
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, interval);
  return { sweep, stop: () => clearInterval(timer) };
}
