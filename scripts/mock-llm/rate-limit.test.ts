import { describe, expect, it } from "vitest";
import { createRateLimiter, formatResetDuration, rateLimitHeaders, retryAfterHeaders } from "./rate-limit";

describe("createRateLimiter", () => {
  it("admits rpm requests per sliding minute, then rejects with the wait until a slot frees", () => {
    let now = 1_000_000;
    const limiter = createRateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) {
      const decision = limiter.take();
      expect(decision.allowed).toBe(true);
      expect(decision.remaining).toBe(59 - i);
      now += 100;
    }
    const rejected = limiter.take();
    expect(rejected).toMatchObject({ allowed: false, limit: 60, remaining: 0 });
    // The first request was at 1_000_000 and it is now 1_006_000: 54 s until it leaves the window.
    expect(rejected.retryAfterMs).toBe(54_000);
    now += 54_000;
    expect(limiter.take().allowed).toBe(true);
    expect(limiter.take().allowed).toBe(false);
  });

  it("does not let rejected requests consume quota", () => {
    let now = 0;
    const limiter = createRateLimiter(1, () => now);
    expect(limiter.take().allowed).toBe(true);
    for (let i = 0; i < 5; i++) expect(limiter.take().allowed).toBe(false);
    now = 60_000;
    expect(limiter.take().allowed).toBe(true);
  });

  it("rejects a non-positive quota", () => {
    expect(() => createRateLimiter(0)).toThrow(/positive integer/);
  });
});

describe("rate limit headers", () => {
  it("speaks OpenAI's header dialect", () => {
    const headers = rateLimitHeaders({ allowed: false, limit: 60, remaining: 0, resetMs: 1200, retryAfterMs: 1200 });
    expect(headers).toEqual({
      "x-ratelimit-limit-requests": "60",
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": "1.2s",
      "retry-after": "2",
      "retry-after-ms": "1200",
    });
    expect(rateLimitHeaders({ allowed: true, limit: 5, remaining: 4, resetMs: 60_000, retryAfterMs: 0 })).not.toHaveProperty("retry-after");
  });

  it("never asks to retry after 0 seconds", () => {
    expect(retryAfterHeaders(0.4)).toEqual({ "retry-after": "1", "retry-after-ms": "1" });
  });

  it("formats reset durations", () => {
    expect(formatResetDuration(250)).toBe("250ms");
    expect(formatResetDuration(1234)).toBe("1.3s");
    expect(formatResetDuration(59_999)).toBe("1m0s");
    expect(formatResetDuration(60_000)).toBe("1m0s");
    expect(formatResetDuration(119_500)).toBe("2m0s");
  });
});
