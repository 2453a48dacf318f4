// What every generation request goes through once its body is read, whether it came alone
// (exchange.ts) or inside a batch (batches/): validate it, check the model, build the answer.
import { countTokens } from "./wire";
import { createAnswer, UnsatisfiableSchemaError, type Answer, type FinishReason, type Prompt } from "./answer";
import type { ResolvedMockLlmOptions } from "./options";
import type { Completion, Failure, Protocol, Reply, RouteParams } from "./protocols/protocol";

export type Answered<R> = { request: R; model: string; prompt: Prompt; answer: Answer };

/** The request's answer, or why it gets none: a failure each protocol words itself, or a scenario's own reply. */
export function answerRequest<R>(protocol: Protocol<R>, json: unknown, params: RouteParams, options: ResolvedMockLlmOptions): Answered<R> | { failure: Failure } | { reply: Reply } {
  const parsed = protocol.parse(json, params);
  if (!("request" in parsed)) return { failure: { kind: "invalid_request", ...parsed } };
  const { request } = parsed;
  const model = protocol.model(request);
  if (!options.models.includes(model)) return { failure: { kind: "unknown_model", model } };
  const refusal = protocol.refuse?.(request);
  if (refusal !== undefined) return { reply: refusal };
  const prompt = protocol.prompt(request);
  try {
    return { request, model, prompt, answer: createAnswer(prompt, options.seed) };
  } catch (error) {
    if (!(error instanceof UnsatisfiableSchemaError)) throw error;
    return { failure: { kind: "unsatisfiable_schema", message: error.message } };
  }
}

export function completionOf(input: { id: string; model: string; prompt: Prompt; content: string; finishReason: FinishReason }): Completion {
  return {
    id: input.id,
    created: Math.floor(Date.now() / 1000),
    model: input.model,
    content: input.content,
    finishReason: input.finishReason,
    inputTokens: countPromptTokens(input.prompt),
    outputTokens: countTokens(input.content),
  };
}

function countPromptTokens(prompt: Prompt): number {
  const chars = prompt.messages.reduce((sum, m) => sum + m.text.length, 0);
  return Math.max(1, Math.ceil(chars / 4));
}
