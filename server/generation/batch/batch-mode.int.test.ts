// Provider batch mode end to end: a real worker submits and polls batches against the mock's
// OpenAI Batch and Anthropic Message Batches endpoints over HTTP, on a real Postgres.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { isAppError } from "@/server/errors";
import { expectEveryRowExactlyOnce } from "@/server/testing/run-checks";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { supportIntentsDesign } from "@/server/testing/designs";
import { createCaller } from "@/server/trpc/root";
import { getRunProgress, launchRun } from "../service";
import { batchDesign, expectCostsOfRows } from "@/server/testing/batch-runs";
import { contextAs } from "@/server/testing/auth-context";

let engine: TestEngine;

beforeAll(async () => {
  // Batches of at most 3 requests, so a run of 4 work items needs two; each batch runs for several
  // poll intervals, so a poll that finds it running must schedule the next one.
  engine = await startTestEngine({ batchCompletionMs: 1500 }, { batch: { pollSeconds: 0.2, maxRequests: 3 } });
});

afterAll(async () => {
  await engine?.close();
});

describe.each(["openai", "anthropic"] as const)("a batch-mode run on %s", (provider) => {
  it("completes with exactly the planned rows, every one from a provider batch, at the batch price", async () => {
    const dataset = await createDataset(engine.db, batchDesign(engine.mock.url, provider));
    const before = engine.mock.stats();
    const launched = await launchRun(engine.db, engine.queue, dataset.id, { mode: "batch" });
    expect(launched).toMatchObject({ mode: "batch", plannedItems: 4, plannedRows: 20 });

    const progress = await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
    expect(await expectCostsOfRows(engine.db, launched.runId)).toEqual({ batchRows: 20, onlineRows: 0 });
    expect(progress.costUsd).toBeGreaterThan(0);
    // No online call was needed, and the estimate was discounted too.
    expect(engine.mock.stats().byProtocol[provider]).toBe(before.byProtocol[provider]);
    expect(progress.estimatedCostUsd).toBeGreaterThan(0);

    expect(progress.mode).toBe("batch");
    // The launch commits all 4 items before it sends the run's submit job, and one submit job runs per run at a time
    // (stately queue), taking items in order: 3, then the 1 left. A terminal run's batches have all ended, with their counts.
    expect(progress.batches.map((batch) => ({ status: batch.status, requests: batch.requestCount, stored: batch.storedItems, fallback: batch.fallbackItems, succeeded: batch.succeededCount })))
      .toEqual([{ status: "ended", requests: 3, stored: 3, fallback: 0, succeeded: 3 }, { status: "ended", requests: 1, stored: 1, fallback: 0, succeeded: 1 }]);
    expect(progress.batches.every((batch) => batch.providerBatchId !== null && batch.endedAt !== null && batch.kind === provider)).toBe(true);
    expect(progress.modelStats).toEqual([expect.objectContaining({ model: "mock-1", calls: 4, firstTryValid: 4, failed: 0 })]);
  });
});

describe("launching in batch mode", () => {
  it("is refused when a model is not on an OpenAI or Anthropic connection, naming the model and its connection kind", async () => {
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "not-batchable" }));
    const caller = createCaller(contextAs("owner", { db: engine.db, queue: engine.queue }));
    const error = await caller.runs.launch({ datasetId: dataset.id, mode: "batch" }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/Provider batch mode needs every model on an OpenAI or Anthropic connection/);
    expect((error as TRPCError).message).toMatch(/model "mock-1" is on connection "inline:[^"]+" of kind OpenAI-compatible \(openai_compatible\)/);
    expect(isAppError((error as TRPCError).cause) && (error as TRPCError).cause).toMatchObject({ issues: [{ path: "models.0" }] });
    // Nothing was created for the refused launch.
    expect(await engine.db.run.count({ where: { datasetId: dataset.id } })).toBe(0);
  });

  it("names only the offending models of a mixed design", async () => {
    const design = batchDesign(engine.mock.url, "anthropic", ["calm"], "mixed");
    const models = [...(design.models ?? []), { provider: "openai-compatible" as const, baseURL: engine.mock.url, model: "mock-2", apiKeyEnv: "MOCK_API_KEY" }];
    const dataset = await createDataset(engine.db, { ...design, models });
    await expect(launchRun(engine.db, engine.queue, dataset.id, { mode: "batch" })).rejects.toMatchObject({ issues: [{ path: "models.1", message: expect.stringContaining('"mock-2"') }] });
  });

  it("an online launch of the same design is unaffected by the batch machinery", async () => {
    const dataset = await createDataset(engine.db, batchDesign(engine.mock.url, "openai", ["dry"], "online-on-openai"));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    const progress = await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
    expect(progress).toMatchObject({ mode: "online", batches: [] });
    expect(await expectCostsOfRows(engine.db, launched.runId)).toEqual({ batchRows: 0, onlineRows: 10 });
  });
});

describe("progress", () => {
  it("lists a batch-mode run's batches with the provider's status and counts", async () => {
    const dataset = await createDataset(engine.db, batchDesign(engine.mock.url, "openai", ["slow"], "progress"));
    const launched = await launchRun(engine.db, engine.queue, dataset.id, { mode: "batch" });
    await waitForRun(engine, launched.runId);
    const progress = await getRunProgress(engine.db, launched.runId);
    expect(progress.batches).toHaveLength(1);
    expect(progress.batches[0]).toMatchObject({ model: "mock-1", providerStatus: "completed", requestCount: 2, succeededCount: 2, failedCount: 0 });
  });
});
