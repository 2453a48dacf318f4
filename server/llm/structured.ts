// Structured calls with repair. Native mode asks for the provider's JSON-schema
// output; prompt mode writes the schema into the system prompt (servers without
// structured outputs, or the user switched it off). A server that rejects the
// JSON-schema request is retried in prompt mode once. Either way the answer is
// parsed (tolerating fences and prose), validated with zod, and re-asked with the
// validation error. A value is never invented: after the last repair the call
// fails with the reason.
import { APICallError, generateText, Output, type LanguageModel, type LanguageModelUsage, type ModelMessage, type OutputInterface } from "ai";
import { z } from "zod";
import { classifyLlmError, LlmError } from "./errors";
import { extractJson } from "./extract-json";
import type { CallSettings, StructuredMode } from "./providers";

export type Usage = { inputTokens: number; outputTokens: number; reasoningTokens: number };

export type StructuredResult<T> = {
  output: T;
  /** Summed over every attempt of the call, failed ones included (they are billed too). */
  usage: Usage;
  /** Re-asks after an invalid answer. */
  repairs: number;
  /** Requests sent: 1 + repairs, plus the rejected JSON-schema request when the call fell back. */
  calls: number;
  /** The first answer was valid (no repair needed). */
  firstTryValid: boolean;
  /** The mechanism that produced the output. */
  mechanism: StructuredMode;
  /** The server rejected the JSON-schema request and this call switched to prompt mode. */
  fellBackToPrompt: boolean;
  /** The provider's reasoning trace for the valid answer, when it returns one. */
  reasoningText?: string;
  latencyMs: number;
};

export type StructuredCall<S extends z.ZodType> = CallSettings & {
  model: LanguageModel;
  modelName: string;
  baseURL: string;
  schema: S;
  prompt: string;
  system?: string;
  /** Where to start; "native" by default. */
  mechanism?: StructuredMode;
  /** false: a JSON-schema rejection fails the call instead of retrying in prompt mode. */
  fallbackToPrompt?: boolean;
  /** Told once when this call fell back, so the caller can remember it for the connection. */
  onFallbackToPrompt?: () => void;
  timeoutMs: number;
  maxRepairs?: number;
  abortSignal?: AbortSignal;
};

type Attempt = { text: string; usage: LanguageModelUsage; reasoningText: string | undefined; finishReason: string };

function addUsage(total: Usage, usage: LanguageModelUsage | undefined) {
  total.inputTokens += usage?.inputTokens ?? 0;
  total.outputTokens += usage?.outputTokens ?? 0;
  total.reasoningTokens += usage?.outputTokenDetails?.reasoningTokens ?? 0;
}

const rawOutputs = new WeakMap<z.ZodType, OutputInterface<string, undefined, never>>();

/**
 * The schema goes to the provider as its response format, but the text comes
 * back unparsed: validation, fence tolerance and repair are ours, and a failed
 * parse must not throw away the attempt's usage and reasoning.
 */
function rawJsonOutput(schema: z.ZodType): OutputInterface<string, undefined, never> {
  // Made once per schema: the JSON schema is converted when the output is made, so a
  // fresh one per call would convert it again on every call of a run.
  let output = rawOutputs.get(schema);
  if (!output) {
    output = {
      ...Output.object({ schema }),
      parseCompleteOutput: async ({ text }) => text,
      parsePartialOutput: async () => undefined,
      createElementStreamTransform: () => undefined,
    };
    rawOutputs.set(schema, output);
  }
  return output;
}

export function promptModeSystem(system: string | undefined, schema: z.ZodType): string {
  // The same view of the schema native mode sends (input side, refs inlined), so both modes ask for the same thing.
  const jsonSchema = JSON.stringify(z.toJSONSchema(schema, { target: "draft-7", io: "input", reused: "inline", unrepresentable: "any" }));
  const instruction = `Answer with only a JSON value that matches this JSON schema, with no other text and no code fences:\n${jsonSchema}`;
  return system ? `${system}\n\n${instruction}` : instruction;
}

// A 400/422 that names the response format or schema: the server does not do
// JSON-schema output (or not this schema), though it may still follow one in the prompt.
const SCHEMA_REJECTION = /response_format|json_schema|response_?schema|responsejsonschema|structured[ _-]?outputs?|output_format|output_config|\bformat\b|\bschema\b/i;

export function isJsonSchemaRejection(error: unknown): boolean {
  if (!APICallError.isInstance(error)) return false;
  if (error.statusCode !== 400 && error.statusCode !== 422) return false;
  return SCHEMA_REJECTION.test(`${error.message} ${error.responseBody ?? ""}`);
}

