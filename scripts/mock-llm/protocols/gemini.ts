// Gemini (`POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent?alt=sse`), as
// @ai-sdk/google calls it. The model and streaming come from the URL, not the body. Structured
// output is `responseMimeType: application/json` with `responseJsonSchema` (plain JSON Schema, what
// the SDK sends) or `responseSchema` (Gemini's OpenAPI subset: "OBJECT", nullable, int64 strings).
import { z } from "zod";
import type { Prompt, PromptMessage } from "../answer";
import type { JSONSchema } from "../json-schema-instance";
import { splitIntoPieces } from "../wire";
import { firstIssue, retryAfterSeconds, type Failure, type Protocol, type Reply } from "./protocol";

const partSchema = z.looseObject({ text: z.string().optional() });
const generateRequestSchema = z.looseObject({
  contents: z.array(z.looseObject({ role: z.string().optional(), parts: z.array(partSchema) })).min(1),
  systemInstruction: z.looseObject({ parts: z.array(partSchema) }).optional(),
  generationConfig: z
    .looseObject({
      responseMimeType: z.string().optional(),
      responseSchema: z.record(z.string(), z.unknown()).optional(),
      responseJsonSchema: z.union([z.record(z.string(), z.unknown()), z.boolean()]).optional(),
      maxOutputTokens: z.number().int().positive().optional(),
    })
    .optional(),
});
type GenerateRequest = z.infer<typeof generateRequestSchema> & { model: string; stream: boolean; sse: boolean };

function partsText(parts: readonly z.infer<typeof partSchema>[]): string {
  return parts.map((part) => part.text ?? (part.functionCall !== undefined ? JSON.stringify(part.functionCall) : "")).join("");
}

const STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  404: "NOT_FOUND",
  413: "INVALID_ARGUMENT",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
};

function error(code: number, message: string, details?: unknown[]): Reply {
  return { status: code, body: { error: { code, message, status: STATUS[code], ...(details && { details }) } } };
}

/** Google puts the wait in a RetryInfo detail; clients that only read headers also get retry-after. */
const retryInfo = (ms: number) => [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retryAfterSeconds(ms)}s` }];

export const geminiProtocol: Protocol<GenerateRequest> = {
  name: "gemini",

  parse(json, params) {
    const parsed = generateRequestSchema.safeParse(json);
    if (!parsed.success) {
      const { message, param } = firstIssue(parsed.error);
      return { message: `Invalid JSON payload received. ${message}`, param };
    }
    return { request: { ...parsed.data, model: params.model ?? "", stream: params.stream === true, sse: params.sse === true } };
  },

  model: (request) => request.model,

  prompt(request): Prompt {
    const messages: PromptMessage[] = request.contents.map((content) => ({
      role: content.role === "model" ? "assistant" : "user",
      text: partsText(content.parts),
    }));
    if (request.systemInstruction !== undefined) messages.unshift({ role: "system", text: partsText(request.systemInstruction.parts) });
    const config = request.generationConfig;
    const json = config?.responseMimeType === "application/json";
    const schema = config?.responseJsonSchema ?? config?.responseSchema;
    return {
      model: request.model,
      messages,
      format: json ? { type: "json", schema: schema as JSONSchema | undefined } : { type: "text" },
      maxTokens: config?.maxOutputTokens,
    };
  },

  stream: (request) => request.stream,

  fail(failure: Failure): Reply {
    switch (failure.kind) {
      case "too_large":
        return error(413, `Request payload size exceeds the limit: ${failure.limitBytes} bytes.`);
      case "invalid_json":
        return error(400, "Invalid JSON payload received. Unexpected token.");
      case "invalid_request":
        return error(400, failure.message);
      case "unsatisfiable_schema":
        return error(400, `* GenerateContentRequest.generation_config.response_schema: ${failure.message}`);
      case "unknown_model": {
        const message = `models/${failure.model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
        return error(404, message);
      }
      case "quota":
        return error(429, `You exceeded your current quota: ${failure.limit} requests per minute. Please retry in ${(failure.retryAfterMs / 1000).toFixed(1)}s.`, retryInfo(failure.retryAfterMs));
      case "overloaded":
        return error(429, "Resource has been exhausted (e.g. check quota).", retryInfo(failure.retryAfterMs));
      case "server_error":
        return error(500, "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting");
    }
  },

  // The Gemini API sends no quota headers; a client learns its limit only from 429s.
  limitHeaders: () => ({}),

  render(request, completion) {
    const finishReason = completion.finishReason === "length" ? "MAX_TOKENS" : "STOP";
    const usageMetadata = {
      promptTokenCount: completion.inputTokens,
      candidatesTokenCount: completion.outputTokens,
      totalTokenCount: completion.inputTokens + completion.outputTokens,
      thoughtsTokenCount: 0,
    };
    const chunk = (text: string, last: boolean) => ({
      candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0, ...(last && { finishReason }) }],
      ...(last && { usageMetadata }),
      modelVersion: completion.model,
      responseId: completion.id,
    });
    if (!request.stream) return { body: chunk(completion.content, true) };
    const pieces = splitIntoPieces(completion.content);
    const chunks = pieces.length === 0 ? [chunk("", true)] : pieces.map((piece, i) => chunk(piece, i === pieces.length - 1));
    if (request.sse) return { contentType: "text/event-stream", frames: chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`) };
    // Without alt=sse the API streams one JSON array, element by element.
    return { contentType: "application/json; charset=UTF-8", frames: chunks.map((c, i) => `${i === 0 ? "[" : ","}${JSON.stringify(c)}`).concat("]") };
  },
};

/** `GET /v1beta/models`, in the shape ListModels answers. */
export function geminiModelsBody(models: readonly string[]) {
  return { models: models.map(geminiModelBody) };
}

export function geminiModelBody(id: string) {
  return {
    name: `models/${id}`,
    version: "001",
    displayName: id,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: ["generateContent", "countTokens"],
  };
}
