/* eslint-disable @typescript-eslint/no-explicit-any -- recorded request bodies are read field by field */
// Every provider package the app can use, against the mock over real HTTP, exactly as
// server/llm/ will call them. Each case also pins how its package asks for structured output,
// so a package update that changes the mechanism fails here rather than in production.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createMistral } from "@ai-sdk/mistral";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import {
  defaultSettingsMiddleware,
  generateText,
  NoObjectGeneratedError,
  Output,
  streamText,
  wrapLanguageModel,
  type LanguageModel,
} from "ai";
import { createOllama } from "ollama-ai-provider-v2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { mockLlmOptionsSchema } from "./options";
import type { ProtocolName } from "./protocols/protocol";
import { startMockLlm, type MockLlm } from "./server";

let llm: MockLlm;
const requests: { url: string; body: any; response: Promise<string> }[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  requests.push({ url: String(input), body: JSON.parse(String(init?.body)), response: response.clone().text() });
  return response;
};

beforeAll(async () => {
  llm = await startMockLlm({ port: 0, models: [...mockLlmOptionsSchema.parse({}).models, "claude-sonnet-4-5"] });
});
afterAll(async () => {
  await llm.close();
});
beforeEach(() => {
  requests.length = 0;
  // The anthropic provider warns that mock ids are unknown models; the warning is expected.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
});

const textsSchema = z.object({ texts: z.array(z.string()).length(3) });
const prompt = "Write 3 short reviews of espresso machines.";
const promptTokens = Math.ceil(prompt.length / 4);

interface ProviderCase {
  name: string;
  protocol: ProtocolName;
  path: string;
  model(llm: MockLlm, id: string): LanguageModel;
  /** Asserts the recorded request asked for structured output the way this package does. */
  structured(body: any, schema: Record<string, unknown>): void;
  /** The JSON text where this protocol carries the answer, read from the raw response body. */
  answer(body: any): string;
}

const openAiAnswer = (body: any): string => body.choices[0].message.content;

const cases: ProviderCase[] = [
  {
    name: "@ai-sdk/openai (.chat)",
    protocol: "openai",
    path: "/v1/chat/completions",
    model: (llm, id) => createOpenAI({ baseURL: llm.urls.openai, apiKey: "k", fetch: recordingFetch }).chat(id),
    structured: (body, schema) =>
      expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "response", strict: true, schema } }),
    answer: openAiAnswer,
  },
  {
    name: "@ai-sdk/anthropic (forced json tool)",
    protocol: "anthropic",
    path: "/v1/messages",
    model: (llm, id) => createAnthropic({ baseURL: llm.urls.anthropic, apiKey: "k", fetch: recordingFetch })(id),
    structured: (body, schema) => {
      expect(body.tools).toEqual([{ name: "json", description: "Respond with a JSON object.", input_schema: schema }]);
      expect(body.tool_choice).toEqual({ type: "any", disable_parallel_tool_use: true });
      expect(body.output_config).toBeUndefined();
    },
    answer: (body) => {
      // The tool is called: a parsed `input`, not JSON text.
      expect(body).toMatchObject({ stop_reason: "tool_use", content: [{ type: "tool_use", name: "json" }] });
      return JSON.stringify(body.content[0].input);
    },
  },
  {
    // What Claude model ids get by default; forced here so every mock id takes this path.
    name: "@ai-sdk/anthropic (native output_config)",
    protocol: "anthropic",
    path: "/v1/messages",
    model: (llm, id) =>
      wrapLanguageModel({
        model: createAnthropic({ baseURL: llm.urls.anthropic, apiKey: "k", fetch: recordingFetch })(id),
        middleware: defaultSettingsMiddleware({ settings: { providerOptions: { anthropic: { structuredOutputMode: "outputFormat" } } } }),
      }),
    structured: (body) => {
      expect(body.tools).toBeUndefined();
      // The SDK drops minItems/maxItems (Anthropic rejects them) and states them in prose.
      expect(body.output_config.format.type).toBe("json_schema");
      expect(body.output_config.format.schema.properties.texts).toEqual({
        type: "array",
        items: { type: "string" },
        description: "min items: 3; max items: 3.",
      });
    },
    answer: (body) => {
      expect(body).toMatchObject({ stop_reason: "end_turn", content: [{ type: "text" }] });
      return body.content[0].text;
    },
  },
  {
    name: "@ai-sdk/google",
    protocol: "gemini",
    path: "/v1beta/models/mock-1:generateContent",
    model: (llm, id) => createGoogleGenerativeAI({ baseURL: llm.urls.gemini, apiKey: "k", fetch: recordingFetch })(id),
    structured: (body, schema) => {
      expect(body.generationConfig.responseMimeType).toBe("application/json");
      expect(body.generationConfig.responseJsonSchema).toEqual(schema);
      expect(body.generationConfig.responseSchema).toBeUndefined();
    },
    answer: (body) => body.candidates[0].content.parts[0].text,
  },
  {
    name: "@ai-sdk/mistral",
    protocol: "openai",
    path: "/v1/chat/completions",
    model: (llm, id) => createMistral({ baseURL: llm.urls.openai, apiKey: "k", fetch: recordingFetch })(id),
    structured: (body, schema) =>
      expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "response", strict: false, schema } }),
    answer: openAiAnswer,
  },
  {
    name: "@openrouter/ai-sdk-provider",
    protocol: "openai",
    path: "/v1/chat/completions",
    model: (llm, id) => createOpenRouter({ baseURL: llm.urls.openai, apiKey: "k", fetch: recordingFetch }).chat(id),
    structured: (body, schema) =>
      expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "response", strict: true, schema } }),
    answer: openAiAnswer,
  },
  {
    name: "ollama-ai-provider-v2",
    protocol: "ollama",
    path: "/api/chat",
    model: (llm, id) => createOllama({ baseURL: llm.urls.ollama, fetch: recordingFetch })(id),
    structured: (body, schema) => expect(body.format).toEqual(schema),
    answer: (body) => body.message.content,
  },
  {
    name: "@ai-sdk/openai-compatible",
    protocol: "openai",
    path: "/v1/chat/completions",
    model: (llm, id) =>
      createOpenAICompatible({ name: "mock", baseURL: llm.urls.openai, apiKey: "k", fetch: recordingFetch, supportsStructuredOutputs: true, includeUsage: true }).chatModel(id),
    structured: (body, schema) =>
      expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "response", strict: true, schema } }),
    answer: openAiAnswer,
  },
];

