// Anthropic Message Batches: the requests go in one JSON body, each with the
// Messages params the online call would send, and the results come back from
// results_url as JSONL lines by custom_id once processing_status is "ended".
import { z } from "zod";
import { jsonLines, requestJson, urlOf, type Endpoint } from "./http";
import type { BatchAnswer, BatchClient, BatchState, FinishReason } from "./types";

const batchSchema = z.looseObject({
  id: z.string(),
  processing_status: z.string(),
  results_url: z.string().nullish(),
  request_counts: z.looseObject({ processing: z.number(), succeeded: z.number(), errored: z.number(), canceled: z.number(), expired: z.number() }),
});
type Batch = z.infer<typeof batchSchema>;

/** The API's documented limits: 100,000 requests and 256 MB per batch. */
export const ANTHROPIC_BATCH_LIMITS = { maxRequests: 100_000, maxBytes: 256 * 1000 * 1000 };

export function anthropicState(batch: Batch): BatchState {
  const counts = batch.request_counts;
  return {
    providerStatus: batch.processing_status,
    ended: batch.processing_status === "ended",
    counts: { succeeded: counts.succeeded, failed: counts.errored + counts.canceled + counts.expired, processing: counts.processing },
    results: batch.results_url ? [batch.results_url] : [],
  };
}

const blockSchema = z.looseObject({ type: z.string(), text: z.string().optional(), name: z.string().optional(), input: z.unknown().optional() });
const messageSchema = z.looseObject({
  content: z.array(blockSchema),
  stop_reason: z.string().nullish(),
  usage: z.looseObject({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_creation_input_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
  }),
});

const resultLineSchema = z.looseObject({
  custom_id: z.string(),
  result: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("succeeded"), message: messageSchema }),
    z.looseObject({ type: z.literal("errored"), error: z.looseObject({ error: z.looseObject({ type: z.string(), message: z.string() }).optional() }).optional() }),
    z.looseObject({ type: z.literal("canceled") }),
    z.looseObject({ type: z.literal("expired") }),
  ]),
});

const finishReason = (reason: string | null | undefined): FinishReason => (reason === "max_tokens" ? "length" : reason === "end_turn" || reason === "tool_use" ? "stop" : "other");

/**
 * The answer's text as the online path reads it: the forced "json" tool's
 * input (what the provider package turns into text), else the text blocks.
 */
function answerText(content: z.infer<typeof blockSchema>[]): string {
  const tool = content.find((block) => block.type === "tool_use" && block.name === "json");
  if (tool) return JSON.stringify(tool.input ?? null);
  return content.filter((block) => block.type === "text").map((block) => block.text ?? "").join("");
}

/** One line of the results file. */
export function anthropicAnswer(line: unknown): BatchAnswer {
  const parsed = resultLineSchema.safeParse(line);
  if (!parsed.success) throw new Error(`Unexpected line in an Anthropic batch results file: ${JSON.stringify(line).slice(0, 200)}`);
  const { custom_id: customId, result } = parsed.data;
  if (result.type === "canceled" || result.type === "expired") return { customId, kind: "error", message: `the request was ${result.type === "canceled" ? "cancelled" : "expired"} before it ran` };
  if (result.type === "errored") {
    const error = result.error?.error;
    return { customId, kind: "error", message: error ? `${error.type}: ${error.message}` : "errored" };
  }
  const { message } = result;
  const usage = message.usage;
  return {
    customId, kind: "answer", text: answerText(message.content), finishReason: finishReason(message.stop_reason),
    usage: { inputTokens: usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0), outputTokens: usage.output_tokens, reasoningTokens: 0 },
  };
}

export function anthropicBatchClient(endpoint: Endpoint): BatchClient {
  const json = <T>(path: string, init?: RequestInit) => requestJson<T>(endpoint, urlOf(endpoint, path), init);
  const getBatch = async (id: string) => batchSchema.parse(await json(`/messages/batches/${encodeURIComponent(id)}`));

  return {
    limits: ANTHROPIC_BATCH_LIMITS,
    encode: (request) => JSON.stringify({ custom_id: request.customId, params: request.body }),

    async submit({ encoded, headers }) {
      const body = `{"requests":[${encoded.join(",")}]}`;
      const batch = batchSchema.parse(await json("/messages/batches", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
      return { providerBatchId: batch.id };
    },

    // Message batches carry no metadata, and listing them cannot tell ours from
    // another with the same counts: an unknown outcome is resolved by submitting
    // again (see server/generation/batch/submit.ts).
    find: async () => undefined,

    async status(id) {
      const state = anthropicState(await getBatch(id));
      // The key goes with the results request: only ever to the connection's own host.
      const own = urlOf(endpoint, `/messages/batches/${encodeURIComponent(id)}/results`);
      return { ...state, results: state.results.map((url) => (new URL(url).origin === new URL(own).origin ? url : own)) };
    },

    async *results(state) {
      for (const url of state.results) for await (const line of jsonLines(endpoint, url)) yield anthropicAnswer(line);
    },

    async cancel(id) {
      await json(`/messages/batches/${encodeURIComponent(id)}/cancel`, { method: "POST" });
    },
  };
}
