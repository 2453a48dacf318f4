// Submitting a batch-mode run: per model, up to a provider batch's worth of
// waiting items become one batch, one request per item (custom_id = work item
// id), built exactly as the online call would be.
//
// Submission is at-least-once towards the provider, exactly-once towards rows.
// The batch row and its items are recorded before any HTTP call. When an attempt
// dies after the provider accepted the batch but before its id was stored, the
// next attempt (the job's retry, or the sweep) asks the provider first: an
// OpenAI batch carries our batch id as metadata and is found and adopted; an
// Anthropic message batch carries none, so it is submitted again. The orphan is
// billed but never read: results come only from the batch whose id is stored,
// and an item commits at most once whatever answered it.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { batchLimitsOf, batchRequestOf, type BatchClient } from "@/server/llm/batch";
import { LlmError } from "@/server/llm/errors";
import { itemCallFor } from "../item-call";
import { workItemPayloadSchema } from "../payload";
import { runAcceptsWork } from "../queries";
import { batchClientOf, type BatchDeps } from "./deps";
import { fallBackToOnline } from "./item-queries";
import {
  endBatch, findBatch, findBatchedItems, findSubmittingBatches, findWaitingModels, markRunStarted, recordSubmitted, recordUploaded, reserveBatch, returnToWaiting,
  type BatchItem, type BatchRecord,
} from "./queries";

/** Submits every waiting item of the run (while it accepts work) and finishes submissions cut off earlier. Returns the batches submitted. */
export async function submitRunBatches(db: PrismaClient, runId: string, deps: BatchDeps): Promise<number> {
  let submitted = 0;
  for (const batch of await findSubmittingBatches(db, runId)) if (await completeSubmission(db, batch, deps)) submitted++;
  // A paused run submits nothing new (resume asks again); a cancelled one has no waiting items left.
  while (await runAcceptsWork(db, runId)) {
    const [waiting] = await findWaitingModels(db, runId);
    if (!waiting) break;
    const providerLimit = batchLimitsOf(waiting.kind)?.maxRequests ?? 1;
    const batchId = await reserveBatch(db, { runId, ...waiting, limit: Math.min(deps.maxRequests ?? providerLimit, providerLimit) });
    if (!batchId) continue;
    await markRunStarted(db, runId);
    if (await completeSubmission(db, (await findBatch(db, batchId))!, deps)) submitted++;
  }
  return submitted;
}

async function completeSubmission(db: PrismaClient, batch: BatchRecord, deps: BatchDeps): Promise<boolean> {
  const items = await findBatchedItems(db, batch.id);
  if (items.length === 0) {
    // Its items were cancelled with the run (or settled): nothing left to send.
    await endBatch(db, batch.id, batch.runStatus === "cancelling" || batch.runStatus === "cancelled" ? "cancelled" : "ended");
    return false;
  }
  const ref = workItemPayloadSchema.parse(items[0]!.payload).model;
  try {
    const client = await batchClientOf(db, ref);
    const providerBatchId = batch.providerBatchId ?? (await client.find(batch.id, batch.createdAt)) ?? (await send(db, client, batch, items));
    await recordSubmitted(db, batch.id, providerBatchId);
    await deps.schedulePoll(batch.id);
    return true;
  } catch (error) {
    // Retryable failures (429, 5xx, network) leave the row submitting: the job's retry resolves it.
    if (!(error instanceof LlmError) || error.retryable) throw error;
    const reason = `The provider refused the batch: ${error.message}`;
    await deps.enqueueOnline(await fallBackToOnline(db, { batchId: batch.id, model: batch.model, items: items.map((item) => ({ id: item.id, reason, answered: false })) }));
    await endBatch(db, batch.id, "failed", error.message);
    return false;
  }
}

async function send(db: PrismaClient, client: BatchClient, batch: BatchRecord, items: BatchItem[]): Promise<string> {
  const requests = [];
  for (const item of items) {
    const payload = workItemPayloadSchema.parse(item.payload);
    requests.push(await batchRequestOf(payload.model, item.id, itemCallFor(payload)));
  }
  const encoded = requests.map((request) => client.encode(request));
  const fitting = countFitting(encoded, client.limits.maxBytes);
  if (fitting < encoded.length) await returnToWaiting(db, batch.id, items.slice(fitting).map((item) => item.id));
  const { providerBatchId } = await client.submit({
    tag: batch.id,
    encoded: encoded.slice(0, fitting),
    headers: Object.assign({}, ...requests.map((request) => request.headers)) as Record<string, string>,
    inputFileId: batch.inputFileId ?? undefined,
    onUploaded: (fileId) => recordUploaded(db, batch.id, fileId),
  });
  return providerBatchId;
}

/** How many requests, from the first, fit in maxBytes (at least one: a provider refuses a single oversized one with a reason). */
export function countFitting(encoded: string[], maxBytes: number): number {
  let bytes = 0;
  for (let index = 0; index < encoded.length; index++) {
    bytes += Buffer.byteLength(encoded[index]!) + 1;
    if (bytes > maxBytes) return Math.max(1, index);
  }
  return encoded.length;
}
