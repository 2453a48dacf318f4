// Runs one work item: claim → call the model (retrying transient failures) →
// commit rows + status together. Safe to call twice for the same item.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { dbBackoffMs, isDbUnavailable, retryWhileDbUnavailable } from "@/server/db-errors";
import { LlmError } from "@/server/llm/errors";
import { costOf, resolvePrice } from "@/server/llm/pricing/service";
import { acquireCall, estimateTokens, failedCall, sleep, type Permit } from "@/server/llm/rate-limiter";
import { structuredTargetFor } from "@/server/llm/registry";
import { generateStructured } from "@/server/llm/structured";
import { getConnectionApiKey, rememberJsonSchemaRejected } from "@/server/providers/service";
import { workItemPayloadSchema, type WorkItemPayload } from "./payload";
import { claimWorkItem, runAcceptsWork, commitItemFailure, commitItemSuccess, releaseWorkItem, type AttemptRecord, type ModelCallStats, type RowInsert } from "./queries";
import { classificationOutputSchema, classificationRows, classificationSystemPrompt } from "./types/classification";

export type ExecuteOptions = { workerId: string; timeoutMs: number; maxAttempts?: number; signal?: AbortSignal; leaseSeconds?: number };

export type ExecuteOutcome = "succeeded" | "failed" | "skipped" | "released";

const BASE_BACKOFF_MS = 500;
/** A limiter wait this long (or any backoff) since the claim means the run's status is checked again before calling. */
const RECHECK_AFTER_WAIT_MS = 10;
const MAX_BACKOFF_MS = 30_000;

function backoffMs(attempt: number, error: LlmError): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_BACKOFF_MS * 2);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Errors raised before any request reached the provider are not calls. */
const NOT_A_CALL = new Set(["config", "daily_limit", "cancelled"]);

function callStats(model: string, attempts: AttemptRecord[], extraCalls: number, outcome: "valid" | "repaired" | "failed", usage = { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 }, costUsd = 0): ModelCallStats {
  const failedCalls = attempts.filter((attempt) => attempt.outcome === "error" && !NOT_A_CALL.has(attempt.errorKind ?? "")).length;
  return {
    model, calls: failedCalls + extraCalls, firstTryValid: outcome === "valid" ? 1 : 0, repaired: outcome === "repaired" ? 1 : 0, failed: outcome === "failed" ? 1 : 0,
    inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, reasoningTokens: usage.reasoningTokens, costUsd,
  };
}

/** Splits an item's usage over its rows so the rows add up exactly to the item. */
function share(total: number, count: number, index: number): number {
  const base = Math.floor(total / count);
  return base + (index < total - base * count ? 1 : 0);
}

