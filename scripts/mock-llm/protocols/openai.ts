// OpenAI Chat Completions (`POST /v1/chat/completions`), also what the Mistral, OpenRouter and
// openai-compatible providers speak. Wire shapes live in ../wire.ts.
import { NO_JSON_SCHEMA_MODEL, type Prompt, type PromptMessage } from "../answer";
import type { JSONSchema } from "../json-schema-instance";
import { rateLimitHeaders } from "../rate-limit";
import { chatRequestSchema, completionBody, messageText, openAiError, streamChunks, type ChatRequest } from "../wire";
import { firstIssue, type Failure, type Protocol, type Reply } from "./protocol";

export const openAiProtocol: Protocol<ChatRequest> = {
  name: "openai",

  parse(json) {
    const parsed = chatRequestSchema.safeParse(json);
    if (parsed.success) return { request: parsed.data };
    const { message, param } = firstIssue(parsed.error);
    return { message: `Invalid request: ${message}`, param };
  },

  model: (request) => request.model,

  prompt(request): Prompt {
    const messages: PromptMessage[] = request.messages.map((m) => ({
      role: m.role === "developer" ? "system" : m.role,
      text: messageText(m.content),
    }));
    const format = request.response_format;
    const schema = format?.type === "json_schema" ? format.json_schema?.schema : undefined;
    return {
      model: request.model,
      messages,
      format:
        format?.type === "json_schema" || format?.type === "json_object"
          ? { type: "json", schema: schema as JSONSchema | undefined, name: format.json_schema?.name }
          : { type: "text" },
      maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    };
  },

  stream: (request) => request.stream === true,

  refuse(request): Reply | undefined {
    if (request.model !== NO_JSON_SCHEMA_MODEL || request.response_format?.type !== "json_schema") return undefined;
    const message = "response_format json_schema is not supported by this server";
    return { status: 400, body: openAiError(message, "invalid_request_error", null, "response_format") };
  },

  fail(failure: Failure): Reply {
    switch (failure.kind) {
      case "too_large":
        return { status: 413, body: openAiError(`Request body exceeds ${failure.limitBytes} bytes.`, "invalid_request_error", null) };
      case "invalid_json":
        return { status: 400, body: openAiError("We could not parse the JSON body of your request. (HINT: send valid JSON.)", "invalid_request_error", null) };
      case "invalid_request":
        return { status: 400, body: openAiError(failure.message, "invalid_request_error", "invalid_value", failure.param ?? null) };
      case "unknown_model": {
        const message = `The model \`${failure.model}\` does not exist or you do not have access to it.`;
        return { status: 404, body: openAiError(message, "invalid_request_error", "model_not_found", "model") };
      }
      case "unsatisfiable_schema":
        return { status: 400, body: openAiError(failure.message, "invalid_request_error", "invalid_schema", "response_format") };
      case "quota": {
        const message =
          `Rate limit reached for requests per min (RPM): Limit ${failure.limit}, Used ${failure.limit}, ` +
          `Requested 1. Please try again in ${(failure.retryAfterMs / 1000).toFixed(1)}s.`;
        return { status: 429, body: openAiError(message, "requests", "rate_limit_exceeded") };
      }
      case "overloaded":
        return { status: 429, body: openAiError("The engine is currently overloaded, please try again later.", "requests", "rate_limit_exceeded") };
      case "server_error":
        return { status: 500, body: openAiError("The server had an error while processing your request. Sorry about that!", "server_error", null) };
    }
  },

  limitHeaders: rateLimitHeaders,

  render(request, completion) {
    const meta = { id: `chatcmpl-${completion.id}`, created: completion.created, model: completion.model };
    const usage = {
      prompt_tokens: completion.inputTokens,
      completion_tokens: completion.outputTokens,
      total_tokens: completion.inputTokens + completion.outputTokens,
    };
    if (request.stream !== true) return { body: completionBody(meta, completion.content, completion.finishReason, usage) };
    const includeUsage = request.stream_options?.include_usage === true;
    const chunks = streamChunks(meta, completion.content, completion.finishReason, usage, includeUsage);
    return {
      contentType: "text/event-stream; charset=utf-8",
      frames: [...chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`), "data: [DONE]\n\n"],
    };
  },
};
