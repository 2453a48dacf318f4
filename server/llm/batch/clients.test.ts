// The batch clients against the mock's batch endpoints over HTTP: the request and result shapes
// both sides follow, submission, lookup by tag, expiry, per-request errors, broken JSON, cancel.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import type { MockLlmOptions } from "@/scripts/mock-llm/options";
import { modelRefSchema } from "../model-ref";
import { extractJson } from "../extract-json";
import { batchClientFor, batchRequestOf, type BatchAnswer, type BatchClient, type BatchState } from ".";

const schema = z.object({ texts: z.array(z.string().min(1)).length(3) });
let mock: MockLlm | undefined;

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function setUp(kind: "openai" | "anthropic", options: MockLlmOptions = {}) {
  mock = await startMockLlm({ port: 0, ...options });
  const ref = modelRefSchema.parse({ connectionId: "c1", kind, model: "mock-1", baseURL: mock.url });
  const client = batchClientFor(ref, "test-key");
  const requests = await Promise.all(["a", "b", "c", "d"].map((id) => batchRequestOf(ref, `item-${id}`, { system: "Answer in JSON.", prompt: `Write 3 texts about ${id}.`, schema })));
  return { client, requests };
}

async function submitAndWait(client: BatchClient, requests: Awaited<ReturnType<typeof setUp>>["requests"], tag = "our-batch") {
  const { providerBatchId } = await client.submit({ tag, encoded: requests.map((request) => client.encode(request)), headers: {} });
  let state: BatchState = await client.status(providerBatchId);
  while (!state.ended) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    state = await client.status(providerBatchId);
  }
  const answers: BatchAnswer[] = [];
  for await (const answer of client.results(state)) answers.push(answer);
  return { providerBatchId, state, answers: answers.sort((a, b) => a.customId.localeCompare(b.customId)) };
}

const valid = (answer: BatchAnswer) => answer.kind === "answer" && schema.safeParse(extractJson(answer.text)).success;

describe.each(["openai", "anthropic"] as const)("%s batch client against the mock", (kind) => {
  it("submits, follows the batch to its end and reads one schema-valid answer per request, with usage", async () => {
    const { client, requests } = await setUp(kind, { batchCompletionMs: 60 });
    const { state, answers } = await submitAndWait(client, requests);
    expect(state).toMatchObject({ ended: true, counts: { succeeded: 4, failed: 0, processing: 0 } });
    expect(answers.map((answer) => answer.customId)).toEqual(["item-a", "item-b", "item-c", "item-d"]);
    expect(answers.every(valid)).toBe(true);
    for (const answer of answers) if (answer.kind === "answer") expect(answer.usage.inputTokens).toBeGreaterThan(0);
    expect(mock!.stats().batches).toEqual({ created: 1, requests: 4, cancelled: 0 });
  });

  it("an expired batch answers the first half; the rest come back as errors", async () => {
    const { client, requests } = await setUp(kind, { batchExpire: true });
    const { state, answers } = await submitAndWait(client, requests);
    expect(state.providerStatus).toBe(kind === "openai" ? "expired" : "ended");
    expect(answers.filter(valid).map((answer) => answer.customId)).toEqual(["item-a", "item-b"]);
    expect(answers.filter((answer) => answer.kind === "error").map((answer) => answer.customId)).toEqual(["item-c", "item-d"]);
  });

  it("per-request errors and broken JSON are drawn per custom_id and cover every request at rate 1", async () => {
    const errors = await setUp(kind, { batchErrors: 1 });
    expect((await submitAndWait(errors.client, errors.requests)).answers.every((answer) => answer.kind === "error")).toBe(true);
    await mock!.close();
    const broken = await setUp(kind, { batchBrokenJson: 1 });
    const { answers } = await submitAndWait(broken.client, broken.requests);
    expect(answers.every((answer) => answer.kind === "answer" && !valid(answer))).toBe(true);
  });

  it("cancel ends a running batch with nothing answered; cancelling an ended one is refused", async () => {
    const { client, requests } = await setUp(kind, { batchCompletionMs: 3_600_000 });
    const { providerBatchId } = await client.submit({ tag: "t", encoded: requests.map((request) => client.encode(request)), headers: {} });
    expect((await client.status(providerBatchId)).ended).toBe(false);
    await client.cancel(providerBatchId);
    const state = await client.status(providerBatchId);
    expect(state).toMatchObject({ ended: true, counts: { succeeded: 0, failed: 4 } });
    await expect(client.cancel(providerBatchId)).rejects.toMatchObject({ kind: "bad_request", retryable: false });
    expect(mock!.stats().batches.cancelled).toBe(1);
  });
});

describe("OpenAI batch lookup after a crash", () => {
  it("find() returns the batch created with our tag (metadata), and nothing for another tag", async () => {
    const { client, requests } = await setUp("openai", { batchCompletionMs: 3_600_000 });
    const since = new Date();
    const { providerBatchId } = await client.submit({ tag: "row-1", encoded: requests.map((request) => client.encode(request)), headers: {} });
    await client.submit({ tag: "row-2", encoded: requests.map((request) => client.encode(request)), headers: {} });
    expect(await client.find("row-1", since)).toBe(providerBatchId);
    expect(await client.find("row-3", since)).toBeUndefined();
  });

  it("a retried submission reuses the uploaded file instead of uploading it again", async () => {
    const { client, requests } = await setUp("openai");
    const uploaded: string[] = [];
    await client.submit({ tag: "x", encoded: requests.map((request) => client.encode(request)), headers: {}, onUploaded: async (id) => void uploaded.push(id) });
    await client.submit({ tag: "x", encoded: [], headers: {}, inputFileId: uploaded[0], onUploaded: async (id) => void uploaded.push(id) });
    expect(uploaded).toHaveLength(1);
    expect(mock!.stats().batches).toMatchObject({ created: 2, requests: 8 });
  });
});

describe("Anthropic results URL", () => {
  it("is only followed on the connection's own host (the API key goes with it)", async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "msgbatch_1", processing_status: "ended", results_url: "http://198.51.100.7/steal", request_counts: { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 0 } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const baseURL = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
      const client = batchClientFor(modelRefSchema.parse({ connectionId: "c1", kind: "anthropic", model: "m", baseURL }), "secret-key");
      expect((await client.status("msgbatch_1")).results).toEqual([`${baseURL}/messages/batches/msgbatch_1/results`]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
