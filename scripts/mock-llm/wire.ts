// OpenAI Chat Completions wire shapes. Clients (the AI SDK's openai-compatible provider, our
// rate limiter) parse these exactly, so field names and nesting follow OpenAI, not our taste.
import { z } from "zod";
import type { FinishReason } from "./answer";

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["system", "developer", "user", "assistant", "tool"]),
        content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
      }),
    )
    .min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  response_format: z
    .looseObject({
      type: z.enum(["text", "json_object", "json_schema"]),
      json_schema: z
        .looseObject({
          name: z.string(),
          schema: z.union([z.record(z.string(), z.unknown()), z.boolean()]).optional(),
          strict: z.boolean().nullish(),
        })
        .optional(),
    })
    .nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAiError(message: string, type: string, code: string | null, param: string | null = null): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

/** Rough OpenAI-like estimate (≈4 characters per token), never 0 for non-empty text. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function messageText(content: ChatRequest["messages"][number]["content"]): string {
  if (typeof content === "string") return content;
  if (content == null) return "";
  return content.map((part) => part.text ?? "").join("\n");
}

export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

export function completionBody(meta: CompletionMeta, content: string, finishReason: FinishReason, usage: Usage) {
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    system_fingerprint: "fp_mock",
    choices: [
      { index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: finishReason },
    ],
    usage,
  };
}

/**
 * SSE chunks as OpenAI sends them: role first (with empty content), content pieces, a chunk
 * carrying finish_reason, then — only when stream_options.include_usage — a usage chunk with
 * `choices: []`. Clients that never ask (Mistral, OpenRouter) get usage on the finish chunk, as
 * those APIs send it; Mistral's parser also breaks on a chunk without choices. The AI SDK reports
 * an error if no chunk carries a finish_reason.
 */
export function streamChunks(
  meta: CompletionMeta,
  content: string,
  finishReason: FinishReason,
  usage: Usage,
  includeUsage: boolean,
): object[] {
  const base = { id: meta.id, object: "chat.completion.chunk", created: meta.created, model: meta.model, system_fingerprint: "fp_mock" };
  const choice = (delta: object, finish: FinishReason | null) => ({ index: 0, delta, logprobs: null, finish_reason: finish });
  const chunks: object[] = [{ ...base, choices: [choice({ role: "assistant", content: "" }, null)] }];
  for (const piece of splitIntoPieces(content)) chunks.push({ ...base, choices: [choice({ content: piece }, null)] });
  if (includeUsage) chunks.push({ ...base, choices: [choice({}, finishReason)] }, { ...base, choices: [], usage });
  else chunks.push({ ...base, choices: [choice({}, finishReason)], usage });
  return chunks;
}

/** Splits text into 5–10 pieces on word boundaries (fewer when there are fewer words). */
export function splitIntoPieces(content: string, minPieces = 5, maxPieces = 10): string[] {
  if (content === "") return [];
  const words = content.match(/\S+\s*|\s+/g) ?? [content];
  // Long words-free text (compact JSON) still needs several pieces to exercise partial parsing.
  const units = words.length >= minPieces ? words : (content.match(/[\s\S]{1,8}/g) ?? [content]);
  const pieces = Math.min(units.length, Math.max(minPieces, Math.min(maxPieces, Math.ceil(units.length / 3))));
  return Array.from({ length: pieces }, (_, p) =>
    units.slice(Math.floor((p * units.length) / pieces), Math.floor(((p + 1) * units.length) / pieces)).join(""),
  );
}

export function modelsBody(models: readonly string[], created: number) {
  return { object: "list", data: models.map((id) => modelBody(id, created)) };
}

export function modelBody(id: string, created: number) {
  return { id, object: "model", created, owned_by: "mock" };
}
