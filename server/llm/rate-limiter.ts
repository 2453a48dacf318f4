// The one door to provider limits. Runs call `acquireCall` before each model
// call and `permit.release(outcome)` after it; the limits hold across every
// worker process sharing the database (server/llm/limits/README.md).
import type { PrismaClient } from "@/server/generated/prisma/client";
import { LlmError } from "./errors";
import { acquireLocal } from "./limits/local";
import { CallLimiter } from "./limits/shared";
import type { CallOutcome, CallRequest, LimitedRef, LimiterOptions, Permit } from "./limits/types";
import { sleep } from "./limits/wait";

export { CallLimiter, sleep };
export type { CallOutcome, CallRequest, LimitedRef, LimiterOptions, Permit };

/** Calls without a stored connection (previews) are limited in-process only. */
export const PREVIEW_CONNECTION_ID = "preview";

const limiters = new WeakMap<PrismaClient, CallLimiter>();

/** One limiter per database client, i.e. per process in production. */
export function limiterFor(db: PrismaClient): CallLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new CallLimiter(db, { log: (line) => console.error(`[rate-limit] ${line}`) });
    limiters.set(db, limiter);
  }
  return limiter;
}

/**
 * Waits until a call on `ref`'s connection may start. Throws LlmError
 * "daily_limit" (not retryable) when the connection's RPD is used up; rejects
 * with the signal's reason when aborted.
 */
export function acquireCall(db: PrismaClient, ref: LimitedRef, request: CallRequest = {}, signal?: AbortSignal): Promise<Permit> {
  if (ref.connectionId === PREVIEW_CONNECTION_ID) return acquireLocal(ref, request.estimatedTokens ?? 0, signal);
  return limiterFor(db).acquire(ref, request, signal);
}

/** Output tokens assumed when the model has no maxOutputTokens (the TPM estimate is corrected after the call). */
const DEFAULT_OUTPUT_TOKENS = 512;

/** ~4 characters a token: close enough for a reservation that is corrected with the actual usage. */
export function estimateTokens(text: string, maxOutputTokens?: number): number {
  return Math.ceil(text.length / 4) + (maxOutputTokens ?? DEFAULT_OUTPUT_TOKENS);
}

/** The outcome to release a permit with after a failed call. */
export function failedCall(error: unknown): CallOutcome {
  const usage = (error as { usage?: CallOutcome["usage"] } | undefined)?.usage;
  if (!(error instanceof LlmError)) return { ok: false, usage };
  return { ok: false, usage, rateLimited: error.kind === "rate_limit", retryAfterMs: error.retryAfterMs, headers: error.headers };
}
