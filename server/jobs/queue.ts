// pg-boss only delivers work; Postgres tables own the state. Payloads carry ids.
import { PgBoss } from "pg-boss";
import { z } from "zod";
import { createBatchQueues, sendBatchSubmit } from "./batch-queue";
import { createDuplicateScanQueue, sendDuplicateScan } from "./duplicate-scan-queue";

export const WORK_ITEM_QUEUE = "work-item";

export const workItemJobSchema = z.object({ workItemId: z.uuid() });
export type WorkItemJob = z.infer<typeof workItemJobSchema>;

const globalForBoss = globalThis as unknown as { datafastBoss?: Promise<PgBoss> };

export const QUEUE_SCHEMA = "pgboss";

export function createBoss(connectionString: string): PgBoss {
  return new PgBoss({ connectionString, schema: QUEUE_SCHEMA, application_name: "datafast", max: 10 });
}

async function startBoss(connectionString: string): Promise<PgBoss> {
  const boss = createBoss(connectionString);
  boss.on("error", (error: Error) => console.error(`[queue] ${error.message}`));
  await boss.start();
  await boss.createQueue(WORK_ITEM_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 });
  await createBatchQueues(boss);
  await createDuplicateScanQueue(boss);
  return boss;
}

/** The process's sender; the worker has its own instance so stopping it drains cleanly. */
export function getBoss(connectionString: string): Promise<PgBoss> {
  globalForBoss.datafastBoss ??= startBoss(connectionString).catch((error) => {
    globalForBoss.datafastBoss = undefined;
    throw error;
  });
  return globalForBoss.datafastBoss;
}

export async function enqueueWorkItems(boss: PgBoss, workItemIds: string[]): Promise<void> {
  const chunk = 1000;
  for (let start = 0; start < workItemIds.length; start += chunk) {
    // The item id as singleton key (no effect on a standard queue) lets the recovery sweep find an item's waiting job by index.
    await boss.insert(WORK_ITEM_QUEUE, workItemIds.slice(start, start + chunk).map((workItemId) => ({ data: { workItemId }, singletonKey: workItemId })));
  }
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.datafastBoss;
  globalForBoss.datafastBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}

export { startBoss };

/**
 * What services need from the queue; lets tests and the CLI pass their own instance.
 * `submitBatches` starts a batch-mode run's submission; without it, a worker's batch sweep starts it.
 * `scanDuplicates` hands a near-duplicate scan to a worker; without it, the scan runs in the caller's process.
 */
export type WorkQueue = { enqueue(workItemIds: string[]): Promise<void>; submitBatches?(runId: string): Promise<void>; scanDuplicates?(scanId: string): Promise<void> };

export function workQueueFor(connectionString: string): WorkQueue {
  return {
    enqueue: async (ids) => enqueueWorkItems(await getBoss(connectionString), ids),
    submitBatches: async (runId) => sendBatchSubmit(await getBoss(connectionString), runId),
    scanDuplicates: async (scanId) => sendDuplicateScan(await getBoss(connectionString), scanId),
  };
}
