// Anthropic Messages (`POST /v1/messages`), as @ai-sdk/anthropic calls it. Structured output comes
// two ways: native `output_config.format` (JSON text in a text block), or a forced tool whose
// `input_schema` is the schema (the answer is that tool's `input`). The SDK picks the tool for
// model ids it does not know as Claude models, i.e. every mock id.
import { z } from "zod";
import type { Prompt, PromptMessage } from "../answer";
import type { JSONSchema } from "../json-schema-instance";
import { anthropicRateLimitHeaders } from "../rate-limit";
import { splitIntoPieces } from "../wire";
import { firstIssue, type Completion, type Failure, type Protocol, type Reply } from "./protocol";

const schemaValue = z.union([z.record(z.string(), z.unknown()), z.boolean()]);
const blockSchema = z.looseObject({ type: z.string(), text: z.string().optional() });
const formatSchema = z.looseObject({ type: z.literal("json_schema"), schema: schemaValue });

const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z
    .array(z.looseObject({ role: z.enum(["user", "assistant"]), content: z.union([z.string(), z.array(blockSchema)]) }))
    .min(1),
  system: z.union([z.string(), z.array(blockSchema)]).optional(),
  stream: z.boolean().optional(),
  tools: z.array(z.looseObject({ name: z.string(), input_schema: schemaValue.optional() })).optional(),
  tool_choice: z.looseObject({ type: z.enum(["auto", "any", "tool", "none"]), name: z.string().optional() }).optional(),
  output_config: z.looseObject({ format: formatSchema.optional() }).optional(),
  /** The structured-outputs beta's name before output_config. */
  output_format: formatSchema.optional(),
});
type MessagesRequest = z.infer<typeof messagesRequestSchema>;
type Tool = NonNullable<MessagesRequest["tools"]>[number];

/** The tool the request forces (tool_choice any/tool), which the answer must call. */
function forcedTool(request: MessagesRequest): Tool | undefined {
  const choice = request.tool_choice;
  if (choice?.type === "tool") return request.tools?.find((tool) => tool.name === choice.name);
  if (choice?.type === "any") return request.tools?.find((tool) => tool.input_schema !== undefined);
  return undefined;
}

function blockText(block: z.infer<typeof blockSchema>): string {
  if (block.type === "text") return block.text ?? "";
  if (block.type === "tool_use") return JSON.stringify(block.input ?? {});
  if (block.type === "tool_result") {
    const content = block.content as string | z.infer<typeof blockSchema>[] | undefined;
    return typeof content === "string" ? content : (content ?? []).map(blockText).join("\n");
  }
  return "";
}

const contentText = (content: string | z.infer<typeof blockSchema>[]): string =>
  typeof content === "string" ? content : content.map(blockText).join("\n");

function error(status: number, type: string, message: string): Reply {
  return { status, body: { type: "error", error: { type, message } } };
}

export const anthropicProtocol: Protocol<MessagesRequest> = {
  name: "anthropic",

  parse(json) {
    const parsed = messagesRequestSchema.safeParse(json);
    if (!parsed.success) return firstIssue(parsed.error);
    const choice = parsed.data.tool_choice;
    if (choice?.type === "tool" && forcedTool(parsed.data) === undefined) {
      return { message: `tool_choice.name: tool '${choice.name}' is not in tools`, param: "tool_choice.name" };
    }
    return { request: parsed.data };
  },

  model: (request) => request.model,

  prompt(request): Prompt {
    const messages: PromptMessage[] = request.messages.map((m) => ({ role: m.role, text: contentText(m.content) }));
    if (request.system !== undefined) messages.unshift({ role: "system", text: contentText(request.system) });
    const native = request.output_config?.format ?? request.output_format;
    const tool = forcedTool(request);
    const schema = native?.schema ?? tool?.input_schema;
    return {
      model: request.model,
      messages,
      format: schema === undefined ? { type: "text" } : { type: "json", schema: schema as JSONSchema, name: tool?.name },
      maxTokens: request.max_tokens,
    };
  },

  stream: (request) => request.stream === true,

  fail(failure: Failure): Reply {
    switch (failure.kind) {
      case "too_large":
        return error(413, "request_too_large", `Request exceeds the maximum allowed number of bytes (${failure.limitBytes}).`);
      case "invalid_json":
        return error(400, "invalid_request_error", "The request body is not valid JSON.");
      case "invalid_request":
      case "unsatisfiable_schema":
        return error(400, "invalid_request_error", failure.message);
      case "unknown_model":
        return error(404, "not_found_error", `model: ${failure.model}`);
      case "quota":
        return error(429, "rate_limit_error", `This request would exceed your organization's rate limit of ${failure.limit} requests per minute.`);
      case "overloaded":
        return error(429, "rate_limit_error", "Number of concurrent connections has exceeded your rate limit. Please try again later.");
      case "server_error":
        return error(500, "api_error", "Internal server error");
    }
  },

  limitHeaders: (decision) => anthropicRateLimitHeaders(decision),

  render(request, completion) {
    const block = answerBlock(request, completion);
    const stopReason = block.type === "tool_use" ? "tool_use" : completion.finishReason === "length" ? "max_tokens" : "end_turn";
    const usage = { input_tokens: completion.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    const message = { id: `msg_${completion.id}`, type: "message", role: "assistant", model: completion.model };
    if (request.stream !== true) {
      return {
        body: { ...message, content: [block], stop_reason: stopReason, stop_sequence: null, usage: { ...usage, output_tokens: completion.outputTokens } },
      };
    }
    const event = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
    const deltas =
      block.type === "tool_use"
        ? splitIntoPieces(completion.content).map((partial_json) => ({ type: "input_json_delta", partial_json }))
        : splitIntoPieces(completion.content).map((text) => ({ type: "text_delta", text }));
    const start = block.type === "tool_use" ? { ...block, input: {} } : { type: "text", text: "" };
    return {
      contentType: "text/event-stream; charset=utf-8",
      frames: [
        event("message_start", { message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } }),
        event("content_block_start", { index: 0, content_block: start }),
        event("ping", {}),
        ...deltas.map((delta) => event("content_block_delta", { index: 0, delta })),
        event("content_block_stop", { index: 0 }),
        event("message_delta", { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: completion.outputTokens } }),
        event("message_stop", {}),
      ],
    };
  },
};

type Block = { type: "text"; text: string } | { type: "tool_use"; id: string; name: string; input: unknown };

/**
 * A forced tool is answered by calling it; its `input` is always a parsed object, so a deliberately
 * broken answer (truncated JSON) comes as a text block instead — the model "ignored the tool".
 */
function answerBlock(request: MessagesRequest, completion: Completion): Block {
  const tool = forcedTool(request);
  if (tool !== undefined) {
    try {
      return { type: "tool_use", id: `toolu_${completion.id}`, name: tool.name, input: JSON.parse(completion.content) };
    } catch {
      // Falls through to the text block.
    }
  }
  return { type: "text", text: completion.content };
}
