// Provider batches under redelivery and crashes, driven step by step: the worker here polls only
// when told to (its poll interval is an hour), so each test decides when submit and poll run.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm } from "@/scripts/mock-llm/server";
import { createDataset } from "@/server/datasets/service";
import { expectEveryRowExactlyOnce } from "@/server/testing/run-checks";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { cancelRun, pauseRun } from "../lifecycle";
import { getRunProgress, launchRun, resumeRun } from "../service";
import { claimBatchItems } from "./item-queries";
import { pollProviderBatch } from "./poll";
import { submitRunBatches } from "./submit";
import { batchDesign, expectCostsOfRows, manualDeps } from "@/server/testing/batch-runs";

let engine: TestEngine;

beforeAll(async () => {
  // A 2 s lease: items a dead poller claimed come back (through the online recovery sweep) within seconds.
  engine = await startTestEngine({}, { leaseSeconds: 2, batch: { pollSeconds: 3600 } });
});

afterAll(async () => {
  await engine?.close();
});

/** Launches in batch mode without handing the run to the worker's submit job. */
async function launchIdle(design: ReturnType<typeof batchDesign>) {
  const dataset = await createDataset(engine.db, design);
  return launchRun(engine.db, { enqueue: engine.queue.enqueue }, dataset.id, { mode: "batch" });
}

const batchesOf = (runId: string) => engine.db.providerBatch.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });

describe("polling", () => {
  it("a poll delivered twice at once stores every answer once", async () => {
    const launched = await launchIdle(batchDesign(engine.mock.url, "openai", ["a", "b", "c"], "poll-twice"));
    expect(await submitRunBatches(engine.db, launched.runId, manualDeps(engine))).toBe(1);
    const [batch] = await batchesOf(launched.runId);
    const outcomes = await Promise.all([pollProviderBatch(engine.db, batch!.id, manualDeps(engine)), pollProviderBatch(engine.db, batch!.id, manualDeps(engine))]);
    expect(outcomes).toEqual(["done", "done"]);
    // Once more after the end: nothing changes.
    expect(await pollProviderBatch(engine.db, batch!.id, manualDeps(engine))).toBe("done");
    await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
    await expectCostsOfRows(engine.db, launched.runId);
  });

  it("items a poller claimed before it died (between download and commit) are made online, once", async () => {
    const launched = await launchIdle(batchDesign(engine.mock.url, "anthropic", ["a", "b"], "dead-poller"));
    await submitRunBatches(engine.db, launched.runId, manualDeps(engine));
    const [batch] = await batchesOf(launched.runId);
    const items = await engine.db.workItem.findMany({ where: { runId: launched.runId }, orderBy: { ordinal: "asc" }, select: { id: true } });
    // What a poller killed mid-way leaves: two items claimed for commit, never committed.
    const dead = await claimBatchItems(engine.db, { batchId: batch!.id, ids: items.slice(0, 2).map((item) => item.id), workerId: "batch:dead", leaseSeconds: 1 });
    expect(dead).toHaveLength(2);
    expect(await pollProviderBatch(engine.db, batch!.id, manualDeps(engine))).toBe("done");
    await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
    expect(await expectCostsOfRows(engine.db, launched.runId)).toEqual({ batchRows: 10, onlineRows: 10 });
  });
});

describe("the end of a run", () => {
  it("is terminal only once the poll that stored its last answers has ended its batch", async () => {
    const launched = await launchIdle(batchDesign(engine.mock.url, "openai", ["a"], "end-after-batch"));
    expect(await submitRunBatches(engine.db, launched.runId, manualDeps(engine))).toBe(1);
    const [batch] = await batchesOf(launched.runId);
    // The poll hands its fallbacks (none here) to the queue after committing the answers - the last commit completes
    // the run - and before it counts them and ends the batch: what the run page reads at that moment.
    const midway: Awaited<ReturnType<typeof getRunProgress>>[] = [];
    const deps = { ...manualDeps(engine), enqueueOnline: async (ids: string[]) => {
      midway.push(await getRunProgress(engine.db, launched.runId));
      await engine.queue.enqueue(ids);
    } };
    expect(await pollProviderBatch(engine.db, batch!.id, deps)).toBe("done");
    expect(midway[0]).toMatchObject({ status: "completed", succeededRows: 10, terminal: false, batches: [{ status: "submitted", requestCount: 2, storedItems: 0 }] });
    expect(await getRunProgress(engine.db, launched.runId)).toMatchObject({
      status: "completed", terminal: true, batches: [{ status: "ended", requestCount: 2, storedItems: 2, fallbackItems: 0 }],
    });
  });
});