// What zod's schema becomes on the wire (the AI SDK adds $schema and closes the object).
const wireSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: { texts: { minItems: 3, maxItems: 3, type: "array", items: { type: "string" } } },
  required: ["texts"],
  additionalProperties: false,
};

describe.each(cases)("$name against the mock", (c) => {
  const protocolCount = () => llm.stats().byProtocol[c.protocol];

  it("generates structured output with usage", async () => {
    const before = protocolCount();
    const result = await generateText({ model: c.model(llm, "mock-1"), output: Output.object({ schema: textsSchema }), prompt, maxRetries: 0 });
    expect(result.output.texts).toHaveLength(3);
    expect(new Set(result.output.texts).size).toBe(3);
    expect(result.usage.inputTokens).toBe(promptTokens);
    expect(result.usage.outputTokens).toBe(Math.ceil(result.text.length / 4));
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(protocolCount()).toBe(before + 1);
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!.url).pathname).toBe(c.path);
    c.structured(requests[0]!.body, wireSchema);
    expect(JSON.parse(c.answer(JSON.parse(await requests[0]!.response)))).toEqual(result.output);
  });

  it("streams structured output, then usage", async () => {
    const result = streamText({ model: c.model(llm, "mock-1"), output: Output.object({ schema: textsSchema }), prompt, maxRetries: 0 });
    let partials = 0;
    for await (const partial of result.partialOutputStream) {
      expect(typeof partial).toBe("object");
      partials++;
    }
    expect(partials).toBeGreaterThan(1);
    expect((await result.output).texts).toHaveLength(3);
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(promptTokens);
    expect(usage.outputTokens).toBe(Math.ceil((await result.text).length / 4));
  });

  it("streams plain text, then usage", async () => {
    const result = streamText({ model: c.model(llm, "mock-2"), prompt: "Describe a quiet harbor town.", maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    const text = await result.text;
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    expect(deltas.join("")).toBe(text);
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(await result.finishReason).toBe("stop");
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(Math.ceil(text.length / 4));
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("mock-broken-first: truncated JSON on the first attempt, valid JSON on the repair turn", async () => {
    const model = c.model(llm, "mock-broken-first");
    const error = await generateText({ model, output: Output.object({ schema: textsSchema }), prompt, maxRetries: 0 }).catch((e: unknown) => e);
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    const raw = (error as NoObjectGeneratedError).text!;
    expect(raw.startsWith('{"texts":["')).toBe(true);
    expect(() => JSON.parse(raw)).toThrow();

    const repaired = await generateText({
      model,
      output: Output.object({ schema: textsSchema }),
      messages: [
        { role: "user", content: prompt },
        { role: "assistant", content: raw },
        { role: "user", content: "Your answer was not valid JSON (it was cut off). Answer again with the complete JSON object." },
      ],
      maxRetries: 0,
    });
    expect(repaired.output.texts).toHaveLength(3);
  });
});

it("@ai-sdk/anthropic uses native output_config by default for Claude model ids, constraints in prose", async () => {
  const model = createAnthropic({ baseURL: llm.urls.anthropic, apiKey: "k", fetch: recordingFetch })("claude-sonnet-4-5");
  // 5, not the generator's default of 3: only reading "min items: 5" in the description gets it right.
  const schema = z.object({ texts: z.array(z.string()).length(5) });
  const result = await generateText({ model, output: Output.object({ schema }), prompt, maxRetries: 0 });
  expect(result.output.texts).toHaveLength(5);
  expect(requests[0]!.body.output_config.format.schema.properties.texts.description).toBe("min items: 5; max items: 5.");
  expect(requests[0]!.body.output_config.format.type).toBe("json_schema");
  expect(requests[0]!.body.tools).toBeUndefined();
});
