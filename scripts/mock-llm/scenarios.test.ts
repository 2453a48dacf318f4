// The scenario switches benchmarks and client tests rely on: a server without json_schema support,
// and a quota enforced without announcing it.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, Output } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { MockLlmOptions } from "./options";
import { startMockLlm, type MockLlm } from "./server";

const running: MockLlm[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((llm) => llm.close()));
});

async function start(options: MockLlmOptions = {}): Promise<MockLlm> {
  const llm = await startMockLlm({ port: 0, ...options });
  running.push(llm);
  return llm;
}

const textsSchema = z.object({ texts: z.array(z.string()).length(4) });
const prompt = "Write 4 short product descriptions for tea kettles.";

describe("mock-no-json-schema", () => {
  it("answers 400 naming response_format when asked for json_schema", async () => {
    const llm = await start();
    const model = createOpenAI({ baseURL: llm.url, apiKey: "k" }).chat("mock-no-json-schema");
    const error = await generateText({ model, output: Output.object({ schema: textsSchema }), prompt, maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(400);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toBe("response_format json_schema is not supported by this server");
    expect(JSON.parse(apiError.responseBody!)).toEqual({
      error: { message: "response_format json_schema is not supported by this server", type: "invalid_request_error", param: "response_format", code: null },
    });
    // The same request to an ordinary model succeeds, so the refusal is the scenario, not the request.
    const ok = await generateText({ model: createOpenAI({ baseURL: llm.url, apiKey: "k" }).chat("mock-1"), output: Output.object({ schema: textsSchema }), prompt });
    expect(ok.output.texts).toHaveLength(4);
  });

  it("answers the schema written into the prompt (the client's fallback), else plain text", async () => {
    const llm = await start();
    const model = createOpenAICompatible({ name: "mock", baseURL: llm.url, apiKey: "k" }).chatModel("mock-no-json-schema");
    const schemaText = JSON.stringify(z.toJSONSchema(textsSchema));
    const structured = await generateText({ model, prompt: `${prompt}\nAnswer only with JSON matching this JSON schema:\n${schemaText}` });
    expect(textsSchema.parse(JSON.parse(structured.text)).texts).toHaveLength(4);
    // The schema's own words ("properties", "draft-07") must not leak into the rows.
    expect(structured.text).not.toMatch(/schema|propert|additional|required|minitem|maxitem|http|draft/i);

    const plain = await generateText({ model, prompt });
    expect(() => JSON.parse(plain.text)).toThrow();
    expect(plain.text).toMatch(/^[A-Z].*\.$/);
  });

  it("still answers json_object mode", async () => {
    const llm = await start();
    const model = createOpenAICompatible({ name: "mock", baseURL: llm.url, apiKey: "k" }).chatModel("mock-no-json-schema");
    // Without supportsStructuredOutputs the provider sends response_format json_object.
    const result = await generateText({ model, output: Output.json(), prompt });
    expect(typeof result.output).toBe("object");
  });

  it("combined with mock-broken-first semantics, a fallback prompt also gets truncated first", async () => {
    const llm = await start();
    const model = createOpenAICompatible({ name: "mock", baseURL: llm.url, apiKey: "k" }).chatModel("mock-broken-first");
    const system = `Reply with JSON for this schema: ${JSON.stringify(z.toJSONSchema(textsSchema))}`;
    const first = await generateText({ model, system, prompt });
    expect(() => JSON.parse(first.text)).toThrow();
    const repaired = await generateText({
      model,
      system,
      messages: [
        { role: "user", content: prompt },
        { role: "assistant", content: first.text },
        { role: "user", content: "That JSON was cut off; send it again in full." },
      ],
    });
    expect(textsSchema.parse(JSON.parse(repaired.text)).texts).toHaveLength(4);
  });
});

describe("--hide-limit-headers", () => {
  const limitHeaderNames = (response: Response): string[] =>
    [...response.headers.keys()].filter((name) => name.startsWith("x-ratelimit-") || name.startsWith("anthropic-ratelimit-"));

  const openAi = (llm: MockLlm) =>
    fetch(`${llm.url}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "mock-1", messages: [{ role: "user", content: "hi" }] }),
    });
  const anthropic = (llm: MockLlm) =>
    fetch(`${llm.urls.anthropic}/messages`, {
      method: "POST",
      body: JSON.stringify({ model: "mock-1", max_tokens: 100, messages: [{ role: "user", content: "hi" }] }),
    });

  it("announces the quota by default, on every protocol's dialect", async () => {
    const llm = await start({ rpm: 3 });
    expect(limitHeaderNames(await openAi(llm))).toEqual(["x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests"]);
    const response = await anthropic(llm);
    expect(limitHeaderNames(response)).toEqual([
      "anthropic-ratelimit-requests-limit",
      "anthropic-ratelimit-requests-remaining",
      "anthropic-ratelimit-requests-reset",
    ]);
    expect(response.headers.get("anthropic-ratelimit-requests-remaining")).toBe("1");
    expect(Date.parse(response.headers.get("anthropic-ratelimit-requests-reset")!)).toBeGreaterThan(Date.now() + 55_000);
  });

  it("enforces the quota silently: no limit headers, 429 with retry-after only", async () => {
    const llm = await start({ rpm: 2, hideLimitHeaders: true });
    for (const response of [await openAi(llm), await anthropic(llm)]) {
      expect(response.status).toBe(200);
      expect(limitHeaderNames(response)).toEqual([]);
    }
    for (const limited of [await openAi(llm), await anthropic(llm)]) {
      expect(limited.status).toBe(429);
      expect(limitHeaderNames(limited)).toEqual([]);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(55);
    }
    expect(llm.stats().quota429).toBe(2);
  });

  it("reaches the AI SDK as a retryable 429 carrying retry-after", async () => {
    const llm = await start({ rpm: 1, hideLimitHeaders: true });
    const model = createAnthropic({ baseURL: llm.urls.anthropic, apiKey: "k" })("mock-1");
    await generateText({ model, prompt, maxOutputTokens: 200 });
    const error = (await generateText({ model, prompt, maxOutputTokens: 200, maxRetries: 0 }).catch((e: unknown) => e)) as APICallError;
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders?.["retry-after"]).toMatch(/^\d+$/);
    expect(Object.keys(error.responseHeaders ?? {}).filter((name) => name.includes("ratelimit"))).toEqual([]);
  });
});
