/* eslint-disable @typescript-eslint/no-explicit-any -- wire payloads are read field by field in assertions */
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

const user = (content: string) => ({ role: "user", content });
const textsSchema = {
  type: "object",
  properties: { texts: { type: "array", items: { type: "string" }, minItems: 5, maxItems: 5 } },
  required: ["texts"],
  additionalProperties: false,
};

function chat(llm: MockLlm, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${llm.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "mock-1", messages: [user("Write about coffee grinders")], ...body }),
  });
}

async function content(response: Response): Promise<string> {
  const body = (await response.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]!.message.content;
}

function sseEvents(text: string): string[] {
  return text
    .split("\n\n")
    .filter((event) => event !== "")
    .map((event) => {
      expect(event.startsWith("data: ")).toBe(true);
      return event.slice("data: ".length);
    });
}

describe("mock LLM server", () => {
  it("lists its models", async () => {
    const llm = await start({ models: ["alpha", "beta"] });
    const response = await fetch(`${llm.url}/models`);
    const body = (await response.json()) as { object: string; data: { id: string; object: string; owned_by: string }[] };
    expect(body.object).toBe("list");
    expect(body.data.map((m) => [m.id, m.object, m.owned_by])).toEqual([["alpha", "model", "mock"], ["beta", "model", "mock"]]);
    expect(llm.url).toBe(`http://127.0.0.1:${llm.port}/v1`);
  });

  it("answers a plain chat completion in OpenAI's shape", async () => {
    const llm = await start();
    const response = await chat(llm, {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body).toMatchObject({ object: "chat.completion", model: "mock-1", id: expect.stringMatching(/^chatcmpl-/) });
    expect(body.choices).toEqual([
      expect.objectContaining({ index: 0, message: expect.objectContaining({ role: "assistant" }), finish_reason: "stop" }),
    ]);
    const text = body.choices[0].message.content as string;
    expect(text.split(". ").length).toBeGreaterThanOrEqual(2);
    expect(body.usage).toEqual({
      prompt_tokens: Math.ceil("Write about coffee grinders".length / 4),
      completion_tokens: Math.ceil(text.length / 4),
      total_tokens: Math.ceil("Write about coffee grinders".length / 4) + Math.ceil(text.length / 4),
    });
  });

  it("answers json_schema requests with a valid instance and json_object with an object", async () => {
    const llm = await start();
    const format = { type: "json_schema", json_schema: { name: "texts", schema: textsSchema, strict: true } };
    const parsed = JSON.parse(await content(await chat(llm, { response_format: format }))) as { texts: string[] };
    expect(parsed.texts).toHaveLength(5);
    const object = JSON.parse(await content(await chat(llm, { response_format: { type: "json_object" } })));
    expect(typeof object).toBe("object");
  });

  it("streams server-sent events with role, content pieces, finish reason, usage and [DONE]", async () => {
    const llm = await start();
    const plain = await content(await chat(llm, {}));
    const response = await chat(llm, { stream: true, stream_options: { include_usage: true } });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = sseEvents(await response.text());
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event) as Record<string, any>);
    for (const chunk of chunks) expect(chunk.object).toBe("chat.completion.chunk");
    expect(chunks[0]!.choices[0].delta.role).toBe("assistant");
    const pieces = chunks.slice(1, -2).map((chunk) => chunk.choices[0].delta.content as string);
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    expect(pieces.length).toBeLessThanOrEqual(10);
    expect(pieces.join("")).toBe(plain);
    expect(chunks.at(-2)!.choices[0].finish_reason).toBe("stop");
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: Math.ceil(plain.length / 4) } });

    // Without include_usage (Mistral, OpenRouter never send it) usage rides on the finish chunk.
    const withoutUsage = sseEvents(await (await chat(llm, { stream: true })).text()).slice(0, -1).map((e) => JSON.parse(e) as Record<string, any>);
    expect(withoutUsage.every((chunk) => chunk.choices.length === 1)).toBe(true);
    expect(withoutUsage.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { completion_tokens: Math.ceil(plain.length / 4) } });
    expect(withoutUsage.slice(0, -1).some((chunk) => "usage" in chunk)).toBe(false);
    expect(llm.stats().streamed).toBe(2);
  });

  it("answers the same request the same way, per seed", async () => {
    const [a, b, c] = await Promise.all([start({ seed: 1 }), start({ seed: 1 }), start({ seed: 2 })]);
    const first = await content(await chat(a, {}));
    expect(await content(await chat(a, {}))).toBe(first);
    expect(await content(await chat(b, {}))).toBe(first);
    expect(await content(await chat(c, {}))).not.toBe(first);
    expect(await content(await chat(a, { model: "mock-2" }))).not.toBe(first);
  });

  it("truncates plain text, never JSON, to a small max_tokens", async () => {
    const llm = await start();
    const response = (await (await chat(llm, { max_tokens: 3 })).json()) as Record<string, any>;
    expect(response.choices[0]).toMatchObject({ finish_reason: "length" });
    expect(response.choices[0].message.content.length).toBeLessThanOrEqual(12);
    const format = { type: "json_schema", json_schema: { name: "texts", schema: textsSchema } };
    const json = await content(await chat(llm, { max_completion_tokens: 3, response_format: format }));
    expect(() => JSON.parse(json)).not.toThrow();
  });

  it("rejects bad requests with OpenAI-style errors", async () => {
    const llm = await start();
    const unknownModel = await chat(llm, { model: "gpt-9" });
    expect(unknownModel.status).toBe(404);
    expect(await unknownModel.json()).toMatchObject({ error: { type: "invalid_request_error", code: "model_not_found" } });
    const noMessages = await chat(llm, { messages: undefined });
    expect(noMessages.status).toBe(400);
    expect(await noMessages.json()).toMatchObject({ error: { param: "messages", message: expect.stringContaining("messages") } });
    const notJson = await fetch(`${llm.url}/chat/completions`, { method: "POST", body: "{" });
    expect(notJson.status).toBe(400);
    const badSchema = await chat(llm, {
      response_format: { type: "json_schema", json_schema: { name: "x", schema: { $ref: "#/$defs/nope" } } },
    });
    expect(badSchema.status).toBe(400);
    expect(await badSchema.json()).toMatchObject({ error: { code: "invalid_schema" } });
    const unknownRoute = await fetch(`${llm.url}/embeddings`, { method: "POST", body: "{}" });
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toMatchObject({ error: { code: "unknown_url" } });
    expect(llm.stats().byStatus).toEqual({ "400": 3, "404": 2 });
  });

  it("enforces the rpm quota: the 61st request in a minute gets 429 with retry-after", async () => {
    const llm = await start({ rpm: 60 });
    for (let i = 0; i < 60; i++) {
      const response = await chat(llm, {});
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit-requests")).toBe("60");
      expect(response.headers.get("x-ratelimit-remaining-requests")).toBe(String(59 - i));
      expect(response.headers.get("x-ratelimit-reset-requests")).toMatch(/^\d+(\.\d)?(ms|s)$|^\dm\d+s$/);
      await response.arrayBuffer();
    }
    const limited = await chat(llm, {});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(Number(limited.headers.get("retry-after")))).toBe(true);
    expect(Number(limited.headers.get("retry-after-ms"))).toBeGreaterThan(50_000);
    expect(limited.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limit_exceeded", type: "requests" } });
    expect(llm.stats()).toMatchObject({ quota429: 1, byStatus: { "200": 60, "429": 1 } });
  });

  it("injects 500 and 429 faults", async () => {
    const failing = await start({ error500: 1 });
    const fiveHundred = await chat(failing, {});
    expect(fiveHundred.status).toBe(500);
    expect(await fiveHundred.json()).toMatchObject({ error: { type: "server_error" } });
    const busy = await start({ error429: 1 });
    const tooMany = await chat(busy, { stream: true });
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get("retry-after")).toBe("1");
    expect(tooMany.headers.get("retry-after-ms")).toBe("1000");
    await tooMany.arrayBuffer();
    expect(busy.stats()).toMatchObject({ quota429: 0, streamed: 0, faults: { error429: 1 } });
  });

  it("injects truncated JSON", async () => {
    const llm = await start({ truncatedJson: 1 });
    const format = { type: "json_schema", json_schema: { name: "texts", schema: textsSchema } };
    const response = await chat(llm, { response_format: format });
    expect(response.status).toBe(200);
    const text = await content(response);
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"texts":["')).toBe(true);
    expect(llm.stats().faults.truncatedJson).toBe(1);
  });

  it("injects no-answer faults as a reset connection, not a hang", async () => {
    const llm = await start({ noAnswer: 1, noAnswerMs: 20 });
    await expect(chat(llm, {})).rejects.toThrow();
    expect(llm.stats()).toMatchObject({ faults: { noAnswer: 1 }, byStatus: {} });
  });

  it("draws faults from (seed, request order) so runs repeat exactly", async () => {
    const options = { seed: 7, error500: 0.3, error429: 0.3 };
    const [a, b] = await Promise.all([start(options), start(options)]);
    const statuses = async (llm: MockLlm) => {
      const out: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await chat(llm, { messages: [user(`prompt ${i}`)] });
        await response.arrayBuffer();
        out.push(response.status);
      }
      return out;
    };
    const first = await statuses(a);
    expect(await statuses(b)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500]));
  });

  it("waits latencyMs before answering and closes cleanly with requests in flight", async () => {
    const llm = await start({ latencyMs: 80 });
    const started = performance.now();
    await (await chat(llm, {})).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    const slow = await startMockLlm({ port: 0, latencyMs: 60_000 });
    const pending = chat(slow, {}).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 20));
    await slow.close();
    expect(await pending).toBe("aborted");
  });
});
