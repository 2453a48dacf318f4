// What a provider batch does not answer well goes back to online calls: per-request errors and
// broken JSON (the online path then repairs or retries), and every request of an expired batch
// it did not answer. Each run still ends with every planned row exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { expectEveryRowExactlyOnce } from "@/server/testing/run-checks";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { launchRun } from "../service";
import { batchDesign, expectCostsOfRows } from "@/server/testing/batch-runs";

const TONES = ["angry", "polite", "curt", "chatty", "formal", "casual", "worried", "cheerful", "tired", "blunt"];

async function fallbacksOf(engine: TestEngine, runId: string) {
  return engine.db.itemAttempt.findMany({ where: { workItem: { runId }, errorKind: "batch" }, select: { message: true, workItemId: true } });
}

describe("per-request errors and broken JSON", () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine({ batchErrors: 0.3, batchBrokenJson: 0.3 }, { batch: { pollSeconds: 0.2 } });
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.each(["openai", "anthropic"] as const)("%s: fall back to online calls and the run still finishes exactly once", async (provider) => {
    const dataset = await createDataset(engine.db, batchDesign(engine.mock.url, provider, TONES));
    const launched = await launchRun(engine.db, engine.queue, dataset.id, { mode: "batch" });
    expect(launched.plannedItems).toBe(20);
    const progress = await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);

    const fallbacks = await fallbacksOf(engine, launched.runId);
    const [batch] = progress.batches;
    // 20 draws at 30 % + 30 %: both outcomes occur (all-valid or all-fallback has odds below 1e-4).
    expect(batch).toMatchObject({ status: "ended", requestCount: 20 });
    expect(batch!.storedItems).toBeGreaterThan(0);
    expect(batch!.fallbackItems).toBeGreaterThan(0);
    expect(batch!.storedItems + batch!.fallbackItems).toBe(20);
    expect(fallbacks).toHaveLength(batch!.fallbackItems);
    expect(fallbacks.some((attempt) => attempt.message?.startsWith("The provider batch could not answer"))).toBe(true);
    expect(fallbacks.some((attempt) => attempt.message?.startsWith("The provider batch's answer was not valid"))).toBe(true);
    // Rows from the batch cost half; rows of fallen-back items were made online at the full price.
    expect(await expectCostsOfRows(engine.db, launched.runId)).toEqual({ batchRows: batch!.storedItems * 5, onlineRows: batch!.fallbackItems * 5 });
    // Every answered batch request counts as a call of the model, then each fallback's online call.
    expect(progress.modelStats[0]!.calls).toBeGreaterThanOrEqual(20 + batch!.fallbackItems);
  });
});

describe("an expired batch", () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine({ batchExpire: true }, { batch: { pollSeconds: 0.2 } });
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.each(["openai", "anthropic"] as const)("%s: keeps what it answered and sends the rest online", async (provider) => {
    const dataset = await createDataset(engine.db, batchDesign(engine.mock.url, provider, TONES.slice(0, 3)));
    const launched = await launchRun(engine.db, engine.queue, dataset.id, { mode: "batch" });
    const progress = await waitForRun(engine, launched.runId);
    await expectEveryRowExactlyOnce(engine.db, launched.runId);
    // The mock answers the first half of an expiring batch (by request order, i.e. item order).
    expect(progress.batches).toEqual([expect.objectContaining({ status: "ended", requestCount: 6, storedItems: 3, fallbackItems: 3, failedCount: 3 })]);
    expect(progress.batches[0]!.providerStatus).toBe(provider === "openai" ? "expired" : "ended");
    expect(await expectCostsOfRows(engine.db, launched.runId)).toEqual({ batchRows: 15, onlineRows: 15 });
    const fallbacks = await fallbacksOf(engine, launched.runId);
    expect(fallbacks.map((attempt) => attempt.message)).toEqual(Array(3).fill(expect.stringMatching(/expired/)));
  });
});
