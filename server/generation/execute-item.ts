// Runs one work item: claim → its dataset type's steps (each a rate-limited,
// retried structured call) → commit rows + status together. Safe to call twice
// for the same item.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { retryWhileDbUnavailable } from "@/server/db-errors";
import { LlmError } from "@/server/llm/errors";
import { itemInputOf } from "./item-input";
import { workItemPayloadSchema, type WorkItemPayload } from "./payload";
import { claimWorkItem, commitItemFailure, commitItemSuccess, releaseWorkItem, type ClaimedItem, type RowInsert } from "./queries";
import { ItemFailed, ItemReleased, StepCaller } from "./step-caller";
import { engineFor } from "./types";
import type { RowDraft } from "./types/engine";

export type ExecuteOptions = {
  workerId: string; timeoutMs: number; maxAttempts?: number; signal?: AbortSignal; leaseSeconds?: number;
  /** Delivers an item this call gave back to a run that accepts work (resumed meanwhile): no resume will list it. */
  redeliver?(workItemId: string): Promise<void>;
};

export type ExecuteOutcome = "succeeded" | "failed" | "skipped" | "released";

/** Splits an item's usage over its rows so the rows add up exactly to the item. */
export function share(total: number, count: number, index: number): number {
  const base = Math.floor(total / count);
  return base + (index < total - base * count ? 1 : 0);
}

export function rowInserts(claimed: Pick<ClaimedItem, "id" | "runId" | "datasetId">, payload: WorkItemPayload, drafts: RowDraft[], spent: { inputTokens: number; outputTokens: number; reasoningTokens: number; costUsd: number; latencyMs: number }): RowInsert[] {
  const ref = payload.model;
  return drafts.map((draft, index) => ({
    datasetId: claimed.datasetId, runId: claimed.runId, workItemId: claimed.id, index,
    data: draft.data as RowInsert["data"], text: draft.text, labels: draft.labels,
    language: payload.language, model: ref.model, connectionId: ref.connectionId,
    prompt: payload.prompt, variables: payload.variables, parameters: ref.parameters as RowInsert["parameters"],
    inputTokens: share(spent.inputTokens, drafts.length, index),
    outputTokens: share(spent.outputTokens, drafts.length, index),
    reasoningTokens: share(spent.reasoningTokens, drafts.length, index),
    costUsd: spent.costUsd / drafts.length,
    latencyMs: spent.latencyMs,
    replacesRowId: payload.replacesRowId,
  }));
}

export async function executeWorkItem(db: PrismaClient, workItemId: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const claimed = await claimWorkItem(db, workItemId, options.workerId, options.leaseSeconds);
  if (!claimed) return "skipped";
  const payload = workItemPayloadSchema.parse(claimed.payload);
  const steps = new StepCaller(db, { runId: claimed.runId, attempts: claimed.attempts, model: payload.model }, options);
  let drafts: RowDraft[];
  try {
    drafts = await engineFor(payload.type).run(itemInputOf(payload), steps);
    if (drafts.length === 0) throw new ItemFailed(new LlmError({ kind: "schema", retryable: false, message: "the steps produced no row" }), "the steps produced no row");
  } catch (error) {
    if (error instanceof ItemReleased || (options.signal?.aborted && !(error instanceof ItemFailed))) {
      if (await releaseWorkItem(db, workItemId, options.workerId)) await options.redeliver?.(workItemId);
      return "released";
    }
    // A type's own code failing (not a model call) fails the item with its message rather than looping.
    const failure = error instanceof ItemFailed ? error : new ItemFailed(new LlmError({ kind: "internal", retryable: false, message: (error as Error).message ?? String(error) }), `internal error: ${(error as Error).message ?? String(error)}`);
    await retryWhileDbUnavailable(() => commitItemFailure(db, {
      workItemId, runId: claimed.runId, workerId: options.workerId, expectedRows: claimed.expectedRows, errorKind: failure.error.kind, message: failure.reason,
      attempts: steps.attempts, stats: steps.modelStats(),
    }), { signal: options.signal });
    return "failed";
  }
  const rows = rowInserts(claimed, payload, drafts, { ...steps.usage, costUsd: steps.costUsd, latencyMs: steps.latencyMs });
  // A database restart while committing waits for the database: the calls are not made again.
  const committed = await retryWhileDbUnavailable(() => commitItemSuccess(db, {
    workItemId, runId: claimed.runId, workerId: options.workerId, rows, attempts: steps.attempts,
    inputTokens: steps.usage.inputTokens, outputTokens: steps.usage.outputTokens, reasoningTokens: steps.usage.reasoningTokens,
    costUsd: rows.reduce((sum, row) => sum + row.costUsd, 0),
    stats: steps.modelStats(),
  }), { signal: options.signal });
  return committed ? "succeeded" : "skipped";
}
