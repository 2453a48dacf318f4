// Sliding one-minute window, like the RPM quota of a real provider: a request is admitted iff
// fewer than `rpm` requests were admitted in the last 60 s. Rejected requests do not consume quota.

export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests still admissible in the current window, after this one. */
  remaining: number;
  /** Milliseconds until the oldest admitted request leaves the window (a slot frees up). */
  resetMs: number;
  /** When rejected: milliseconds until a retry can succeed (≥ 1). */
  retryAfterMs: number;
}

export interface RateLimiter {
  take(): RateLimitDecision;
}

export function createRateLimiter(rpm: number, now: () => number = Date.now): RateLimiter {
  if (!Number.isInteger(rpm) || rpm < 1) throw new Error(`rpm must be a positive integer, got ${rpm}`);
  // Timestamps of admitted requests, oldest first; at most `rpm` are kept.
  const admitted: number[] = [];
  return {
    take() {
      const at = now();
      while (admitted.length > 0 && admitted[0]! <= at - RATE_LIMIT_WINDOW_MS) admitted.shift();
      const allowed = admitted.length < rpm;
      if (allowed) admitted.push(at);
      const resetMs = admitted.length > 0 ? admitted[0]! + RATE_LIMIT_WINDOW_MS - at : 0;
      return {
        allowed,
        limit: rpm,
        remaining: rpm - admitted.length,
        resetMs,
        retryAfterMs: allowed ? 0 : Math.max(1, resetMs),
      };
    },
  };
}

/** OpenAI's duration style for x-ratelimit-reset-*: "250ms", "1.2s", "6m0s". */
export function formatResetDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  // Rounded up, so a client that waits this long is never early.
  const tenths = Math.ceil(ms / 100);
  if (tenths < 600) return `${tenths / 10}s`;
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "x-ratelimit-limit-requests": String(decision.limit),
    "x-ratelimit-remaining-requests": String(decision.remaining),
    "x-ratelimit-reset-requests": formatResetDuration(decision.resetMs),
  };
  if (!decision.allowed) Object.assign(headers, retryAfterHeaders(decision.retryAfterMs));
  return headers;
}

/** `retry-after` must be whole seconds (RFC 9110), so it rounds up; `-ms` keeps the precision. */
export function retryAfterHeaders(ms: number): Record<string, string> {
  return {
    "retry-after": String(Math.max(1, Math.ceil(ms / 1000))),
    "retry-after-ms": String(Math.max(1, Math.ceil(ms))),
  };
}

/** Anthropic's dialect: the reset is the RFC 3339 instant at which the window has a free slot again. */
export function anthropicRateLimitHeaders(decision: RateLimitDecision, now: number = Date.now()): Record<string, string> {
  return {
    "anthropic-ratelimit-requests-limit": String(decision.limit),
    "anthropic-ratelimit-requests-remaining": String(decision.remaining),
    "anthropic-ratelimit-requests-reset": new Date(Math.ceil((now + decision.resetMs) / 1000) * 1000)
      .toISOString()
      .replace(".000Z", "Z"),
  };
}
