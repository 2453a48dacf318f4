// Classifies provider failures: retryable ones (429, 5xx, timeouts, resets) are
// retried with backoff; final ones fail the work item with a reason a user can act on.
import { APICallError, NoObjectGeneratedError } from "ai";

export type LlmErrorKind = "rate_limit" | "server" | "timeout" | "network" | "auth" | "bad_request" | "not_found" | "schema" | "config" | "cancelled" | "daily_limit" | "internal";

export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** Response headers of the failed call (x-ratelimit-*), for the rate limiter. */
  readonly headers?: Record<string, string>;

  constructor(input: { kind: LlmErrorKind; retryable: boolean; message: string; retryAfterMs?: number; headers?: Record<string, string>; cause?: unknown }) {
    super(input.message, { cause: input.cause });
    this.name = "LlmError";
    this.kind = input.kind;
    this.retryable = input.retryable;
    this.retryAfterMs = input.retryAfterMs;
    this.headers = input.headers;
  }
}

export function retryAfterMs(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower["retry-after-ms"]);
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = lower["retry-after"];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function shorten(text: string | undefined, max = 300): string {
  if (!text) return "";
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export function classifyLlmError(error: unknown, context: { model: string; baseURL: string }): LlmError {
  if (error instanceof LlmError) return error;
  const where = `${context.model} at ${context.baseURL}`;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const detail = shorten(error.message || error.responseBody);
    if (status === 429) return new LlmError({ kind: "rate_limit", retryable: true, message: `Rate limited by ${where} (429): ${detail}`, retryAfterMs: retryAfterMs(error.responseHeaders), headers: error.responseHeaders, cause: error });
    if (status === 401 || status === 403) return new LlmError({ kind: "auth", retryable: false, message: `Invalid or unauthorized API key for ${where} (${status}): ${detail}`, cause: error });
    if (status === 404) return new LlmError({ kind: "not_found", retryable: false, message: `Model or endpoint not found: ${where} (404): ${detail}`, cause: error });
    if (status === 408) return new LlmError({ kind: "timeout", retryable: true, message: `Request to ${where} timed out (408)`, cause: error });
    if (status !== undefined && status >= 500) return new LlmError({ kind: "server", retryable: true, message: `Server error from ${where} (${status}): ${detail}`, cause: error });
    if (status !== undefined && status >= 400) return new LlmError({ kind: "bad_request", retryable: false, message: `Request rejected by ${where} (${status}): ${detail}`, cause: error });
    return new LlmError({ kind: "network", retryable: true, message: `Could not reach ${where}: ${detail}`, cause: error });
  }
  if (NoObjectGeneratedError.isInstance(error)) {
    return new LlmError({ kind: "schema", retryable: false, message: `${context.model} returned output that does not match the schema: ${shorten(error.message)}`, cause: error });
  }
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "TimeoutError" || /timed? ?out/i.test(message)) return new LlmError({ kind: "timeout", retryable: true, message: `Request to ${where} timed out`, cause: error });
  if (name === "AbortError") return new LlmError({ kind: "cancelled", retryable: false, message: "Request cancelled", cause: error });
  if (/ECONNRESET|ECONNREFUSED|socket hang up|fetch failed|terminated|other side closed|EPIPE/i.test(message + String((error as { cause?: unknown })?.cause ?? ""))) {
    return new LlmError({ kind: "network", retryable: true, message: `Connection to ${where} failed: ${shorten(message)}`, cause: error });
  }
  return new LlmError({ kind: "server", retryable: true, message: `Unexpected error calling ${where}: ${shorten(message)}`, cause: error });
}
