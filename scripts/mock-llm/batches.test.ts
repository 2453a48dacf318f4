// The mock's batch endpoints, raw over HTTP: the shapes clients parse, the phases a batch moves
// through (on a fake clock, so nothing here depends on timing), validation, and results.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startMockLlm, type MockLlm } from "./server";

let llm: MockLlm;
const T0 = new Date("2026-01-01T00:00:00Z").getTime();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  llm = await startMockLlm({ port: 0, batchCompletionMs: 3000 });
});

afterEach(async () => {
  await llm.close();
  vi.useRealTimers();
});

const chat = (content: string, model = "mock-1") => ({ model, messages: [{ role: "user", content }], response_format: { type: "json_schema", json_schema: { name: "r", strict: true, schema: { type: "object", properties: { answer: { type: "string" } }, required: ["answer"], additionalProperties: false } } } });
const line = (id: string, body: unknown = chat(`say ${id}`)) => JSON.stringify({ custom_id: id, method: "POST", url: "/v1/chat/completions", body });

async function upload(lines: string[]): Promise<string> {
  const form = new FormData();
  form.append("purpose", "batch");
  form.append("file", new Blob([lines.join("\n")]), "in.jsonl");
  const response = await fetch(`${llm.url}/files`, { method: "POST", body: form });
  expect(response.status).toBe(200);
  const file = (await response.json()) as { id: string; object: string; purpose: string; bytes: number };
  expect(file).toMatchObject({ object: "file", purpose: "batch", bytes: Buffer.byteLength(lines.join("\n")) });
  return file.id;
}

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${llm.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const get = async (path: string) => fetch(path.startsWith("http") ? path : `${llm.url}${path}`);

describe("OpenAI Batch API", () => {
  it("moves a batch validating → in_progress → finalizing → completed and serves its output file", async () => {
    const fileId = await upload([line("a"), line("b")]);
    const created = (await (await post("/batches", { input_file_id: fileId, endpoint: "/v1/chat/completions", completion_window: "24h", metadata: { tag: "x" } })).json()) as Record<string, unknown>;
    expect(created).toMatchObject({ object: "batch", status: "validating", input_file_id: fileId, metadata: { tag: "x" }, output_file_id: null, request_counts: { total: 2, completed: 0, failed: 0 } });
    const statusAt = async (ms: number) => {
      vi.setSystemTime(T0 + ms);
      return ((await (await get(`/batches/${created.id}`)).json()) as { status: string }).status;
    };
    expect([await statusAt(1500), await statusAt(2500), await statusAt(3000)]).toEqual(["in_progress", "finalizing", "completed"]);
    const done = (await (await get(`/batches/${created.id}`)).json()) as { output_file_id: string; error_file_id: null; request_counts: object };
    expect(done).toMatchObject({ error_file_id: null, request_counts: { total: 2, completed: 2, failed: 0 } });
    const output = (await (await get(`/files/${done.output_file_id}/content`)).text()).trim().split("\n").map((text) => JSON.parse(text));
    expect(output.map((entry) => entry.custom_id).sort()).toEqual(["a", "b"]);
    expect(output[0]).toMatchObject({ response: { status_code: 200, body: { object: "chat.completion", choices: [{ message: { role: "assistant" } }], usage: { prompt_tokens: expect.any(Number) } } }, error: null });
    expect(JSON.parse(output[0].response.body.choices[0].message.content)).toEqual({ answer: expect.any(String) });
  });

  it("fails a batch whose input file has a duplicate custom_id or a wrong url, with the lines named", async () => {
    const fileId = await upload([line("a"), line("a"), JSON.stringify({ custom_id: "c", method: "POST", url: "/v1/embeddings", body: {} })]);
    const batch = (await (await post("/batches", { input_file_id: fileId, endpoint: "/v1/chat/completions", completion_window: "24h" })).json()) as Record<string, unknown>;
    expect(batch).toMatchObject({ status: "failed", errors: { data: [{ code: "duplicate_custom_id", line: 2 }, { code: "invalid_url", line: 3 }] } });
  });

  it("refuses an unknown file, another endpoint or window; lists batches newest first with a cursor", async () => {
    expect((await post("/batches", { input_file_id: "file-nope", endpoint: "/v1/chat/completions", completion_window: "24h" })).status).toBe(400);
    const fileId = await upload([line("a")]);
    expect((await post("/batches", { input_file_id: fileId, endpoint: "/v1/responses", completion_window: "24h" })).status).toBe(400);
    expect((await post("/batches", { input_file_id: fileId, endpoint: "/v1/chat/completions", completion_window: "1h" })).status).toBe(400);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await post("/batches", { input_file_id: fileId, endpoint: "/v1/chat/completions", completion_window: "24h" })).json()) as { id: string }).id);
    const page = (await (await get("/batches?limit=2")).json()) as { data: { id: string }[]; has_more: boolean; last_id: string };
    expect(page).toMatchObject({ has_more: true, data: [{ id: ids[2] }, { id: ids[1] }] });
    const next = (await (await get(`/batches?limit=2&after=${page.last_id}`)).json()) as { data: { id: string }[]; has_more: boolean };
    expect(next).toMatchObject({ has_more: false, data: [{ id: ids[0] }] });
  });

  it("an invalid request comes back in the error file with the API's 400; mixing models fails the batch", async () => {
    const mixed = await upload([line("a"), line("b", chat("x", "mock-2"))]);
    const refused = (await (await post("/batches", { input_file_id: mixed, endpoint: "/v1/chat/completions", completion_window: "24h" })).json()) as Record<string, unknown>;
    expect(refused).toMatchObject({ status: "failed", errors: { data: [{ code: "mixed_model" }] } });
    const fileId = await upload([line("a"), line("b", { model: "mock-1", messages: [] })]);
    const batch = (await (await post("/batches", { input_file_id: fileId, endpoint: "/v1/chat/completions", completion_window: "24h" })).json()) as { id: string };
    vi.setSystemTime(T0 + 3000);
    const done = (await (await get(`/batches/${batch.id}`)).json()) as { error_file_id: string; request_counts: object };
    expect(done.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
    const errors = JSON.parse((await (await get(`/files/${done.error_file_id}/content`)).text()).trim());
    expect(errors).toMatchObject({ custom_id: "b", response: { status_code: 400, body: { error: { type: "invalid_request_error" } } } });
  });
});

