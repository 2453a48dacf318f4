import { describe, expect, it } from "vitest";
import { learnedRpmFrom, parseDurationMs, parseRateLimitHeaders, pauseMsFrom } from "./headers";

describe("rate limit headers", () => {
  it("reads OpenAI-style durations", () => {
    expect(parseDurationMs("250ms")).toBe(250);
    expect(parseDurationMs("1.2s")).toBe(1200);
    expect(parseDurationMs("6m0s")).toBe(360_000);
    expect(parseDurationMs("2m59.56s")).toBeCloseTo(179_560);
    expect(parseDurationMs("7")).toBe(7000);
    expect(parseDurationMs("soon")).toBeUndefined();
    expect(parseDurationMs("2026-11-25T00:00:10Z", Date.UTC(2026, 10, 25))).toBe(10_000);
  });

  it("parses the limit, remaining and reset of requests and tokens, any header case", () => {
    expect(parseRateLimitHeaders({
      "X-RateLimit-Limit-Requests": "600", "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "150ms",
      "x-ratelimit-limit-tokens": "90000", "x-ratelimit-remaining-tokens": "89000", "x-ratelimit-reset-tokens": "1s",
      "retry-after": "1", "retry-after-ms": "150",
    })).toEqual({ retryAfterMs: 150, limitRequests: 600, remainingRequests: 0, resetRequestsMs: 150, limitTokens: 90000, remainingTokens: 89000, resetTokensMs: 1000 });
    expect(parseRateLimitHeaders(undefined)).toEqual({});
    expect(parseRateLimitHeaders({ "retry-after": "2" })).toEqual({ retryAfterMs: 2000 });
  });

  it("reads Anthropic's headers with reset times", () => {
    const now = Date.UTC(2026, 10, 25);
    expect(parseRateLimitHeaders({ "anthropic-ratelimit-requests-limit": "50", "anthropic-ratelimit-requests-remaining": "0", "anthropic-ratelimit-requests-reset": "2026-11-25T00:00:03Z" }, now))
      .toEqual({ limitRequests: 50, remainingRequests: 0, resetRequestsMs: 3000 });
  });

  it("learns a per-minute limit, not a per-day one disguised as x-ratelimit-limit-requests", () => {
    expect(learnedRpmFrom({ limitRequests: 300, resetRequestsMs: 200 }, 60_000)).toBe(300);
    expect(learnedRpmFrom({ limitRequests: 300 }, 60_000)).toBe(300);
    expect(learnedRpmFrom({ limitRequests: 14_400, resetRequestsMs: 179_560 }, 60_000)).toBeUndefined();
    expect(learnedRpmFrom({}, 60_000)).toBeUndefined();
  });

  it("pauses for retry-after or until an exhausted quota resets, whichever is later", () => {
    expect(pauseMsFrom({ retryAfterMs: 1000 })).toBe(1000);
    expect(pauseMsFrom({ remainingRequests: 0, resetRequestsMs: 1500, retryAfterMs: 1000 })).toBe(1500);
    expect(pauseMsFrom({ remainingRequests: 3, resetRequestsMs: 1500 })).toBeUndefined();
    expect(pauseMsFrom({ remainingTokens: 0, resetTokensMs: 4000 })).toBe(4000);
  });
});
