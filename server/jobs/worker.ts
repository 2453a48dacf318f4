// The worker: takes work-item jobs from pg-boss and executes them. Any number of
// worker processes may share one database; the work_items table decides who
// actually runs an item, so a job delivered twice does its work once.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Job } from "pg-boss";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { dbBackoffMs, errorLine, isDbUnavailable, pause, throttledLog } from "@/server/db-errors";
import { Batcher } from "@/server/generation/batcher";
import { executeWorkItem } from "@/server/generation/execute-item";
import { findDeliverableItems, LEASE_SECONDS } from "@/server/generation/queries";
import { startBatchJobs, type BatchSettings } from "./batch-jobs";
import { startDuplicateScanJobs } from "./duplicate-scan-jobs";
import { createBoss, enqueueWorkItems, QUEUE_SCHEMA, WORK_ITEM_QUEUE, workItemJobSchema, type WorkItemJob } from "./queue";
import { startRecovery } from "./recovery";

export type WorkerOptions = {
  db: PrismaClient;
  connectionString: string;
  batchSize: number;
  concurrency: number;
  timeoutMs: number;
  /** Lease of a claimed item, renewed while it runs; a dead worker's items are redelivered within about one lease. */
  leaseSeconds?: number;
  /** Provider batch mode: poll interval and batch size. */
  batch?: BatchSettings;
  log?: (line: string) => void;
};

export type RunningWorker = { id: string; stop(): Promise<void>; requeue(runId: string): Promise<number>; sweep(): Promise<number> };

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  const report = throttledLog(log);
  const leaseSeconds = options.leaseSeconds ?? LEASE_SECONDS;
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const boss = createBoss(options.connectionString);
  // pg-boss reports its pool's errors (a restarting database) here and reconnects by itself; unheard, they would crash the process.
  boss.on("error", (error: Error) => report(`queue:${error.message}`, `queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(WORK_ITEM_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 });
  const abort = new AbortController();
  let stopping: Promise<void> | undefined;
  /** Items executing now (an item delivered twice to this worker counts twice). */
  const held = new Map<string, number>();
  // An item stopped by a pause is given back after its run is seen paused; if resume came in
  // between, it listed the item as running and sent it no job. Its release sees the run running
  // (both lock the run row) and the item gets a job here at once instead of waiting for the sweep.
  // A job too many is harmless (claiming decides); a stopping worker leaves it to the sweep.
  const redeliveries = new Batcher((ids: string[]) => enqueueWorkItems(boss, ids).then(() => ids.map(() => undefined)), { maxItems: 1000 });
  const redeliver = (workItemId: string) => (stopping ? Promise.resolve() : redeliveries.submit(workItemId));

  const execute = async (workItemId: string) => {
    held.set(workItemId, (held.get(workItemId) ?? 0) + 1);
    try {
      for (let failures = 1; ; failures++) {
        try {
          return await executeWorkItem(options.db, workItemId, { workerId: id, timeoutMs: options.timeoutMs, leaseSeconds, signal: abort.signal, redeliver });
        } catch (error) {
          // Claiming or giving the item back hit a database that is away: wait for it (the claim is safe to repeat).
          if (!isDbUnavailable(error) || abort.signal.aborted) throw error;
          report("db", `database unavailable (${errorLine(error)}); retrying work item ${workItemId}`);
          await pause(dbBackoffMs(failures), abort.signal).catch(() => undefined);
        }
      }
    } finally {
      const count = (held.get(workItemId) ?? 1) - 1;
      if (count > 0) held.set(workItemId, count);
      else held.delete(workItemId);
    }
  };

  // A job only hands an item over: it completes once its item has started, and the item runs in
  // one of `concurrency` slots. A slot frees the moment its item ends (no batch waits for its
  // slowest item), and the next batch is fetched as soon as this one has started. An item whose
  // job completed is the database's from then on: claimed and leased, or found by the sweep.
  const slots = new Slots(options.concurrency);
  const inFlight = new Set<Promise<void>>();
  const handle = async (jobs: Job<WorkItemJob>[]) => {
    for (const job of jobs) {
      await slots.take();
      if (stopping) {
        // Not started: the recovery sweep (here after a restart, or any other worker) delivers it again.
        slots.give();
        return;
      }
      const parsed = workItemJobSchema.safeParse(job.data);
      if (!parsed.success) {
        slots.give();
        report("job", `job ${job.id} carries no work item id; skipped`);
        continue;
      }
      const task = execute(parsed.data.workItemId)
        .then(() => undefined, (error: unknown) => {
          // The item keeps its state in the database; the sweep delivers it again once its lease runs out.
          report(`item:${errorLine(error)}`, `work item of job ${job.id} stopped with an error: ${errorLine(error)}`);
        })
        .finally(() => {
          slots.give();
          inFlight.delete(task);
        });
      inFlight.add(task);
    }
  };

  await boss.work<WorkItemJob>(WORK_ITEM_QUEUE, { batchSize: Math.min(options.batchSize, options.concurrency), pollingIntervalSeconds: 0.5, burstWhenBatchFull: true }, handle);
  const batches = await startBatchJobs({ boss, db: options.db, leaseSeconds, settings: options.batch, log: report });
  await startDuplicateScanJobs({ boss, db: options.db, log: report });

  const requeue = async (runId: string) => {
    const ids = await findDeliverableItems(options.db, runId);
    await enqueueWorkItems(boss, ids);
    return ids.length;
  };

  // Its first sweep at once: runs interrupted by a crash have items no job will deliver any more.
  const recovery = startRecovery({
    db: options.db, workerId: id, leaseSeconds, table: { schema: QUEUE_SCHEMA, queue: WORK_ITEM_QUEUE },
    held: () => [...held.keys()],
    enqueue: (ids) => enqueueWorkItems(boss, ids),
    log: report,
  });
  log(`worker ${id} started (concurrency ${options.concurrency}, lease ${leaseSeconds} s)`);

  const stop = () =>
    (stopping ??= (async () => {
      recovery.stopSweeping();
      batches.stop();
      // In-flight calls get a grace period, then are abandoned and released:
      // their items go back to pending and run again on the next start.
      const grace = setTimeout(() => abort.abort(new Error("worker stopping")), 15_000);
      await boss.stop({ graceful: true, timeout: 20_000 });
      await Promise.all(inFlight);
      clearTimeout(grace);
      recovery.stopHeartbeat();
      log(`worker ${id} stopped`);
    })());

  return { id, stop, requeue, sweep: recovery.sweep };
}

/** A counting semaphore: `take` waits for a free slot, `give` frees one (FIFO). */
class Slots {
  private readonly waiting: (() => void)[] = [];
  constructor(private free: number) {}

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
