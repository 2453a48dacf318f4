import { getEventListeners } from "node:events";
import { MockLanguageModelV4 } from "ai/test";
import { APICallError } from "ai";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { LlmError } from "./errors";
import { generateStructured, isJsonSchemaRejection, requestSignal, type StructuredCall } from "./structured";

const schema = z.object({ texts: z.array(z.string().min(1)).length(2) });

type Answer = { text: string; inputTokens?: number; outputTokens?: number; reasoning?: string; reasoningTokens?: number; finish?: "stop" | "length" };

function answer(input: string | Answer) {
  const { text, inputTokens = 10, outputTokens = 5, reasoning, reasoningTokens, finish = "stop" } = typeof input === "string" ? { text: input } : input;
  return {
    content: [...(reasoning ? [{ type: "reasoning" as const, text: reasoning }] : []), { type: "text" as const, text }],
    finishReason: { unified: finish, raw: finish },
    usage: {
      inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens - (reasoningTokens ?? 0), reasoning: reasoningTokens },
    },
    warnings: [],
  };
}

function rejection(status: number, message: string) {
  return async (): Promise<never> => {
    throw new APICallError({ message, url: "mock://", requestBodyValues: {}, statusCode: status, responseBody: JSON.stringify({ error: { message } }) });
  };
}

type Step = ReturnType<typeof answer> | (() => Promise<never>);

/** A model that answers with each step in turn (a step may throw, like a rejecting server). */
function sequence(...steps: Step[]) {
  let index = 0;
  return new MockLanguageModelV4({
    doGenerate: async () => {
      const step = steps[Math.min(index++, steps.length - 1)]!;
      return typeof step === "function" ? step() : step;
    },
  });
}

function call(model: MockLanguageModelV4, extra: Partial<StructuredCall<typeof schema>> = {}) {
  return generateStructured({ model, modelName: "mock", baseURL: "mock://", schema, prompt: "Write two texts.", timeoutMs: 5000, ...extra });
}

describe("generateStructured", () => {
  it("returns the validated object, its usage and the native mechanism", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer('{"texts":["a","b"]}') });
    const result = await call(model);
    expect(result).toMatchObject({ output: { texts: ["a", "b"] }, repairs: 0, calls: 1, firstTryValid: true, mechanism: "native", fellBackToPrompt: false });
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 5, reasoningTokens: 0 });
    // Native mode hands the schema to the provider as its response format.
    expect(model.doGenerateCalls[0]!.responseFormat).toMatchObject({ type: "json", schema: { type: "object" } });
  });

  it("re-asks with the validation error and counts the repair and all tokens", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [answer('{"texts":["only one"]}'), answer({ text: '{"texts":["a","b"]}', inputTokens: 20, outputTokens: 6 })] });
    const result = await call(model);
    expect(result.output.texts).toEqual(["a", "b"]);
    expect(result).toMatchObject({ repairs: 1, calls: 2, firstTryValid: false });
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 11, reasoningTokens: 0 });
    const second = JSON.stringify(model.doGenerateCalls[1]!.prompt);
    // The repair turn shows the model its own answer and what was wrong with it.
    expect(second).toContain("only one");
    expect(second).toContain("not valid");
    expect(second).toContain("texts");
  });

  it("keeps the reasoning trace and counts reasoning tokens", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer({ text: '{"texts":["a","b"]}', outputTokens: 50, reasoningTokens: 40, reasoning: "First, think about texts." }) });
    const result = await call(model, { reasoning: "high" });
    expect(result.reasoningText).toBe("First, think about texts.");
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 50, reasoningTokens: 40 });
    expect(model.doGenerateCalls[0]!.reasoning).toBe("high");
  });

  it("tolerates code fences and leading prose", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer('Sure! Here it is:\n```json\n{"texts":["a","b"]}\n```') });
    const result = await call(model);
    expect(result.output.texts).toEqual(["a", "b"]);
    expect(result.firstTryValid).toBe(true);
  });

  it("says when an answer was cut off by the token limit", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [answer({ text: '{"texts":["a", "b', finish: "length" }), answer('{"texts":["a","b"]}')] });
    await call(model, { maxOutputTokens: 12 });
    expect(JSON.stringify(model.doGenerateCalls[1]!.prompt)).toContain("maxOutputTokens 12");
  });

  it("gives up after the repairs with a schema error, keeps the usage and never invents a value", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [answer("not json"), answer('{"texts":[]}'), answer('{"texts":["", ""]}')] });
    const error = await call(model).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: "schema", retryable: false, usage: { inputTokens: 30, outputTokens: 15 } });
    expect((error as LlmError).message).toContain("after 3 tries");
    expect(model.doGenerateCalls).toHaveLength(3);
  });

  it("classifies provider errors: 429 is retryable with its retry-after, 401 is final", async () => {
    const limited = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new APICallError({ message: "slow down", url: "mock://", requestBodyValues: {}, statusCode: 429, responseHeaders: { "retry-after": "2" } });
      },
    });
    await expect(call(limited)).rejects.toMatchObject({ kind: "rate_limit", retryable: true, retryAfterMs: 2000 });
    const unauthorized = new MockLanguageModelV4({ doGenerate: rejection(401, "bad key") });
    await expect(call(unauthorized)).rejects.toMatchObject({ kind: "auth", retryable: false });
  });
});

