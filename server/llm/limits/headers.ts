// What a provider's response headers say about its limits. OpenAI-style
// `x-ratelimit-*` (durations like "6m0s", "1.2s", "250ms") and Anthropic's
// `anthropic-ratelimit-*` (RFC 3339 reset times) are both read.

export type RateLimitHeaders = {
  retryAfterMs?: number;
  limitRequests?: number;
  remainingRequests?: number;
  resetRequestsMs?: number;
  limitTokens?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
};

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "6m0s", "1.2s", "250ms", "2m59.56s", a bare number of seconds, or an HTTP/ISO date. */
export function parseDurationMs(raw: string | undefined, now = Date.now()): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length > 0 && parts.map((part) => part[0]).join("") === text) {
    return parts.reduce((sum, part) => sum + Number(part[1]) * UNIT_MS[part[2]!]!, 0);
  }
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function count(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function parseRateLimitHeaders(headers: Record<string, string | undefined> | undefined, now = Date.now()): RateLimitHeaders {
  if (!headers) return {};
  const h: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers)) h[key.toLowerCase()] = value;
  const retryMs = count(h["retry-after-ms"]);
  const parsed: RateLimitHeaders = {
    retryAfterMs: retryMs !== undefined && retryMs > 0 ? retryMs : parseDurationMs(h["retry-after"], now),
    limitRequests: count(h["x-ratelimit-limit-requests"] ?? h["anthropic-ratelimit-requests-limit"]),
    remainingRequests: count(h["x-ratelimit-remaining-requests"] ?? h["anthropic-ratelimit-requests-remaining"]),
    resetRequestsMs: parseDurationMs(h["x-ratelimit-reset-requests"] ?? h["anthropic-ratelimit-requests-reset"], now),
    limitTokens: count(h["x-ratelimit-limit-tokens"] ?? h["anthropic-ratelimit-tokens-limit"]),
    remainingTokens: count(h["x-ratelimit-remaining-tokens"] ?? h["anthropic-ratelimit-tokens-remaining"]),
    resetTokensMs: parseDurationMs(h["x-ratelimit-reset-tokens"] ?? h["anthropic-ratelimit-tokens-reset"], now),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as RateLimitHeaders;
}

/**
 * A requests-per-minute limit the headers reveal, or undefined. Some providers
 * (Groq) put their per-DAY request limit in x-ratelimit-limit-requests; a reset
 * longer than the window gives that away, and pacing by it would be wrong.
 */
export function learnedRpmFrom(parsed: RateLimitHeaders, windowMs: number): number | undefined {
  if (parsed.limitRequests === undefined || parsed.limitRequests < 1) return undefined;
  if (parsed.resetRequestsMs !== undefined && parsed.resetRequestsMs > windowMs) return undefined;
  return Math.floor(parsed.limitRequests);
}

/** How long the whole connection should hold off: retry-after, or an exhausted quota's reset. */
export function pauseMsFrom(parsed: RateLimitHeaders): number | undefined {
  const waits = [parsed.retryAfterMs];
  if (parsed.remainingRequests === 0) waits.push(parsed.resetRequestsMs);
  if (parsed.remainingTokens === 0) waits.push(parsed.resetTokensMs);
  const defined = waits.filter((ms): ms is number => ms !== undefined && ms > 0);
  return defined.length > 0 ? Math.max(...defined) : undefined;
}
