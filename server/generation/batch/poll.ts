// Polling a provider batch: its status and counts at each poll; once it ended,
// its answers are stored (results.ts) and whatever it did not answer - errored,
// expired, cancelled, or the whole batch failed - goes back to online calls.
// Safe to run twice at once or again after a crash: items are claimed one by
// one, and a batch ends only after every item it carried was settled.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { LlmError } from "@/server/llm/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { workItemPayloadSchema } from "../payload";
import { batchClientOf, type BatchDeps } from "./deps";
import { fallBackToOnline } from "./item-queries";
import { countSettled, endBatch, findBatch, findBatchedItems, recordBatchState } from "./queries";
import { storeBatchResults } from "./results";

export type PollOutcome = "waiting" | "done";

export async function pollProviderBatch(db: PrismaClient, batchId: string, deps: BatchDeps): Promise<PollOutcome> {
  const batch = await findBatch(db, batchId);
  // A batch still submitting is the submit job's (it schedules the first poll); a settled one needs nothing.
  if (!batch || batch.status !== "submitted" || !batch.providerBatchId) return "done";
  const ref = await modelOfBatch(db, batchId);
  if (!ref) {
    await endBatch(db, batchId, "ended");
    return "done";
  }
  const client = await batchClientOf(db, ref);
  if (batch.runStatus === "cancelling" || batch.runStatus === "cancelled") {
    // The cancel already cancelled its items; rows stored before stay. What the provider answers from now on is not read.
    try {
      await client.cancel(batch.providerBatchId);
    } catch (error) {
      // An ended batch cannot be cancelled (400); only a provider that is away is worth another try.
      if (!(error instanceof LlmError) || error.retryable) throw error;
    }
    await endBatch(db, batchId, "cancelled");
    return "done";
  }
  const state = await client.status(batch.providerBatchId);
  await recordBatchState(db, batchId, state);
  if (!state.ended) return "waiting";
  await storeBatchResults(db, batch, client.results(state), deps);
  const reason = state.error ? `The provider failed the batch: ${state.error}` : `The provider batch ended (${state.providerStatus}) without answering this item`;
  const left = await findBatchedItems(db, batchId);
  const moved = await fallBackToOnline(db, { batchId, model: batch.model, items: left.map((item) => ({ id: item.id, reason, answered: false })) });
  await deps.enqueueOnline(moved);
  await countSettled(db, batchId, { stored: 0, fallback: moved.length });
  await endBatch(db, batchId, state.error ? "failed" : "ended", state.error);
  return "done";
}

/** Every item of a batch calls the same connection and model; the first one's payload says which. */
async function modelOfBatch(db: PrismaClient, batchId: string): Promise<ModelRef | undefined> {
  const item = await db.workItem.findFirst({ where: { batchId }, select: { payload: true } });
  return item ? workItemPayloadSchema.parse(item.payload).model : undefined;
}