export async function executeWorkItem(db: PrismaClient, workItemId: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const claimed = await claimWorkItem(db, workItemId, options.workerId, options.leaseSeconds);
  if (!claimed) return "skipped";
  const payload: WorkItemPayload = workItemPayloadSchema.parse(claimed.payload);
  const maxAttempts = options.maxAttempts ?? 4;
  const attempts: AttemptRecord[] = [];
  const ref = payload.model;
  const estimatedTokens = estimateTokens(classificationSystemPrompt + payload.prompt, ref.parameters.maxOutputTokens);

  let databaseFailures = 0;
  let waited = false;
  for (let attempt = 1; ; attempt++) {
    const startedAt = new Date();
    const number = (claimed.attempts - 1) * maxAttempts + attempt;
    let permit: Permit | undefined;
    try {
      permit = await acquireCall(db, ref, { estimatedTokens }, options.signal);
      // Waiting for the limiter can take a while: a run paused (budget) or
      // stopped meanwhile gets its item back untouched instead of one more call.
      // (The claim checked the run: with no wait since, there is nothing new to learn.)
      if ((waited || permit.waitedMs >= RECHECK_AFTER_WAIT_MS) && !(await runAcceptsWork(db, claimed.runId))) {
        await permit.release({ ok: true, calls: 0 });
        permit = undefined;
        await releaseWorkItem(db, workItemId, options.workerId);
        return "released";
      }
      const result = await generateStructured({
        ...(await structuredTargetFor(ref, { resolveKey: (keyRef) => getConnectionApiKey(db, keyRef.connectionId) })),
        schema: classificationOutputSchema(payload.samples),
        system: classificationSystemPrompt,
        prompt: payload.prompt,
        timeoutMs: ref.timeoutMs ?? options.timeoutMs,
        abortSignal: options.signal,
      });
      await permit.release({ ok: true, usage: result.usage, calls: result.repairs + 1 });
      permit = undefined;
      if (result.fellBackToPrompt) await rememberJsonSchemaRejected(db, ref.connectionId);
      attempts.push({ number, outcome: result.repairs > 0 ? "repaired" : "succeeded", repairs: result.repairs, latencyMs: result.latencyMs, startedAt });
      const drafts = classificationRows(result.output, payload);
      const cost = costOf(result.usage, await resolvePrice(db, ref.model, ref.pricing));
      const rows: RowInsert[] = drafts.map((draft, index) => ({
        datasetId: claimed.datasetId, runId: claimed.runId, workItemId, index,
        data: draft.data as RowInsert["data"], text: draft.text, labels: draft.labels,
        language: payload.language, model: ref.model, connectionId: ref.connectionId,
        prompt: payload.prompt, variables: payload.variables, parameters: ref.parameters as RowInsert["parameters"],
        inputTokens: share(result.usage.inputTokens, drafts.length, index),
        outputTokens: share(result.usage.outputTokens, drafts.length, index),
        reasoningTokens: share(result.usage.reasoningTokens, drafts.length, index),
        costUsd: cost / drafts.length,
        latencyMs: result.latencyMs,
      }));
      // A database restart while committing waits for the database: the call is not made again.
      const committed = await retryWhileDbUnavailable(() => commitItemSuccess(db, {
        workItemId, runId: claimed.runId, workerId: options.workerId, rows, attempts,
        inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens, reasoningTokens: result.usage.reasoningTokens,
        costUsd: rows.reduce((sum, row) => sum + row.costUsd, 0),
        stats: callStats(ref.model, attempts, result.calls, result.firstTryValid ? "valid" : "repaired", result.usage, cost),
      }), { signal: options.signal });
      return committed ? "succeeded" : "skipped";
    } catch (raw) {
      await permit?.release(failedCall(raw));
      if (options.signal?.aborted) {
        await releaseWorkItem(db, workItemId, options.workerId);
        return "released";
      }
      if (!(raw instanceof LlmError) && isDbUnavailable(raw)) {
        // The database (limiter, key or price lookup), not the model, failed: that was no
        // attempt. Wait for it and take the same attempt again. (A provider's own connection
        // errors arrive as LlmError, so they are never mistaken for the database's.)
        try {
          waited = true;
          await sleep(dbBackoffMs(++databaseFailures), options.signal);
        } catch {
          await releaseWorkItem(db, workItemId, options.workerId);
          return "released";
        }
        attempt--;
        continue;
      }
      const error = raw instanceof LlmError ? raw : new LlmError({ kind: "server", retryable: true, message: (raw as Error).message ?? String(raw), cause: raw });
      attempts.push({ number, outcome: "error", errorKind: error.kind, message: error.message, repairs: 0, latencyMs: Date.now() - startedAt.getTime(), startedAt });
      if (!error.retryable || attempt >= maxAttempts) {
        const reason = error.retryable ? `${error.message} (gave up after ${attempt} attempts)` : error.message;
        await retryWhileDbUnavailable(() => commitItemFailure(db, { workItemId, runId: claimed.runId, workerId: options.workerId, expectedRows: claimed.expectedRows, errorKind: error.kind, message: reason, attempts, stats: callStats(ref.model, attempts, 0, "failed") }), { signal: options.signal });
        return "failed";
      }
      try {
        waited = true;
        await sleep(backoffMs(attempt, error), options.signal);
      } catch {
        await releaseWorkItem(db, workItemId, options.workerId);
        return "released";
      }
    }
  }
}
