// The worker: takes work-item jobs from pg-boss and executes them. Any number of
// worker processes may share one database; the work_items table decides who
// actually runs an item, so a job delivered twice does its work once.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Job } from "pg-boss";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { executeWorkItem } from "@/server/generation/execute-item";
import { findActiveRunIds, findDeliverableItems } from "@/server/generation/queries";
import { createBoss, enqueueWorkItems, WORK_ITEM_QUEUE, workItemJobSchema, type WorkItemJob } from "./queue";

export type WorkerOptions = {
  db: PrismaClient;
  connectionString: string;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
  log?: (line: string) => void;
};

export type RunningWorker = { id: string; stop(): Promise<void>; requeue(runId: string): Promise<number> };

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const boss = createBoss(options.connectionString);
  boss.on("error", (error: Error) => log(`queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(WORK_ITEM_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 });
  const abort = new AbortController();

  const handle = async (jobs: Job<WorkItemJob>[]) => {
    await Promise.all(
      jobs.map(async (job) => {
        const { workItemId } = workItemJobSchema.parse(job.data);
        await executeWorkItem(options.db, workItemId, { workerId: id, timeoutMs: options.timeoutMs, signal: abort.signal });
      }),
    );
  };

  const localConcurrency = Math.max(1, Math.ceil(options.concurrency / options.batchSize));
  await boss.work<WorkItemJob>(WORK_ITEM_QUEUE, { batchSize: Math.min(options.batchSize, options.concurrency), localConcurrency, pollingIntervalSeconds: 0.5 }, handle);

  const requeue = async (runId: string) => {
    const ids = await findDeliverableItems(options.db, runId);
    await enqueueWorkItems(boss, ids);
    return ids.length;
  };

  // Runs interrupted by a crash have items that no job will deliver any more
  // (their jobs completed or expired); give them new jobs. Duplicates are harmless.
  for (const runId of await findActiveRunIds(options.db)) {
    const count = await requeue(runId);
    if (count > 0) log(`requeued ${count} work items of run ${runId}`);
  }
  log(`worker ${id} started (concurrency ${options.concurrency})`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // In-flight calls get a grace period, then are abandoned and released:
      // their items go back to pending and run again on the next start.
      const grace = setTimeout(() => abort.abort(new Error("worker stopping")), 15_000);
      await boss.stop({ graceful: true, timeout: 20_000 });
      clearTimeout(grace);
      log(`worker ${id} stopped`);
    })());

  return { id, stop, requeue };
}
