// The worker's `Steps`: each step of a work item is one structured call through
// the shared limiter, retried on transient errors with jittered backoff, and
// recorded as attempts. A final error fails the whole item (its siblings in
// flight are aborted); a run that stopped accepting work while a call waited
// for the limiter gives the item back untouched.
import type { z } from "zod";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { dbBackoffMs, isDbUnavailable } from "@/server/db-errors";
import { LlmError } from "@/server/llm/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { costOf, resolvePrice } from "@/server/llm/pricing/service";
import { acquireCall, estimateTokens, failedCall, sleep, type Permit } from "@/server/llm/rate-limiter";
import { structuredTargetFor } from "@/server/llm/registry";
import { generateStructured, type Usage } from "@/server/llm/structured";
import { getConnectionApiKey, rememberJsonSchemaRejected } from "@/server/providers/service";
import type { AttemptRecord, ModelCallStats } from "./commit-queries";
import { runAcceptsWork } from "./queries";
import { watchRun } from "./run-watch";
import type { StepCall, StepResult, Steps } from "./types/engine";

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A limiter wait this long (or any backoff) since the claim means the run's status is checked again before calling. */
const RECHECK_AFTER_WAIT_MS = 10;
/** Attempt numbers of one execution of an item start at (execution − 1) × this + 1. */
export const ATTEMPTS_PER_EXECUTION = 10_000;
/** Errors raised before any request reached the provider are not calls. */
const NOT_A_CALL = new Set(["config", "daily_limit", "cancelled"]);

export class ItemReleased extends Error {
  constructor() {
    super("The run stopped accepting work; the item goes back untouched.");
  }
}

export class ItemFailed extends Error {
  constructor(readonly error: LlmError, readonly reason: string) {
    super(reason);
  }
}

function backoffMs(attempt: number, error: LlmError): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_BACKOFF_MS * 2);
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const zeroStats = (model: string): ModelCallStats => ({ model, calls: 0, firstTryValid: 0, repaired: 0, failed: 0, inputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0 });

export type StepCallerOptions = { workerId: string; timeoutMs: number; maxAttempts?: number; signal?: AbortSignal };

export class StepCaller implements Steps {
  readonly attempts: AttemptRecord[] = [];
  readonly usage: Usage = { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 };
  costUsd = 0;
  /** Latency of the slowest chain of calls is not known; this is the sum of call latencies. */
  latencyMs = 0;
  private readonly stats = new Map<string, ModelCallStats>();
  private readonly stop = new AbortController();
  private readonly signal: AbortSignal;
  private sequence = 0;
  private waited = false;
  private failure?: ItemFailed | ItemReleased;

  constructor(
    private readonly db: PrismaClient,
    private readonly item: { runId: string; attempts: number; model: ModelRef },
    private readonly options: StepCallerOptions,
  ) {
    this.signal = options.signal ? AbortSignal.any([options.signal, this.stop.signal]) : this.stop.signal;
  }

  /** Per-model call statistics of every call made, for the run's per-model table. */
  modelStats(): ModelCallStats[] {
    return [...this.stats.values()];
  }

  /** Whether any call of this item was valid only after a repair. */
  get repaired(): boolean {
    return this.attempts.some((attempt) => attempt.outcome === "repaired");
  }

  private statsOf(model: string): ModelCallStats {
    let entry = this.stats.get(model);
    if (!entry) this.stats.set(model, (entry = zeroStats(model)));
    return entry;
  }

  private end(failure: ItemFailed | ItemReleased): never {
    this.failure ??= failure;
    this.stop.abort(this.failure);
    throw this.failure;
  }

