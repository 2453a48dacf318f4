// OpenAI Batch API: the requests go up as a JSONL file (purpose "batch"), a
// batch runs them against /v1/chat/completions within 24 h, and the answers
// come back as an output file (and an error file) of JSONL lines by custom_id.
import { z } from "zod";
import type { Usage } from "../structured";
import { jsonLines, requestJson, urlOf, type Endpoint } from "./http";
import type { BatchAnswer, BatchClient, BatchState, FinishReason } from "./types";

const ENDPOINT = "/v1/chat/completions";
/** Where our batch id travels, so a batch created just before a crash is found again. */
const TAG_KEY = "datafast_batch";
/** Batches listed per page, and pages read at most, when looking for one after a crash. */
const PAGE = 100;
const MAX_PAGES = 20;

const batchSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  created_at: z.number().nullish(),
  output_file_id: z.string().nullish(),
  error_file_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  request_counts: z.looseObject({ total: z.number(), completed: z.number(), failed: z.number() }).nullish(),
  errors: z.looseObject({ data: z.array(z.looseObject({ code: z.string().nullish(), message: z.string().nullish() })).nullish() }).nullish(),
});
type Batch = z.infer<typeof batchSchema>;

/** The API's documented limits: 50,000 requests and 200 MB per input file. */
export const OPENAI_BATCH_LIMITS = { maxRequests: 50_000, maxBytes: 200 * 1000 * 1000 };

const ENDED = new Set(["completed", "expired", "cancelled", "failed"]);

export function openAiState(batch: Batch): BatchState {
  const counts = batch.request_counts ?? { total: 0, completed: 0, failed: 0 };
  const errors = (batch.errors?.data ?? []).map((error) => error.message ?? error.code).filter(Boolean);
  return {
    providerStatus: batch.status,
    ended: ENDED.has(batch.status),
    counts: { succeeded: counts.completed, failed: counts.failed, processing: Math.max(0, counts.total - counts.completed - counts.failed) },
    ...(batch.status === "failed" ? { error: errors.join("; ") || "the provider failed the batch" } : {}),
    results: [batch.output_file_id, batch.error_file_id].filter((id): id is string => typeof id === "string"),
  };
}

const completionSchema = z.looseObject({
  choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string().nullish() }), finish_reason: z.string().nullish() })).min(1),
  usage: z.looseObject({
    prompt_tokens: z.number(),
    completion_tokens: z.number(),
    completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
  }).nullish(),
});

const resultLineSchema = z.looseObject({
  custom_id: z.string(),
  response: z.looseObject({ status_code: z.number(), body: z.unknown() }).nullish(),
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

const finishReason = (reason: string | null | undefined): FinishReason => (reason === "length" ? "length" : reason === "stop" ? "stop" : "other");

/** One line of an output or error file. */
export function openAiAnswer(line: unknown): BatchAnswer {
  const parsed = resultLineSchema.safeParse(line);
  if (!parsed.success) throw new Error(`Unexpected line in an OpenAI batch result file: ${JSON.stringify(line).slice(0, 200)}`);
  const { custom_id: customId, response, error } = parsed.data;
  if (error) return { customId, kind: "error", message: `${error.code ?? "error"}: ${error.message ?? "no message"}` };
  if (!response) return { customId, kind: "error", message: "no response" };
  if (response.status_code !== 200) {
    const body = response.body as { error?: { message?: string } } | undefined;
    return { customId, kind: "error", message: `${response.status_code}: ${body?.error?.message ?? "no message"}` };
  }
  const completion = completionSchema.safeParse(response.body);
  if (!completion.success) return { customId, kind: "error", message: "the response is not a chat completion" };
  const [choice] = completion.data.choices;
  const usage: Usage = {
    inputTokens: completion.data.usage?.prompt_tokens ?? 0,
    outputTokens: completion.data.usage?.completion_tokens ?? 0,
    reasoningTokens: completion.data.usage?.completion_tokens_details?.reasoning_tokens ?? 0,
  };
  return { customId, kind: "answer", text: choice!.message.content ?? "", finishReason: finishReason(choice!.finish_reason), usage };
}

export function openAiBatchClient(endpoint: Endpoint): BatchClient {
  const json = <T>(path: string, init?: RequestInit) => requestJson<T>(endpoint, urlOf(endpoint, path), init);
  const post = (path: string, body: unknown) => json<unknown>(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const getBatch = async (id: string) => batchSchema.parse(await json(`/batches/${encodeURIComponent(id)}`));

  return {
    limits: OPENAI_BATCH_LIMITS,
    encode: (request) => JSON.stringify({ custom_id: request.customId, method: "POST", url: ENDPOINT, body: request.body }),

    async submit({ tag, encoded, inputFileId, onUploaded }) {
      let fileId = inputFileId;
      if (!fileId) {
        const form = new FormData();
        form.append("purpose", "batch");
        form.append("file", new Blob([encoded.join("\n"), "\n"], { type: "application/jsonl" }), `datafast-${tag}.jsonl`);
        fileId = z.object({ id: z.string() }).parse(await json("/files", { method: "POST", body: form })).id;
        await onUploaded?.(fileId);
      }
      const batch = batchSchema.parse(await post("/batches", { input_file_id: fileId, endpoint: ENDPOINT, completion_window: "24h", metadata: { [TAG_KEY]: tag } }));
      return { providerBatchId: batch.id };
    },

    async find(tag, since) {
      // Newest first; a batch made before our row existed cannot be ours (a minute of clock skew allowed).
      const oldest = since.getTime() / 1000 - 60;
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const list = z.object({ data: z.array(batchSchema), has_more: z.boolean().nullish(), last_id: z.string().nullish() })
          .parse(await json(`/batches?limit=${PAGE}${after ? `&after=${encodeURIComponent(after)}` : ""}`));
        const found = list.data.find((batch) => batch.metadata?.[TAG_KEY] === tag);
        if (found) return found.id;
        if (!list.has_more || !list.last_id || list.data.some((batch) => (batch.created_at ?? Infinity) < oldest)) return undefined;
        after = list.last_id;
      }
      return undefined;
    },

    status: async (id) => openAiState(await getBatch(id)),

    async *results(state) {
      for (const fileId of state.results) {
        for await (const line of jsonLines(endpoint, urlOf(endpoint, `/files/${encodeURIComponent(fileId)}/content`))) yield openAiAnswer(line);
      }
    },

    async cancel(id) {
      await post(`/batches/${encodeURIComponent(id)}/cancel`, {});
    },
  };
}