describe("prompt mode and the fallback to it", () => {
  it("writes the JSON schema into the system prompt and sends no response format", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer('{"texts":["a","b"]}') });
    const result = await call(model, { mechanism: "prompt", system: "You write texts." });
    expect(result).toMatchObject({ mechanism: "prompt", fellBackToPrompt: false, firstTryValid: true });
    const sent = model.doGenerateCalls[0]!;
    expect(sent.responseFormat?.type ?? "text").toBe("text");
    const system = sent.prompt.find((message) => message.role === "system")!.content as string;
    expect(system.startsWith("You write texts.")).toBe(true);
    expect(JSON.parse(system.slice(system.indexOf("{")))).toMatchObject({ type: "object", properties: { texts: { type: "array", minItems: 2, maxItems: 2 } } });
  });

  it("repairs in prompt mode too, keeping the schema in the system prompt", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [answer("Here are texts: a, b"), answer('{"texts":["a","b"]}')] });
    const result = await call(model, { mechanism: "prompt" });
    expect(result).toMatchObject({ mechanism: "prompt", repairs: 1, firstTryValid: false });
    expect(JSON.stringify(model.doGenerateCalls[1]!.prompt)).toContain('\\"minItems\\":2');
  });

  it("retries in prompt mode when the server rejects json_schema, and says so once", async () => {
    const onFallbackToPrompt = vi.fn();
    const model = sequence(rejection(400, "response_format of type json_schema is not supported by this model"), answer('{"texts":["a","b"]}'));
    const result = await call(model, { onFallbackToPrompt });
    expect(result).toMatchObject({ output: { texts: ["a", "b"] }, mechanism: "prompt", fellBackToPrompt: true, repairs: 0, calls: 2, firstTryValid: true });
    expect(onFallbackToPrompt).toHaveBeenCalledTimes(1);
    expect(model.doGenerateCalls[0]!.responseFormat).toMatchObject({ type: "json" });
    expect(model.doGenerateCalls[1]!.responseFormat?.type ?? "text").toBe("text");
  });

  it("does not fall back on a 400 about something else, nor when the fallback is off", async () => {
    const other = sequence(rejection(400, "max_tokens is too large: 999999"), answer('{"texts":["a","b"]}'));
    await expect(call(other)).rejects.toMatchObject({ kind: "bad_request", retryable: false });
    expect(other.doGenerateCalls).toHaveLength(1);
    const disabled = sequence(rejection(400, "json_schema not supported"), answer('{"texts":["a","b"]}'));
    await expect(call(disabled, { fallbackToPrompt: false })).rejects.toMatchObject({ kind: "bad_request" });
    expect(disabled.doGenerateCalls).toHaveLength(1);
  });

  it("falls back only once: a prompt-mode rejection is the call's error", async () => {
    const model = sequence(rejection(400, "json_schema not supported"), rejection(400, "invalid format"));
    await expect(call(model)).rejects.toMatchObject({ kind: "bad_request" });
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("recognizes schema rejections from each provider's wording", () => {
    const error = (status: number, message: string) => new APICallError({ message, url: "x", requestBodyValues: {}, statusCode: status });
    expect(isJsonSchemaRejection(error(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."))).toBe(true);
    expect(isJsonSchemaRejection(error(400, "output_config.format: structured outputs are not supported for this model"))).toBe(true);
    expect(isJsonSchemaRejection(error(400, "Invalid JSON payload received. Unknown name \"responseJsonSchema\""))).toBe(true);
    expect(isJsonSchemaRejection(error(422, "Schema not supported"))).toBe(true);
    expect(isJsonSchemaRejection(error(400, "max_tokens is too large"))).toBe(false);
    expect(isJsonSchemaRejection(error(500, "json_schema crashed the server"))).toBe(false);
    expect(isJsonSchemaRejection(new Error("response_format"))).toBe(false);
  });
});

describe("requestSignal", () => {
  it("aborts with a TimeoutError when the request outlives its timeout", async () => {
    const { signal, dispose } = requestSignal(10);
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    expect((signal.reason as Error).name).toBe("TimeoutError");
    dispose();
  });

  it("follows the caller's abort, and lets go of the caller's signal once disposed", () => {
    const caller = new AbortController();
    const first = requestSignal(60_000, caller.signal);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(1);
    first.dispose();
    // The caller's signal lives as long as its work item: it must not collect a listener per request.
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    const second = requestSignal(60_000, caller.signal);
    caller.abort(new Error("stopping"));
    expect((second.signal.reason as Error).message).toBe("stopping");
    second.dispose();
  });
});
