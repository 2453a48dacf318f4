// Ollama (`POST /api/chat`, `GET /api/tags`), as ollama-ai-provider-v2 calls it: `format` is a JSON
// schema (or "json"), streaming is NDJSON and on by default, usage is prompt_eval_count/eval_count.
// Errors are Ollama's `{"error": "…"}` string, not an object.
import { z } from "zod";
import type { Prompt } from "../answer";
import type { JSONSchema } from "../json-schema-instance";
import { splitIntoPieces } from "../wire";
import { firstIssue, type Failure, type Protocol, type Reply } from "./protocol";

const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["system", "user", "assistant", "tool"]),
        // The provider sends `[]` for a user turn made only of images.
        content: z.union([z.string(), z.array(z.unknown())]).optional(),
      }),
    )
    .min(1),
  stream: z.boolean().optional(),
  format: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  options: z.looseObject({ num_predict: z.number().int().optional() }).optional(),
});
type ChatRequest = z.infer<typeof chatRequestSchema>;

const error = (status: number, message: string): Reply => ({ status, body: { error: message } });

/** Ollama resolves a bare name to its ":latest" tag, so both spellings name one model. */
const baseName = (model: string): string => model.replace(/:latest$/, "");

export const ollamaProtocol: Protocol<ChatRequest> = {
  name: "ollama",

  parse(json) {
    const parsed = chatRequestSchema.safeParse(json);
    return parsed.success ? { request: parsed.data } : firstIssue(parsed.error);
  },

  model: (request) => baseName(request.model),

  prompt(request): Prompt {
    const format = request.format;
    const numPredict = request.options?.num_predict;
    return {
      model: baseName(request.model),
      messages: request.messages.map((m) => ({ role: m.role, text: typeof m.content === "string" ? m.content : "" })),
      format:
        format === undefined || format === "" ? { type: "text" } : { type: "json", schema: typeof format === "string" ? undefined : (format as JSONSchema) },
      // num_predict -1 (or -2) means "no limit".
      maxTokens: numPredict !== undefined && numPredict > 0 ? numPredict : undefined,
    };
  },

  stream: (request) => request.stream !== false,

  fail(failure: Failure): Reply {
    switch (failure.kind) {
      case "too_large":
        return error(413, `request body too large (limit ${failure.limitBytes} bytes)`);
      case "invalid_json":
        return error(400, "invalid character in request body");
      case "invalid_request":
      case "unsatisfiable_schema":
        return error(400, failure.message);
      case "unknown_model":
        return error(404, `model "${failure.model}" not found, try pulling it first`);
      case "quota":
        return error(429, `rate limit of ${failure.limit} requests per minute exceeded, retry in ${(failure.retryAfterMs / 1000).toFixed(1)}s`);
      case "overloaded":
        return error(429, "server busy, please try again. maximum pending requests exceeded");
      case "server_error":
        return error(500, "llama runner process has terminated: exit status 2");
    }
  },

  // A local Ollama has no quota and sends no quota headers.
  limitHeaders: () => ({}),

  render(request, completion) {
    const base = () => ({ model: request.model, created_at: new Date(completion.created * 1000).toISOString() });
    const nanos = (ms: number) => Math.round(ms * 1e6);
    const done = {
      done: true,
      done_reason: completion.finishReason,
      total_duration: nanos(5 + completion.outputTokens),
      load_duration: nanos(1),
      prompt_eval_count: completion.inputTokens,
      prompt_eval_duration: nanos(1 + completion.inputTokens / 100),
      eval_count: completion.outputTokens,
      eval_duration: nanos(2 + completion.outputTokens / 10),
    };
    if (request.stream === false) {
      return { body: { ...base(), message: { role: "assistant", content: completion.content }, ...done } };
    }
    const lines: object[] = splitIntoPieces(completion.content).map((piece) => ({ ...base(), message: { role: "assistant", content: piece }, done: false }));
    lines.push({ ...base(), message: { role: "assistant", content: "" }, ...done });
    return { contentType: "application/x-ndjson", frames: lines.map((line) => `${JSON.stringify(line)}\n`) };
  },
};

/** `GET /api/tags`, in the shape Ollama lists its local models. */
export function ollamaTagsBody(models: readonly string[], created: number) {
  return {
    models: models.map((id) => ({
      name: id.includes(":") ? id : `${id}:latest`,
      model: id.includes(":") ? id : `${id}:latest`,
      modified_at: new Date(created * 1000).toISOString(),
      size: 1_000_000,
      digest: "0".repeat(64),
      details: { parent_model: "", format: "gguf", family: "mock", families: ["mock"], parameter_size: "1M", quantization_level: "Q4_0" },
    })),
  };
}
