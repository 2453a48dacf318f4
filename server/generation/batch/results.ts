// Storing a provider batch's answers. Each answer goes through the online
// path's validation (JSON extraction tolerating fences and prose, then zod);
// a valid one commits its rows, status, counters and model statistics through
// the online commit, an invalid one or a per-request error sends its item back
// to online calls, where repair and retries apply.
import { randomUUID } from "node:crypto";
import { BATCH_PRICE_FACTOR } from "@/lib/runs/run-mode";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { BatchAnswer } from "@/server/llm/batch";
import { costOf, resolvePrice } from "@/server/llm/pricing/service";
import { validate } from "@/server/llm/structured";
import { retryWhileDbUnavailable } from "@/server/db-errors";
import { itemCallFor } from "../item-call";
import { rowInserts } from "../execute-item";
import { workItemPayloadSchema, type WorkItemPayload } from "../payload";
import { commitItemSuccess } from "../queries";
import type { RowDraft } from "../types/engine";
import type { BatchDeps } from "./deps";
import { batchAttemptNumber, claimBatchItems, fallBackToOnline, findCarriedItems, type Fallback } from "./item-queries";
import { countSettled, type BatchRecord } from "./queries";

/** Answers stored per round trip: one claim, one commit statement (group commit), one fallback. */
const GROUP = 200;

type Valid = { payload: WorkItemPayload; drafts: RowDraft[]; answer: Extract<BatchAnswer, { kind: "answer" }> };

export async function storeBatchResults(db: PrismaClient, batch: BatchRecord, answers: AsyncIterable<BatchAnswer>, deps: BatchDeps): Promise<void> {
  // Its own owner name per poll: two polls of one batch at once claim different items, never the same.
  const context = { db, batch, deps, workerId: `batch:${batch.id.slice(0, 8)}:${randomUUID().slice(0, 8)}`, latencyMs: batch.submittedAt ? Date.now() - batch.submittedAt.getTime() : 0 };
  let group: BatchAnswer[] = [];
  for await (const answer of answers) {
    group.push(answer);
    if (group.length >= GROUP) {
      await storeGroup(context, group);
      group = [];
    }
  }
  await storeGroup(context, group);
}

type Context = { db: PrismaClient; batch: BatchRecord; deps: BatchDeps; workerId: string; latencyMs: number };

async function storeGroup(context: Context, answers: BatchAnswer[]): Promise<void> {
  if (answers.length === 0) return;
  const { db, batch } = context;
  const carried = new Map((await findCarriedItems(db, batch.id, answers.map((answer) => answer.customId).filter(isUuid))).map((item) => [item.id, item.payload]));
  const valid = new Map<string, Valid>();
  const fallbacks: Fallback[] = [];
  for (const answer of answers) {
    const raw = carried.get(answer.customId);
    if (raw === undefined) continue;
    if (answer.kind === "error") {
      fallbacks.push({ id: answer.customId, reason: `The provider batch could not answer: ${answer.message}`, answered: true });
      continue;
    }
    const payload = workItemPayloadSchema.parse(raw);
    const call = itemCallFor(payload);
    const checked = validate(call.schema, answer, payload.model.parameters.maxOutputTokens);
    if (checked.ok) valid.set(answer.customId, { payload, drafts: call.toRows(checked.value), answer });
    else fallbacks.push({ id: answer.customId, reason: `The provider batch's answer was not valid: ${checked.problem}`, answered: true });
  }
  const stored = await commitValid(context, valid);
  const moved = await fallBackToOnline(db, { batchId: batch.id, model: batch.model, items: fallbacks });
  await context.deps.enqueueOnline(moved);
  await countSettled(db, batch.id, { stored, fallback: moved.length });
}

async function commitValid(context: Context, valid: Map<string, Valid>): Promise<number> {
  const { db, batch, workerId } = context;
  const claimed = await claimBatchItems(db, { batchId: batch.id, ids: [...valid.keys()], workerId, leaseSeconds: context.deps.leaseSeconds });
  const committed = await Promise.all(claimed.map(async (item) => {
    const { payload, drafts, answer } = valid.get(item.id)!;
    const ref = payload.model;
    // Batch requests bill at the batch price: the same tokens, discounted.
    const cost = costOf(answer.usage, await resolvePrice(db, ref.model, ref.pricing)) * BATCH_PRICE_FACTOR;
    const rows = rowInserts(item, payload, drafts, { ...answer.usage, costUsd: cost, latencyMs: context.latencyMs });
    const startedAt = batch.submittedAt ?? batch.createdAt;
    return retryWhileDbUnavailable(() => commitItemSuccess(db, {
      workItemId: item.id, runId: item.runId, workerId, rows,
      attempts: [{ number: batchAttemptNumber(item.attempts), outcome: "succeeded", message: `provider batch ${batch.providerBatchId ?? batch.id}`, repairs: 0, latencyMs: context.latencyMs, startedAt, model: ref.model }],
      inputTokens: answer.usage.inputTokens, outputTokens: answer.usage.outputTokens, reasoningTokens: answer.usage.reasoningTokens,
      costUsd: rows.reduce((sum, row) => sum + row.costUsd, 0),
      stats: [{ model: ref.model, calls: 1, firstTryValid: 1, repaired: 0, failed: 0, ...answer.usage, costUsd: cost }],
    }));
  }));
  return committed.filter(Boolean).length;
}

// custom_id is ours (a work item id), but a result file is outside input: never send a non-UUID to a uuid column.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);