/** A proxy in front of the mock that forwards everything but loses the answer to the first batch creation. */
async function startLossyProxy(target: string, createPath: string): Promise<{ url: string; close(): Promise<void> }> {
  let lost = false;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (req.method === "POST" && req.url === createPath && !lost) {
      lost = true;
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("a submission whose answer was lost (the provider created the batch, we never heard)", () => {
  it.each([
    ["openai", "/v1/batches", 1],
    ["anthropic", "/v1/messages/batches", 2],
  ] as const)("%s: the retry resolves it (%s), and rows come out exactly once", async (provider, createPath, batchesCreated) => {
    const mock = await startMockLlm({ port: 0 });
    const proxy = await startLossyProxy(mock.url.replace(/\/v1$/, ""), createPath);
    try {
      const launched = await launchIdle(batchDesign(proxy.url, provider, ["a", "b"], `lost-${provider}`));
      await expect(submitRunBatches(engine.db, launched.runId, manualDeps(engine))).rejects.toMatchObject({ retryable: true });
      const [recorded] = await batchesOf(launched.runId);
      expect(recorded).toMatchObject({ status: "submitting", providerBatchId: null, requestCount: 4 });
      // The job's retry: OpenAI finds the batch by the metadata we sent; Anthropic's carry none, so it submits again.
      expect(await submitRunBatches(engine.db, launched.runId, manualDeps(engine))).toBe(1);
      expect(mock.stats().batches.created).toBe(batchesCreated);
      const [batch] = await batchesOf(launched.runId);
      expect(batch).toMatchObject({ id: recorded!.id, status: "submitted" });
      expect(await pollProviderBatch(engine.db, batch!.id, manualDeps(engine))).toBe("done");
      await waitForRun(engine, launched.runId);
      await expectEveryRowExactlyOnce(engine.db, launched.runId);
    } finally {
      await proxy.close();
      await mock.close();
    }
  });
});

describe("pause and cancel", () => {
  it("a batch submitted before a pause still lands, and can complete the run", async () => {
    const launched = await launchIdle(batchDesign(engine.mock.url, "openai", ["a", "b"], "pause-submitted"));
    expect(await submitRunBatches(engine.db, launched.runId, manualDeps(engine, 2))).toBe(2);
    const [first, second] = await batchesOf(launched.runId);
    await pauseRun(engine.db, launched.runId);
    expect(await pollProviderBatch(engine.db, first!.id, manualDeps(engine))).toBe("done");
    expect(await engine.db.run.findUniqueOrThrow({ where: { id: launched.runId } })).toMatchObject({ status: "paused", succeededRows: 10 });
    expect(await pollProviderBatch(engine.db, second!.id, manualDeps(engine))).toBe("done");
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
  });

  it("a paused run submits no new batch; resume hands it to the worker's submit job", async () => {
    const launched = await launchIdle(batchDesign(engine.mock.url, "anthropic", ["a", "b"], "pause-waiting"));
    await pauseRun(engine.db, launched.runId);
    expect(await submitRunBatches(engine.db, launched.runId, manualDeps(engine))).toBe(0);
    expect(await engine.db.workItem.count({ where: { runId: launched.runId, status: "batched", batchId: null } })).toBe(4);
    await resumeRun(engine.db, engine.queue, launched.runId);
    const batch = await waitForSubmitted(launched.runId);
    expect(await pollProviderBatch(engine.db, batch.id, manualDeps(engine))).toBe("done");
    await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
  });

  it("cancel asks the provider to cancel a running batch and keeps the rows already stored", async () => {
    const slow = await startMockLlm({ port: 0, batchCompletionMs: 3_600_000 });
    try {
      // Two models, so two batches: one on the quick mock, one on a mock whose batches never end.
      const design = batchDesign(engine.mock.url, "anthropic", ["a", "b"], "cancel");
      design.models = [...design.models!, { provider: "anthropic", baseURL: slow.url, model: "mock-2", apiKeyEnv: "MOCK_API_KEY" }];
      const launched = await launchIdle(design);
      expect(await submitRunBatches(engine.db, launched.runId, manualDeps(engine))).toBe(2);
      const batches = await batchesOf(launched.runId);
      const quick = batches.find((batch) => batch.model === "mock-1")!;
      const running = batches.find((batch) => batch.model === "mock-2")!;
      expect(await pollProviderBatch(engine.db, quick.id, manualDeps(engine))).toBe("done");
      expect(await pollProviderBatch(engine.db, running.id, manualDeps(engine))).toBe("waiting");

      expect(await cancelRun(engine.db, launched.runId)).toEqual({ runId: launched.runId, status: "cancelled" });
      // Cancelled, but its running batch ends only at the poll that cancels it at the provider.
      expect(await getRunProgress(engine.db, launched.runId)).toMatchObject({ status: "cancelled", terminal: false });
      expect(await pollProviderBatch(engine.db, running.id, manualDeps(engine))).toBe("done");
      expect(await getRunProgress(engine.db, launched.runId)).toMatchObject({ status: "cancelled", terminal: true });
      expect(slow.stats().batches.cancelled).toBe(1);
      expect(await engine.db.providerBatch.findUniqueOrThrow({ where: { id: running.id } })).toMatchObject({ status: "cancelled" });
      expect(await engine.db.run.findUniqueOrThrow({ where: { id: launched.runId } })).toMatchObject({ status: "cancelled", succeededRows: 20 });
      expect(await engine.db.row.count({ where: { runId: launched.runId } })).toBe(20);
      expect(await engine.db.workItem.count({ where: { batchId: running.id, status: "cancelled" } })).toBe(4);
    } finally {
      await slow.close();
    }
  });
});

/** The run's batch the worker's submit job submitted (no fixed sleep: polls the table). */
async function waitForSubmitted(runId: string) {
  for (;;) {
    const batch = await engine.db.providerBatch.findFirst({ where: { runId, status: "submitted" } });
    if (batch) return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