  async call<S extends z.ZodType>(step: StepCall<S>): Promise<StepResult<z.infer<S>>> {
    const ref = step.model ?? this.item.model;
    const maxAttempts = this.options.maxAttempts ?? 4;
    const estimatedTokens = estimateTokens((step.system ?? "") + step.prompt, ref.parameters.maxOutputTokens);
    let databaseFailures = 0;
    for (let attempt = 1; ; attempt++) {
      if (this.failure) throw this.failure;
      const startedAt = new Date();
      let permit: Permit | undefined;
      try {
        // The wait for a slot ends early when the run is paused or cancelled meanwhile.
        const watch = watchRun(this.db, this.item.runId);
        try {
          permit = await acquireCall(this.db, ref, { estimatedTokens }, AbortSignal.any([this.signal, watch.signal]));
        } catch (error) {
          if (watch.signal.aborted && !this.signal.aborted) this.end(new ItemReleased());
          throw error;
        } finally {
          watch.done();
        }
        // Waiting for the limiter can take a while: a run paused (budget) or stopped meanwhile
        // gets its item back untouched instead of one more call.
        if ((this.waited || permit.waitedMs >= RECHECK_AFTER_WAIT_MS) && !(await runAcceptsWork(this.db, this.item.runId))) {
          await permit.release({ ok: true, calls: 0 });
          permit = undefined;
          this.end(new ItemReleased());
        }
        const result = await generateStructured({
          ...(await structuredTargetFor(ref, { resolveKey: (keyRef) => getConnectionApiKey(this.db, keyRef.connectionId) })),
          schema: step.schema,
          system: step.system,
          prompt: step.prompt,
          timeoutMs: ref.timeoutMs ?? this.options.timeoutMs,
          abortSignal: this.signal,
        });
        await permit.release({ ok: true, usage: result.usage, calls: result.repairs + 1 });
        permit = undefined;
        if (result.fellBackToPrompt) await rememberJsonSchemaRejected(this.db, ref.connectionId);
        this.record(step.step, ref, { outcome: result.repairs > 0 ? "repaired" : "succeeded", repairs: result.repairs, latencyMs: result.latencyMs, startedAt });
        const cost = costOf(result.usage, await resolvePrice(this.db, ref.model, ref.pricing));
        this.addUsage(ref.model, result.usage, cost, result.calls, result.firstTryValid ? "valid" : "repaired");
        this.latencyMs += result.latencyMs;
        return { output: result.output, ...(result.reasoningText ? { reasoningText: result.reasoningText } : {}) };
      } catch (raw) {
        await permit?.release(failedCall(raw));
        if (raw instanceof ItemReleased || raw instanceof ItemFailed) throw raw;
        if (this.failure) throw this.failure;
        if (this.options.signal?.aborted) this.end(new ItemReleased());
        if (!(raw instanceof LlmError) && isDbUnavailable(raw)) {
          // The database (limiter, key or price lookup), not the model, failed: that was no
          // attempt. Wait for it and take the same attempt again. (A provider's own connection
          // errors arrive as LlmError, so they are never mistaken for the database's.)
          this.waited = true;
          await this.pause(dbBackoffMs(++databaseFailures));
          attempt--;
          continue;
        }
        const error = raw instanceof LlmError ? raw : new LlmError({ kind: "server", retryable: true, message: (raw as Error).message ?? String(raw), cause: raw });
        this.record(step.step, ref, { outcome: "error", errorKind: error.kind, message: error.message, repairs: 0, latencyMs: Date.now() - startedAt.getTime(), startedAt });
        if (!NOT_A_CALL.has(error.kind)) this.statsOf(ref.model).calls += 1;
        if (!error.retryable || attempt >= maxAttempts) {
          this.statsOf(ref.model).failed += 1;
          const reason = error.retryable ? `${error.message} (gave up after ${attempt} attempts)` : error.message;
          this.end(new ItemFailed(error, reason));
        }
        this.waited = true;
        await this.pause(backoffMs(attempt, error));
      }
    }
  }

  private async pause(ms: number): Promise<void> {
    try {
      await sleep(ms, this.signal);
    } catch {
      if (this.failure) throw this.failure;
      this.end(new ItemReleased());
    }
  }

  private record(step: string, ref: ModelRef, attempt: Omit<AttemptRecord, "number" | "step" | "model">) {
    this.attempts.push({ ...attempt, number: (this.item.attempts - 1) * ATTEMPTS_PER_EXECUTION + ++this.sequence, step, model: ref.model });
  }

  private addUsage(model: string, usage: Usage, cost: number, calls: number, outcome: "valid" | "repaired") {
    this.usage.inputTokens += usage.inputTokens;
    this.usage.outputTokens += usage.outputTokens;
    this.usage.reasoningTokens += usage.reasoningTokens;
    this.costUsd += cost;
    const stats = this.statsOf(model);
    stats.calls += calls;
    if (outcome === "valid") stats.firstTryValid += 1;
    else stats.repaired += 1;
    stats.inputTokens += usage.inputTokens;
    stats.outputTokens += usage.outputTokens;
    stats.reasoningTokens += usage.reasoningTokens;
    stats.costUsd += cost;
  }
}
