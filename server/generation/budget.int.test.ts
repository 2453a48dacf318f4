// Dollars: a budget pauses the run with a clear reason, resuming with a higher
// budget finishes it, and the per-model statistics count every item once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { getRunProgress, launchRun, resumeRun } from "./service";

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
});

afterAll(async () => {
  await engine?.close();
});

// An expensive made-up price so a handful of calls cross a small budget.
const pricing = { inputPerMillion: 1000, outputPerMillion: 1000 };

async function waitForPause(runId: string) {
  for (let i = 0; i < 200; i++) {
    const progress = await getRunProgress(engine.db, runId);
    const running = await engine.db.workItem.count({ where: { runId, status: "running" } });
    if (progress.status === "paused" && running === 0) return progress;
    if (progress.terminal) throw new Error(`run ended ${progress.status} instead of pausing`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("run did not pause");
}

describe("budget and cost", () => {
  it("pauses at the budget, says why, and finishes after the budget is raised", async () => {
    const base = supportIntentsDesign(engine.mock.url);
    const design = supportIntentsDesign(engine.mock.url, {
      name: "budgeted",
      variables: { tone: ["angry", "polite", "neutral", "formal", "sad", "happy", "curt", "warm"] },
      models: [{ ...base.models![0]!, limits: { concurrency: 1 }, pricing }],
    });
    const dataset = await createDataset(engine.db, design);
    const launched = await launchRun(engine.db, engine.queue, dataset.id, { budgetUsd: 0.2 });
    expect(launched.plannedItems).toBe(16);

    const paused = await waitForPause(launched.runId);
    expect(paused.pausedReason).toMatch(/^Budget reached: \$[\d.]+ spent of the \$0\.20 budget\. Raise the budget to resume\.$/);
    expect(paused.costUsd).toBeGreaterThanOrEqual(0.2);
    expect(paused.succeededItems).toBeLessThan(16);
    const rowsAtPause = await engine.db.row.count({ where: { runId: launched.runId } });
    expect(rowsAtPause).toBe(paused.succeededRows);

    await expect(resumeRun(engine.db, engine.queue, launched.runId, { budgetUsd: 0.1 })).rejects.toThrow(/set a budget above that/);
    await resumeRun(engine.db, engine.queue, launched.runId, { budgetUsd: 100 });
    const done = await waitForRun(engine, launched.runId, 60_000);
    expect(done.status).toBe("completed");
    expect(done.succeededRows).toBe(80);
    expect(await engine.db.row.count({ where: { runId: launched.runId } })).toBe(80);

    const rows = await engine.db.row.findMany({ where: { runId: launched.runId }, select: { costUsd: true, inputTokens: true, outputTokens: true } });
    const rowCost = rows.reduce((sum, row) => sum + row.costUsd, 0);
    expect(done.costUsd).toBeCloseTo(rowCost, 9);
    expect(rowCost).toBeCloseTo(rows.reduce((sum, row) => sum + (row.inputTokens + row.outputTokens) * 1000, 0) / 1e6, 9);
  });

  it("counts calls per model once per item: valid first try, repaired, failed", async () => {
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "stats" }));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    const done = await waitForRun(engine, launched.runId);
    expect(done.modelStats).toEqual([
      expect.objectContaining({ model: "mock-1", calls: 4, firstTryValid: 4, repaired: 0, failed: 0, inputTokens: done.inputTokens, outputTokens: done.outputTokens }),
    ]);
  });

  it("stores the estimate with the run", async () => {
    const base = supportIntentsDesign(engine.mock.url);
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "estimated", models: [{ ...base.models![0]!, pricing }] }));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    const done = await waitForRun(engine, launched.runId);
    expect(done.estimatedCostUsd).toBeGreaterThan(0);
    // A guess from prompt length: within an order of magnitude of what the mock used.
    expect(done.estimatedCostUsd! / done.costUsd).toBeGreaterThan(0.1);
    expect(done.estimatedCostUsd! / done.costUsd).toBeLessThan(10);
  });
});