describe("Anthropic Message Batches API", () => {
  const headers = { "anthropic-version": "2023-06-01", "x-api-key": "k" };
  const params = (text: string) => ({ model: "mock-1", max_tokens: 200, messages: [{ role: "user", content: text }] });

  it("in_progress until its time, then ended with request_counts and an absolute results_url serving JSONL", async () => {
    const created = (await (await post("/messages/batches", { requests: [{ custom_id: "a-1", params: params("one") }, { custom_id: "b-2", params: params("two") }] }, headers)).json()) as Record<string, unknown>;
    expect(created).toMatchObject({ type: "message_batch", processing_status: "in_progress", results_url: null, request_counts: { processing: 2, succeeded: 0 } });
    expect((await get(`/messages/batches/${created.id}/results`)).status).toBe(400);
    vi.setSystemTime(T0 + 3000);
    const ended = (await (await get(`/messages/batches/${created.id}`)).json()) as { processing_status: string; results_url: string; request_counts: object };
    expect(ended).toMatchObject({ processing_status: "ended", request_counts: { processing: 0, succeeded: 2, errored: 0, canceled: 0, expired: 0 } });
    expect(ended.results_url).toBe(`${llm.url}/messages/batches/${created.id}/results`);
    const results = (await (await get(ended.results_url)).text()).trim().split("\n").map((text) => JSON.parse(text));
    expect(results.map((result) => result.custom_id).sort()).toEqual(["a-1", "b-2"]);
    expect(results[0]).toMatchObject({ result: { type: "succeeded", message: { type: "message", content: [{ type: "text" }], usage: { input_tokens: expect.any(Number) } } } });
  });

  it("refuses a custom_id outside ^[a-zA-Z0-9_-]{1,64}$, a duplicate, and an empty batch", async () => {
    expect((await post("/messages/batches", { requests: [{ custom_id: "has space", params: params("x") }] }, headers)).status).toBe(400);
    expect((await post("/messages/batches", { requests: [{ custom_id: "a", params: params("x") }, { custom_id: "a", params: params("y") }] }, headers)).status).toBe(400);
    expect((await post("/messages/batches", { requests: [] }, headers)).status).toBe(400);
  });

  it("cancel answers canceling, then the batch has ended with every request canceled", async () => {
    const created = (await (await post("/messages/batches", { requests: [{ custom_id: "a", params: params("x") }] }, headers)).json()) as { id: string };
    expect(await (await post(`/messages/batches/${created.id}/cancel`, {}, headers)).json()).toMatchObject({ processing_status: "canceling" });
    expect(await (await get(`/messages/batches/${created.id}`)).json()).toMatchObject({ processing_status: "ended", request_counts: { canceled: 1 } });
    expect((await post(`/messages/batches/${created.id}/cancel`, {}, headers)).status).toBe(400);
  });
});
