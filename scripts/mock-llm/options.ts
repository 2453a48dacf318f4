import { z } from "zod";
import { BROKEN_FIRST_MODEL, NO_JSON_SCHEMA_MODEL } from "./answer";

const rate = z.number().min(0).max(1).default(0);

export const mockLlmOptionsSchema = z
  .strictObject({
    /** 0 picks a free port (tests); the chosen one is returned by startMockLlm. */
    port: z.number().int().min(0).max(65535).default(8787),
    seed: z.number().int().default(42),
    /** Delay before the first byte of every answer (and of injected 500/429 faults). */
    latencyMs: z.number().min(0).default(0),
    /** Extra delay drawn uniformly from [0, latencyJitterMs] per request, from the seeded sequence. */
    latencyJitterMs: z.number().min(0).default(0),
    /** Requests-per-minute quota over a sliding window, shared by all protocols; unset means unlimited and no limit headers. */
    rpm: z.number().int().positive().optional(),
    /** Enforce `rpm` without announcing it: no x-ratelimit-* headers, only retry-after on 429s. */
    hideLimitHeaders: z.boolean().default(false),
    error500: rate,
    error429: rate,
    truncatedJson: rate,
    noAnswer: rate,
    /** How long a "no answer" request stays open before its socket is destroyed. */
    noAnswerMs: z.number().int().min(0).default(100),
    models: z.array(z.string().min(1)).min(1).default(["mock-1", "mock-2", BROKEN_FIRST_MODEL, NO_JSON_SCHEMA_MODEL]),
    /** Batch APIs: how long after its creation a batch ends (it validates and runs before). */
    batchCompletionMs: z.number().int().min(0).default(0),
    /** Batch APIs: every batch expires instead of completing; only the first half of its requests is answered. */
    batchExpire: z.boolean().default(false),
    /** Batch APIs: share of a batch's requests answered with an error (drawn per custom_id). */
    batchErrors: rate,
    /** Batch APIs: share of a batch's answers whose JSON is cut in half. */
    batchBrokenJson: rate,
  })
  .refine((o) => o.error500 + o.error429 + o.truncatedJson + o.noAnswer <= 1, {
    // One draw decides a request's fault, so the rates partition [0, 1).
    message: "fault rates (error500 + error429 + truncatedJson + noAnswer) must add up to at most 1",
    path: ["error500"],
  })
  .refine((o) => o.batchErrors + o.batchBrokenJson <= 1, {
    message: "batch fault rates (batchErrors + batchBrokenJson) must add up to at most 1",
    path: ["batchErrors"],
  });

/** What callers pass: every field optional, defaults filled by the schema. */
export type MockLlmOptions = z.input<typeof mockLlmOptionsSchema>;
export type ResolvedMockLlmOptions = z.output<typeof mockLlmOptionsSchema>;

export class MockLlmArgsError extends Error {
  override name = "MockLlmArgsError";
}

type OptionKey = keyof ResolvedMockLlmOptions;

const FLAGS: Record<string, { key: OptionKey; kind: "number" | "list" | "switch"; help: string }> = {
  "--port": { key: "port", kind: "number", help: "port to listen on, 0 = random (default 8787)" },
  "--seed": { key: "seed", kind: "number", help: "seed for answers and fault draws (default 42)" },
  "--latency-ms": { key: "latencyMs", kind: "number", help: "delay before each answer (default 0)" },
  "--latency-jitter-ms": { key: "latencyJitterMs", kind: "number", help: "extra random delay up to N ms (default 0)" },
  "--rpm": { key: "rpm", kind: "number", help: "requests-per-minute quota over all protocols, then 429 (default none)" },
  "--hide-limit-headers": { key: "hideLimitHeaders", kind: "switch", help: "enforce --rpm without x-ratelimit-* headers (429s keep retry-after)" },
  "--fail-500": { key: "error500", kind: "number", help: "share of requests answered 500, 0..1" },
  "--fail-429": { key: "error429", kind: "number", help: "share of requests answered 429, 0..1" },
  "--truncate": { key: "truncatedJson", kind: "number", help: "share of answers cut in half, 0..1" },
  "--no-answer": { key: "noAnswer", kind: "number", help: "share of requests whose socket is destroyed, 0..1" },
  "--no-answer-ms": { key: "noAnswerMs", kind: "number", help: "wait before destroying such a socket (default 100)" },
  "--batch-completion-ms": { key: "batchCompletionMs", kind: "number", help: "batch APIs: a batch ends this long after creation (default 0)" },
  "--batch-expire": { key: "batchExpire", kind: "switch", help: "batch APIs: batches expire with half of their requests answered" },
  "--batch-errors": { key: "batchErrors", kind: "number", help: "batch APIs: share of requests answered with an error, 0..1" },
  "--batch-broken-json": { key: "batchBrokenJson", kind: "number", help: "batch APIs: share of answers with JSON cut in half, 0..1" },
  "--models": { key: "models", kind: "list", help: `comma-separated model ids (default mock-1,mock-2,${BROKEN_FIRST_MODEL},${NO_JSON_SCHEMA_MODEL})` },
};

export const mockLlmUsage = [
  "Usage: npm run mock-llm -- [flags]",
  "",
  "Serves, on one port: OpenAI chat completions (/v1/chat/completions, /v1/models), Anthropic",
  "Messages (/v1/messages), Gemini (/v1beta/models/{model}:generateContent, :streamGenerateContent)",
  "and Ollama (/api/chat, /api/tags), plus the OpenAI Batch (/v1/files, /v1/batches) and Anthropic",
  "Message Batches (/v1/messages/batches) APIs. Scenario models: mock-broken-first answers truncated JSON to a",
  "first attempt and valid JSON to a repair turn; mock-no-json-schema rejects OpenAI json_schema.",
  "",
  ...Object.entries(FLAGS).map(([flag, { help }]) => `  ${flag.padEnd(21)} ${help}`),
].join("\n");

/** Parses CLI flags (`--flag value` or `--flag=value`); throws MockLlmArgsError naming the flag. */
export function parseMockLlmArgs(argv: readonly string[]): ResolvedMockLlmOptions {
  const raw: Partial<Record<OptionKey, unknown>> = {};
  const flagOf: Partial<Record<OptionKey, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[flag];
    if (spec === undefined) {
      throw new MockLlmArgsError(arg.startsWith("-") ? `Unknown flag ${flag}` : `Unexpected argument "${arg}"`);
    }
    flagOf[spec.key] = flag;
    if (spec.kind === "switch") {
      if (eq > 0 && flag !== arg) throw new MockLlmArgsError(`${flag} takes no value`);
      raw[spec.key] = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0 && flag !== arg) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) value = argv[++i];
    if (value === undefined || value === "") throw new MockLlmArgsError(`${flag} needs a value`);
    if (spec.kind === "list") {
      raw[spec.key] = value.split(",").map((item) => item.trim()).filter((item) => item !== "");
    } else {
      const number = Number(value);
      if (!Number.isFinite(number)) throw new MockLlmArgsError(`${flag} must be a number, got "${value}"`);
      raw[spec.key] = number;
    }
  }
  const parsed = mockLlmOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path[0] as OptionKey | undefined;
  const flag = (key !== undefined ? flagOf[key] : undefined) ?? "arguments";
  // The refine spans all fault flags, so name them together rather than blame one.
  const name = issue.code !== "custom" ? flag : key === "batchErrors" ? "--batch-errors/--batch-broken-json" : "--fail-500/--fail-429/--truncate/--no-answer";
  throw new MockLlmArgsError(`${name}: ${issue.message}`);
}
