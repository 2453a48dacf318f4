import { MockLanguageModelV4 } from "ai/test";
import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LlmError } from "./errors";
import { generateStructured } from "./structured";

const schema = z.object({ texts: z.array(z.string().min(1)).length(2) });

function answer(text: string, inputTokens = 10, outputTokens = 5) {
  return {
    content: [{ type: "text" as const, text }],
    finishReason: { unified: "stop" as const, raw: "stop" },
    usage: {
      inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
    },
    warnings: [],
  };
}

function call(model: MockLanguageModelV4) {
  return generateStructured({ model, modelName: "mock", baseURL: "mock://", schema, prompt: "Write two texts.", timeoutMs: 5000 });
}

describe("generateStructured", () => {
  it("returns the validated object and its usage", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer('{"texts":["a","b"]}') });
    const result = await call(model);
    expect(result.output).toEqual({ texts: ["a", "b"] });
    expect(result.repairs).toBe(0);
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 5 });
  });

  it("re-asks with the validation error and counts the repair and all tokens", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [answer('{"texts":["only one"]}'), answer('{"texts":["a","b"]}', 20, 6)] });
    const result = await call(model);
    expect(result.output.texts).toEqual(["a", "b"]);
    expect(result.repairs).toBe(1);
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 11 });
    const second = model.doGenerateCalls[1]!.prompt;
    // The repair turn shows the model its own answer and what was wrong with it.
    expect(JSON.stringify(second)).toContain("only one");
    expect(JSON.stringify(second)).toContain("not valid");
  });

  it("tolerates code fences and leading prose", async () => {
    const model = new MockLanguageModelV4({ doGenerate: answer('Sure! Here it is:\n```json\n{"texts":["a","b"]}\n```') });
    const result = await call(model);
    expect(result.output.texts).toEqual(["a", "b"]);
  });

  it("gives up after the repairs with a schema error and never invents a value", async () => {
    const model = new MockLanguageModelV4({ doGenerate: [answer("not json"), answer('{"texts":[]}'), answer('{"texts":["", ""]}')] });
    const error = await call(model).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: "schema", retryable: false });
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
    const unauthorized = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new APICallError({ message: "bad key", url: "mock://", requestBodyValues: {}, statusCode: 401 });
      },
    });
    await expect(call(unauthorized)).rejects.toMatchObject({ kind: "auth", retryable: false });
  });
});
