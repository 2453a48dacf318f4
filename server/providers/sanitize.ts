// Provider error text is shown to the user verbatim (it is the most useful
// diagnosis), but some providers and proxies echo request headers or URLs: strip
// anything that looks like a credential before it is stored or returned.
import { APICallError } from "ai";

const MAX_LENGTH = 500;

const patterns: [RegExp, string][] = [
  // Header-style and JSON-style credentials: "Authorization: Bearer x", "x-api-key": "x", api_key=x
  [/\b(authorization|proxy-authorization|x-api-key|x-goog-api-key|api[-_]?key|access[-_]?token)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic)\s+)?[^\s"',;}&]+/gi, "$1$2[redacted]"],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, "$1 [redacted]"],
  // Keys in query strings (Gemini's ?key=…).
  [/([?&](?:key|token|auth)=)[^&\s"']+/gi, "$1[redacted]"],
  // Well-known key shapes: OpenAI/Anthropic/OpenRouter "sk-…", Google "AIza…".
  [/\bsk-[A-Za-z0-9_-]{12,}/g, "sk-[redacted]"],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, "[redacted]"],
];

/** Removes `secrets` (the connection's key) and credential-looking text, collapses whitespace, caps the length. */
export function sanitizeProviderMessage(message: string, secrets: readonly (string | undefined)[] = []): string {
  let text = message;
  for (const secret of secrets) {
    // Very short "keys" would redact ordinary words; they are not worth protecting this way.
    if (secret && secret.length >= 6) text = text.split(secret).join("[redacted]");
  }
  for (const [pattern, replacement] of patterns) text = text.replace(pattern, replacement);
  text = text.replace(/\s+/g, " ").trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (!(cause instanceof Error)) return "";
  const code = (cause as NodeJS.ErrnoException).code;
  const inner = causeText(cause);
  return [code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message, inner].filter(Boolean).join(" ← ");
}

/** The provider's own words: HTTP status and message, or the network failure and its cause. */
export function describeProviderError(error: unknown): string {
  if (APICallError.isInstance(error)) {
    // The SDK usually lifts the message out of the body; add the body only when it holds more.
    const body = error.responseBody && !error.responseBody.includes(error.message) ? ` ${error.responseBody}` : "";
    const cause = causeText(error);
    if (error.statusCode !== undefined) return `HTTP ${error.statusCode}: ${error.message}${body}`;
    return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
  }
  if (error instanceof Error) {
    const cause = causeText(error);
    return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
  }
  return String(error);
}
