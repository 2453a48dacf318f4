/* eslint-disable @typescript-eslint/no-explicit-any -- wire payloads are read field by field in assertions */
// Wire-level checks of the Anthropic, Gemini and Ollama dialects, and of what all protocols share:
// one quota, the fault options, and model lookups. The provider packages are in providers.test.ts.
import { APICallError, generateText } from "ai";
import { createOllama } from "ollama-ai-provider-v2";
import { afterEach, describe, expect, it } from "vitest";
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

const origin = (llm: MockLlm) => `http://127.0.0.1:${llm.port}`;
const post = (llm: MockLlm, path: string, body: unknown) =>
  fetch(`${origin(llm)}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const anthropicBody = (extra: object = {}) => ({
  model: "mock-1",
  max_tokens: 1000,
  system: "You write about kitchens.",
  messages: [{ role: "user", content: [{ type: "text", text: "Describe a kettle" }] }],
  ...extra,
});
const geminiBody = (extra: object = {}) => ({ contents: [{ role: "user", parts: [{ text: "Describe a kettle" }] }], ...extra });
const ollamaBody = (extra: object = {}) => ({ model: "mock-1", messages: [{ role: "user", content: "Describe a kettle" }], ...extra });

function sse(text: string): { event?: string; data: any }[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((frame) => frame.trim() !== "")
    .map((frame) => {
      const event = /^event: (.+)$/m.exec(frame)?.[1];
      return { event, data: JSON.parse(/^data: (.+)$/m.exec(frame)![1]!) };
    });
}

describe("Anthropic Messages", () => {
  it("answers a message with usage, and streams the same text as typed events", async () => {
    const llm = await start();
    const body = (await (await post(llm, "/v1/messages", anthropicBody())).json()) as any;
    expect(body).toMatchObject({ type: "message", role: "assistant", model: "mock-1", stop_reason: "end_turn", stop_sequence: null });
    expect(body.id).toMatch(/^msg_/);
    expect(body.content).toEqual([{ type: "text", text: expect.stringMatching(/\.$/) }]);
    const text = body.content[0].text as string;
    const input = Math.ceil(("You write about kitchens.".length + "Describe a kettle".length) / 4);
    expect(body.usage).toMatchObject({ input_tokens: input, output_tokens: Math.ceil(text.length / 4) });

    const response = await post(llm, "/v1/messages", anthropicBody({ stream: true }));
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = sse(await response.text());
    for (const { event, data } of events) expect(data.type).toBe(event);
    const names = events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(["message_start", "content_block_start", "ping"]);
    expect(names.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    const deltas = events.filter((e) => e.event === "content_block_delta").map((e) => e.data.delta);
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    expect(deltas.map((d) => d.text).join("")).toBe(text);
    expect(events[0]!.data.message.usage.input_tokens).toBe(input);
    expect(events.at(-2)!.data).toMatchObject({ delta: { stop_reason: "end_turn" }, usage: { output_tokens: Math.ceil(text.length / 4) } });
  });

  it("calls a forced tool with a schema-valid input, streamed as input_json_delta", async () => {
    const llm = await start();
    const tool = { name: "record", input_schema: { type: "object", properties: { tags: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 } }, required: ["tags"] } };
    const request = anthropicBody({ tools: [tool], tool_choice: { type: "tool", name: "record" } });
    const body = (await (await post(llm, "/v1/messages", request)).json()) as any;
    expect(body.stop_reason).toBe("tool_use");
    expect(body.content).toEqual([{ type: "tool_use", id: expect.stringMatching(/^toolu_/), name: "record", input: { tags: [expect.any(String), expect.any(String)] } }]);

    const events = sse(await (await post(llm, "/v1/messages", { ...request, stream: true })).text());
    expect(events[1]!.data.content_block).toMatchObject({ type: "tool_use", name: "record", input: {} });
    const json = events.filter((e) => e.event === "content_block_delta").map((e) => e.data.delta.partial_json as string).join("");
    expect(JSON.parse(json)).toEqual(body.content[0].input);
  });

  it("refuses bad requests in Anthropic's error shape", async () => {
    const llm = await start();
    const unknown = await post(llm, "/v1/messages", anthropicBody({ model: "claude-9" }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ type: "error", error: { type: "not_found_error", message: "model: claude-9" } });
    const noMaxTokens = await post(llm, "/v1/messages", { ...anthropicBody(), max_tokens: undefined });
    expect(noMaxTokens.status).toBe(400);
    expect(await noMaxTokens.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: expect.stringContaining("max_tokens") } });
    const missingTool = await post(llm, "/v1/messages", anthropicBody({ tool_choice: { type: "tool", name: "nope" } }));
    expect(await missingTool.json()).toMatchObject({ error: { message: expect.stringContaining("'nope'") } });
  });
});

describe("Gemini", () => {
  it("follows an OpenAPI-subset responseSchema (uppercase types, int64 strings, propertyOrdering)", async () => {
    const llm = await start();
    const responseSchema = {
      type: "OBJECT",
      properties: {
        topic: { type: "STRING", nullable: true },
        texts: { type: "ARRAY", items: { type: "STRING" }, minItems: "5", maxItems: "5" },
        score: { type: "INTEGER", minimum: 1, maximum: 3 },
      },
      required: ["texts", "score", "topic"],
      propertyOrdering: ["texts", "score", "topic"],
    };
    const response = await post(llm, "/v1beta/models/mock-1:generateContent", geminiBody({ generationConfig: { responseMimeType: "application/json", responseSchema } }));
    const body = (await response.json()) as any;
    expect(body.candidates[0]).toMatchObject({ content: { role: "model" }, finishReason: "STOP" });
    const value = JSON.parse(body.candidates[0].content.parts[0].text);
    expect(Object.keys(value)).toEqual(["texts", "score", "topic"]);
    expect(value.texts).toHaveLength(5);
    expect(typeof value.topic).toBe("string");
    expect([1, 2, 3]).toContain(value.score);
    const output = Math.ceil(body.candidates[0].content.parts[0].text.length / 4);
    expect(body.usageMetadata).toEqual({ promptTokenCount: 5, candidatesTokenCount: output, totalTokenCount: 5 + output, thoughtsTokenCount: 0 });
  });

  it("streams SSE with ?alt=sse and a JSON array without it, usage on the last chunk", async () => {
    const llm = await start();
    const whole = (await (await post(llm, "/v1beta/models/mock-1:generateContent", geminiBody())).json()) as any;
    const text = whole.candidates[0].content.parts[0].text as string;
    const streamed = await post(llm, "/v1beta/models/mock-1:streamGenerateContent?alt=sse", geminiBody());
    expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const chunks = sse(await streamed.text()).map((e) => e.data);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    expect(chunks.map((c) => c.candidates[0].content.parts[0].text).join("")).toBe(text);
    expect(chunks.slice(0, -1).some((c) => c.usageMetadata !== undefined || c.candidates[0].finishReason !== undefined)).toBe(false);
    expect(chunks.at(-1)).toMatchObject({ candidates: [{ finishReason: "STOP" }], usageMetadata: whole.usageMetadata });
    const array = (await (await post(llm, "/v1beta/models/mock-1:streamGenerateContent", geminiBody())).json()) as any[];
    // Each request has its own responseId; everything else is the same answer.
    const withoutId = (list: any[]) => list.map(({ responseId: _, ...rest }) => rest);
    expect(withoutId(array)).toEqual(withoutId(chunks));
  });

  it("refuses in Google's error shape and lists models", async () => {
    const llm = await start({ models: ["gemini-mock"] });
    const unknown = await post(llm, "/v1beta/models/mock-1:generateContent", geminiBody());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 404, status: "NOT_FOUND", message: expect.stringContaining("models/mock-1 is not found") } });
    const invalid = await post(llm, "/v1beta/models/gemini-mock:generateContent", { contents: [] });
    expect(await invalid.json()).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT" } });
    const list = (await (await fetch(`${origin(llm)}/v1beta/models`)).json()) as any;
    expect(list.models.map((m: any) => m.name)).toEqual(["models/gemini-mock"]);
  });
});

describe("Ollama", () => {
  it("streams NDJSON by default and answers whole with stream:false, with eval counts", async () => {
    const llm = await start();
    const whole = (await (await post(llm, "/api/chat", ollamaBody({ stream: false }))).json()) as any;
    expect(whole).toMatchObject({ model: "mock-1", done: true, done_reason: "stop", message: { role: "assistant" }, prompt_eval_count: 5 });
    expect(whole.eval_count).toBe(Math.ceil(whole.message.content.length / 4));
    const streamed = await post(llm, "/api/chat", ollamaBody());
    expect(streamed.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await streamed.text()).trimEnd().split("\n").map((line) => JSON.parse(line) as any);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.slice(0, -1).every((line) => line.done === false)).toBe(true);
    expect(lines.map((line) => line.message.content).join("")).toBe(whole.message.content);
    expect(lines.at(-1)).toMatchObject({ done: true, prompt_eval_count: 5, eval_count: whole.eval_count });
  });

  it("answers format \"json\" with an object and accepts the :latest tag", async () => {
    const llm = await start();
    const body = (await (await post(llm, "/api/chat", ollamaBody({ model: "mock-1:latest", format: "json", stream: false }))).json()) as any;
    expect(body.model).toBe("mock-1:latest");
    expect(typeof JSON.parse(body.message.content)).toBe("object");
    const tags = (await (await fetch(`${origin(llm)}/api/tags`)).json()) as any;
    expect(tags.models.map((m: any) => m.name)).toEqual(["mock-1:latest", "mock-2:latest", "mock-broken-first:latest", "mock-no-json-schema:latest"]);
  });

  it("refuses an unknown model with Ollama's string error, which the provider surfaces as a 404", async () => {
    const llm = await start();
    const unknown = await post(llm, "/api/chat", ollamaBody({ model: "llama9" }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'model "llama9" not found, try pulling it first' });
    // ollama-ai-provider-v2 expects {error: {message}}, so it falls back to the status text.
    const error = await generateText({ model: createOllama({ baseURL: llm.urls.ollama })("llama9"), prompt: "hi", maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error) && error.statusCode).toBe(404);
  });
});

describe("shared by every protocol", () => {
  const calls = (llm: MockLlm) => [
    () => post(llm, "/v1/chat/completions", { model: "mock-1", messages: [{ role: "user", content: "Describe a kettle" }] }),
    () => post(llm, "/v1/messages", anthropicBody()),
    () => post(llm, "/v1beta/models/mock-1:generateContent", geminiBody()),
    () => post(llm, "/api/chat", ollamaBody({ stream: false })),
  ];

  it("counts all protocols in one rpm quota, each refusing in its own shape with retry-after", async () => {
    const llm = await start({ rpm: 4 });
    for (const call of calls(llm)) expect((await call()).status).toBe(200);
    const refusals = await Promise.all(calls(llm).map(async (call) => {
      const response = await call();
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(55);
      return response.json();
    }));
    expect(refusals[0]).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    expect(refusals[1]).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    expect(refusals[2]).toMatchObject({ error: { code: 429, status: "RESOURCE_EXHAUSTED", details: [{ retryDelay: expect.stringMatching(/^\d+s$/) }] } });
    expect(refusals[3]).toEqual({ error: expect.stringContaining("rate limit") });
    expect(llm.stats()).toMatchObject({ quota429: 4, byProtocol: { openai: 2, anthropic: 2, gemini: 2, ollama: 2 } });
  });

  it("injects faults on every protocol", async () => {
    const failing = await start({ error500: 1 });
    expect(await Promise.all(calls(failing).map(async (call) => (await call()).status))).toEqual([500, 500, 500, 500]);
    const busy = await start({ error429: 1 });
    for (const call of calls(busy)) {
      const response = await call();
      expect([response.status, response.headers.get("retry-after")]).toEqual([429, "1"]);
    }
    const truncated = await start({ truncatedJson: 1, models: ["mock-1"] });
    const schema = { type: "object", properties: { a: { type: "string" } }, required: ["a"] };
    const body = (await (await post(truncated, "/api/chat", ollamaBody({ format: schema, stream: false }))).json()) as any;
    expect(() => JSON.parse(body.message.content)).toThrow();
    expect(truncated.stats().faults.truncatedJson).toBe(1);
  });

  it("waits latencyMs on every protocol", async () => {
    const llm = await start({ latencyMs: 60 });
    for (const call of calls(llm)) {
      const started = performance.now();
      await (await call()).arrayBuffer();
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    }
  });

  it("lists models for OpenAI and, given anthropic-version, for Anthropic; unknown routes 404 per API", async () => {
    const llm = await start({ models: ["a", "b"] });
    const openAi = (await (await fetch(`${llm.url}/models`)).json()) as any;
    expect(openAi).toMatchObject({ object: "list", data: [{ id: "a", object: "model" }, { id: "b" }] });
    const anthropic = (await (await fetch(`${llm.url}/models`, { headers: { "anthropic-version": "2023-06-01" } })).json()) as any;
    expect(anthropic).toMatchObject({ data: [{ type: "model", id: "a" }, { type: "model", id: "b" }], has_more: false, first_id: "a", last_id: "b" });
    expect(await (await fetch(`${origin(llm)}/v1beta/nothing`)).json()).toMatchObject({ error: { code: 404, status: "NOT_FOUND" } });
    expect(await (await fetch(`${origin(llm)}/api/generate`, { method: "POST" })).json()).toEqual({ error: "404 page not found" });
  });
});