/**
 * A request's signal: its own timeout, or the caller's abort. Not AbortSignal.timeout + any:
 * their timer and weak references outlive the request by the whole timeout (tens of thousands
 * alive at once in a busy worker, freed only by a full GC); these are gone when it ends.
 */
export function requestSignal(timeoutMs: number, caller?: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller!.reason);
  const timer = setTimeout(() => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), timeoutMs);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
}

/** One request, as generateStructured makes it (provider batches capture its body: server/llm/batch/request-body.ts). */
export async function callOnce<S extends z.ZodType>(call: StructuredCall<S>, mechanism: StructuredMode, messages: ModelMessage[]): Promise<Attempt> {
  const abort = requestSignal(call.timeoutMs, call.abortSignal);
  try {
    return await requestOnce(call, mechanism, messages, abort.signal);
  } finally {
    abort.dispose();
  }
}

async function requestOnce<S extends z.ZodType>(call: StructuredCall<S>, mechanism: StructuredMode, messages: ModelMessage[], abortSignal: AbortSignal): Promise<Attempt> {
  const result = await generateText({
    model: call.model,
    system: mechanism === "prompt" ? promptModeSystem(call.system, call.schema) : call.system,
    messages,
    output: mechanism === "native" ? rawJsonOutput(call.schema) : undefined,
    temperature: call.temperature,
    topP: call.topP,
    maxOutputTokens: call.maxOutputTokens,
    reasoning: call.reasoning,
    providerOptions: call.providerOptions,
    // Retries belong to the engine, which paces them with the rate limiter.
    maxRetries: 0,
    abortSignal,
  });
  return { text: result.text, usage: result.usage, reasoningText: result.finalStep.reasoningText, finishReason: result.finishReason };
}

/** Parses (tolerating fences and prose) and validates one answer; provider batch results use it too. */
export function validate<S extends z.ZodType>(schema: S, attempt: Pick<Attempt, "text" | "finishReason">, maxOutputTokens: number | undefined): { ok: true; value: z.infer<S> } | { ok: false; problem: string } {
  const json = extractJson(attempt.text);
  const cutOff = attempt.finishReason === "length" ? ` The answer was cut off by the output token limit${maxOutputTokens ? ` (maxOutputTokens ${maxOutputTokens})` : ""}; answer more briefly.` : "";
  if (json === undefined) return { ok: false, problem: `the answer is not JSON.${cutOff}` };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<S> };
  return { ok: false, problem: `${z.prettifyError(parsed.error).replace(/\s+/g, " ").slice(0, 500)}${cutOff}` };
}

export async function generateStructured<S extends z.ZodType>(call: StructuredCall<S>): Promise<StructuredResult<z.infer<S>>> {
  const started = Date.now();
  const usage: Usage = { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 };
  const maxRepairs = call.maxRepairs ?? 2;
  const messages: ModelMessage[] = [{ role: "user", content: call.prompt }];
  let mechanism: StructuredMode = call.mechanism ?? "native";
  let fellBackToPrompt = false;
  let repairs = 0;
  while (true) {
    let attempt: Attempt;
    try {
      attempt = await callOnce(call, mechanism, messages);
    } catch (error) {
      if (mechanism === "native" && !fellBackToPrompt && call.fallbackToPrompt !== false && isJsonSchemaRejection(error)) {
        mechanism = "prompt";
        fellBackToPrompt = true;
        call.onFallbackToPrompt?.();
        continue;
      }
      throw Object.assign(classifyLlmError(error, { model: call.modelName, baseURL: call.baseURL }), { usage });
    }
    addUsage(usage, attempt.usage);
    const checked = validate(call.schema, attempt, call.maxOutputTokens);
    if (checked.ok) {
      return {
        output: checked.value,
        usage,
        repairs,
        calls: repairs + 1 + (fellBackToPrompt ? 1 : 0),
        firstTryValid: repairs === 0,
        mechanism,
        fellBackToPrompt,
        ...(attempt.reasoningText ? { reasoningText: attempt.reasoningText } : {}),
        latencyMs: Date.now() - started,
      };
    }
    if (repairs >= maxRepairs) {
      throw Object.assign(
        new LlmError({ kind: "schema", retryable: false, message: `${call.modelName} did not produce valid output after ${repairs + 1} tries: ${checked.problem}` }),
        { usage },
      );
    }
    repairs++;
    // Providers reject empty assistant turns; the repair message still says what was wrong.
    messages.push({ role: "assistant", content: attempt.text || "(no answer)" });
    messages.push({
      role: "user",
      content: `Your previous answer was not valid: ${checked.problem}\nAnswer again with only a JSON value that matches the requested schema exactly, with no other text.`,
    });
  }
}
