// The mock is only useful if the real client accepts it: these go through the AI SDK's
// openai-compatible provider exactly as server/llm/ will.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, Output, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startMockLlm, type MockLlm } from "./server";

let llm: MockLlm;
beforeAll(async () => {
  llm = await startMockLlm({ port: 0 });
});
afterAll(async () => {
  await llm.close();
});

// includeUsage makes the provider send stream_options.include_usage; without it a stream
// reports no token counts at all.
const provider = () =>
  createOpenAICompatible({ name: "mock", baseURL: llm.url, apiKey: "x", supportsStructuredOutputs: true, includeUsage: true });

const textsSchema = z.object({ texts: z.array(z.string().min(1)).length(5) });
const prompt = "Generate 5 short customer reviews of espresso machines.";

describe("mock LLM through the AI SDK", () => {
  it("serves structured output to generateText", async () => {
    const result = await generateText({
      model: provider().chatModel("mock-1"),
      output: Output.object({ schema: textsSchema }),
      prompt,
    });
    expect(result.output.texts).toHaveLength(5);
    expect(new Set(result.output.texts).size).toBe(5);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBe(Math.ceil(prompt.length / 4));
    expect(result.usage.outputTokens).toBe(Math.ceil(result.text.length / 4));
    expect(result.usage.totalTokens).toBe(result.usage.inputTokens! + result.usage.outputTokens!);
  });

  it("streams plain text with usage", async () => {
    const result = streamText({ model: provider().chatModel("mock-2"), prompt });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    const text = await result.text;
    expect(deltas.join("")).toBe(text);
    expect(await result.finishReason).toBe("stop");
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(Math.ceil(text.length / 4));
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("streams structured output with partial objects", async () => {
    const result = streamText({
      model: provider().chatModel("mock-1"),
      output: Output.object({ schema: textsSchema }),
      prompt,
    });
    let partials = 0;
    for await (const partial of result.partialOutputStream) {
      expect(typeof partial).toBe("object");
      partials++;
    }
    expect(partials).toBeGreaterThan(1);
    expect((await result.output).texts).toHaveLength(5);
    expect((await result.usage).totalTokens).toBeGreaterThan(0);
  });

  it("surfaces injected faults as retryable API errors carrying retry-after", async () => {
    const busy = await startMockLlm({ port: 0, error429: 1 });
    try {
      const model = createOpenAICompatible({ name: "mock", baseURL: busy.url, apiKey: "x" }).chatModel("mock-1");
      const error = await generateText({ model, prompt, maxRetries: 0 }).catch((e: unknown) => e);
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect(apiError.statusCode).toBe(429);
      expect(apiError.isRetryable).toBe(true);
      expect(apiError.responseHeaders?.["retry-after"]).toBe("1");
      expect(apiError.message).toMatch(/overloaded/);
    } finally {
      await busy.close();
    }
  });

  it("makes truncated JSON fail structured output parsing", async () => {
    const broken = await startMockLlm({ port: 0, truncatedJson: 1 });
    try {
      const model = createOpenAICompatible({ name: "mock", baseURL: broken.url, supportsStructuredOutputs: true }).chatModel("mock-1");
      await expect(generateText({ model, output: Output.object({ schema: textsSchema }), prompt })).rejects.toThrow(
        /could not parse|No object generated/i,
      );
    } finally {
      await broken.close();
    }
  });
});
