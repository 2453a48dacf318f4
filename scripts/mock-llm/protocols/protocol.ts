// What a wire protocol contributes to the shared request lifecycle (exchange.ts): how to read its
// request body, how to phrase each failure, which limit headers it sends, and how to shape an answer.
import type { FinishReason, Prompt } from "../answer";
import type { RateLimitDecision } from "../rate-limit";

export type ProtocolName = "openai" | "anthropic" | "gemini" | "ollama";

/** Everything the lifecycle can refuse a request for; each protocol words and shapes it its own way. */
export type Failure =
  | { kind: "too_large"; limitBytes: number }
  | { kind: "invalid_json" }
  | { kind: "invalid_request"; message: string; param?: string }
  | { kind: "unknown_model"; model: string }
  | { kind: "unsatisfiable_schema"; message: string }
  | { kind: "quota"; limit: number; retryAfterMs: number }
  | { kind: "overloaded"; retryAfterMs: number }
  | { kind: "server_error" };

export interface Reply {
  status: number;
  body: unknown;
}

/** Parts of a request that some protocols carry in the URL (Gemini: model and streaming). */
export interface RouteParams {
  model?: string;
  stream?: boolean;
  /** Gemini streams SSE only with ?alt=sse; otherwise one JSON array. */
  sse?: boolean;
}

export interface Completion {
  id: string;
  created: number;
  model: string;
  content: string;
  finishReason: FinishReason;
  inputTokens: number;
  outputTokens: number;
}

export type Rendered = { body: unknown } | { contentType: string; frames: string[] };

export interface Protocol<Request> {
  name: ProtocolName;
  /** A parsed request, or the first problem with it (message and dotted path). */
  parse(json: unknown, params: RouteParams): { request: Request } | { message: string; param?: string };
  /** The model id to look up in the configured list (Ollama drops its ":latest" tag). */
  model(request: Request): string;
  prompt(request: Request): Prompt;
  stream(request: Request): boolean;
  /** A scenario refusal that happens after validation (mock-no-json-schema), if any. */
  refuse?(request: Request): Reply | undefined;
  fail(failure: Failure): Reply;
  /** Quota headers sent on every answer while an rpm is configured (unless hidden). */
  limitHeaders(decision: RateLimitDecision): Record<string, string>;
  render(request: Request, completion: Completion): Rendered;
}

/** Every protocol's quota and overload answers carry a retry hint in whole seconds (RFC 9110). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Zod's first issue as the message and dotted path that error bodies name. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): {
  message: string;
  param?: string;
} {
  const issue = error.issues[0]!;
  const param = issue.path.map(String).join(".");
  return param === "" ? { message: issue.message } : { message: `${param}: ${issue.message}`, param };
}
