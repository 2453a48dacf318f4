// The provider batch queues. A submit job per run and a poll job per batch; at
// most one of each waits and one runs per run or batch ("stately" with the id
// as singleton key), so redeliveries, retries and the sweep never pile up.
// Payloads carry ids; the provider_batches table owns the state.
import type { PgBoss } from "pg-boss";
import { z } from "zod";

export const BATCH_SUBMIT_QUEUE = "batch-submit";
export const BATCH_POLL_QUEUE = "batch-poll";

export const batchSubmitJobSchema = z.object({ runId: z.uuid() });
export const batchPollJobSchema = z.object({ batchId: z.uuid() });

// Long expiries: an upload of a 200 MB file or storing 50,000 answers takes minutes. A failed
// attempt is retried with backoff; when retries run out, the worker's batch sweep sends the job again.
const QUEUE_OPTIONS = { policy: "stately", retryLimit: 10, retryDelay: 10, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 3600 } as const;

export async function createBatchQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(BATCH_SUBMIT_QUEUE, QUEUE_OPTIONS);
  await boss.createQueue(BATCH_POLL_QUEUE, QUEUE_OPTIONS);
}

export async function sendBatchSubmit(boss: PgBoss, runId: string): Promise<void> {
  await boss.send(BATCH_SUBMIT_QUEUE, { runId }, { singletonKey: runId });
}

export async function sendBatchPoll(boss: PgBoss, batchId: string, afterSeconds: number): Promise<void> {
  await boss.send(BATCH_POLL_QUEUE, { batchId }, { singletonKey: batchId, startAfter: new Date(Date.now() + afterSeconds * 1000) });
}
