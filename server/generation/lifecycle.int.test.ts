// Run lifecycle against a real Postgres, pg-boss worker and mock LLM: pause
// stops new work and resume finishes with exactly the planned rows; cancel
// keeps every row and stops calling the model; retry-failed reruns only the
// failed items and keeps their history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm } from "@/scripts/mock-llm/server";
import { createDataset } from "@/server/datasets/service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { createCaller } from "@/server/trpc/root";
import { executeWorkItem } from "./execute-item";
import { commitItemSuccess } from "./queries";
import { ATTEMPTS_PER_EXECUTION } from "./step-caller";
import { getRunProgress, launchRun } from "./service";
import { contextAs } from "@/server/testing/auth-context";

let engine: TestEngine;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  // Slow answers and two calls at a time, so a run lasts a few seconds with items queued.
  engine = await startTestEngine({ latencyMs: 250 });
  caller = createCaller(contextAs("owner", { db: engine.db, queue: engine.queue }));
});

afterAll(async () => {
  await engine?.close();
});

const TONES = ["angry", "polite", "neutral", "formal", "sad", "happy", "curt", "warm"];

/** 8 tones × 2 labels = 16 work items of `samples` rows, at most two calls at a time. */
async function createSlowDataset(name: string, baseURL = engine.mock.url, samples = 5) {
  const base = supportIntentsDesign(baseURL);
  return createDataset(engine.db, supportIntentsDesign(baseURL, { name, samplesPerPrompt: samples, variables: { tone: TONES }, models: [{ ...base.models![0]!, limits: { concurrency: 2 } }] }));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const countRows = (runId: string) => engine.db.row.count({ where: { runId } });
const itemsByStatus = async (runId: string) =>
  Object.fromEntries((await engine.db.workItem.groupBy({ by: ["status"], where: { runId }, _count: true })).map((group) => [group.status, group._count]));
const runningItems = (runId: string) => engine.db.workItem.count({ where: { runId, status: "running" } });
/** Long enough for several model answers (250 ms each) to have landed if anything were still being called. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_200));

describe("run lifecycle", () => {
  it("pause stops new items, in-flight ones finish; resume completes with exactly the planned rows", async () => {
    const dataset = await createSlowDataset("pause-resume");
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    await waitFor("first rows", async () => ((await countRows(runId)) >= 5 ? true : undefined));

    expect(await caller.runs.pause({ runId })).toEqual({ runId, status: "paused" });
    await waitFor("in-flight items to finish", async () => ((await runningItems(runId)) === 0 ? true : undefined));
    const rowsAtPause = await countRows(runId);
    const requestsAtPause = engine.mock.stats().requests;
    await settle();
    expect(await countRows(runId)).toBe(rowsAtPause);
    expect(engine.mock.stats().requests).toBe(requestsAtPause);
    const paused = await getRunProgress(engine.db, runId);
    expect(paused).toMatchObject({ status: "paused", pausedReason: "Paused by user", pausedByBudget: false, etaMs: null, succeededRows: rowsAtPause });
    expect(rowsAtPause).toBeLessThan(80);
    expect((await itemsByStatus(runId)).pending).toBeGreaterThan(0);

    await expect(caller.runs.pause({ runId })).rejects.toThrow(`Run ${runId} is paused; only running or queued runs can be paused.`);
    await expect(caller.runs.retryFailed({ runId })).rejects.toThrow(/is paused; failed items can be retried once the run has ended as failed/);

    await caller.runs.resume({ runId });
    const done = await waitForRun(engine, runId);
    expect(done).toMatchObject({ status: "completed", plannedRows: 80, succeededRows: 80, failedRows: 0, succeededItems: 16, pausedReason: null, cancelledRows: 0 });
    expect(await countRows(runId)).toBe(80);
    const perItem = await engine.db.row.groupBy({ by: ["workItemId"], where: { runId }, _count: true });
    expect(perItem).toHaveLength(16);
    for (const item of perItem) expect(item._count).toBe(5);
    await expect(caller.runs.pause({ runId })).rejects.toThrow(`Run ${runId} is completed; only running or queued runs can be paused.`);
    await expect(caller.runs.retryFailed({ runId })).rejects.toThrow(`Run ${runId} completed with no failed items; there is nothing to retry.`);
  });

  it("cancel: cancelling while items are in flight, then cancelled; rows kept, the rest cancelled, no more model calls", async () => {
    const dataset = await createSlowDataset("cancel");
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    await waitFor("first rows", async () => ((await countRows(runId)) >= 5 ? true : undefined));

    const requestsAtCancel = engine.mock.stats().requests;
    // The worker has claimed every item (most wait for one of the two call slots), so some are in flight.
    expect(await caller.runs.cancel({ runId })).toEqual({ runId, status: "cancelling" });
    expect((await getRunProgress(engine.db, runId)).status).toMatch(/^cancell(ing|ed)$/);
    await expect(caller.runs.resume({ runId })).rejects.toThrow(/only queued, running or paused runs can be resumed/);

    const done = await waitForRun(engine, runId);
    expect(done.status).toBe("cancelled");
    expect(done.finishedAt).not.toBeNull();
    // At most the two calls that held a slot when the run was cancelled reached the model afterwards.
    expect(engine.mock.stats().requests - requestsAtCancel).toBeLessThanOrEqual(2);
    const requestsAtEnd = engine.mock.stats().requests;
    await settle();
    expect(engine.mock.stats().requests).toBe(requestsAtEnd);

    const items = await itemsByStatus(runId);
    expect(items.pending ?? 0).toBe(0);
    expect(items.running ?? 0).toBe(0);
    expect(items.cancelled).toBeGreaterThan(0);
    expect((items.succeeded ?? 0) + (items.failed ?? 0) + items.cancelled!).toBe(16);
    expect(done.succeededItems).toBe(items.succeeded);
    expect(done.cancelledItems).toBe(items.cancelled);
    expect(done.cancelledRows).toBe(80 - done.succeededRows - done.failedRows);
    expect(done.succeededRows + done.failedRows + done.cancelledRows).toBe(done.plannedRows);
    expect(await countRows(runId)).toBe(done.succeededRows);
    expect(done.succeededRows).toBeGreaterThanOrEqual(5);

    await expect(caller.runs.cancel({ runId })).rejects.toThrow(`Run ${runId} is cancelled; only queued, running or paused runs can be cancelled.`);
    await expect(caller.runs.retryFailed({ runId })).rejects.toThrow(`Run ${runId} was cancelled; only failed runs can retry their failed items.`);
  });

  it("cancel does not wait for calls queued behind a low rate limit", async () => {
    // 12 calls a minute: 16 items would take 80 s; every claimed item waits for its slot in the limiter.
    const base = supportIntentsDesign(engine.mock.url);
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "slow-limit", samplesPerPrompt: 1, variables: { tone: TONES }, models: [{ ...base.models![0]!, limits: { rpm: 12, concurrency: 16 } }] }));
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    await waitFor("first row", async () => ((await countRows(runId)) >= 1 ? true : undefined));
    await waitFor("items waiting for the limiter", async () => ((await runningItems(runId)) >= 3 ? true : undefined));

    await caller.runs.cancel({ runId });
    // Without the watcher the waiting items would only give up when their slots (5 s apart) come:
    // well over a minute for 16 items, past this wait's 30 s deadline.
    const ended = await waitFor("the run to end", async () => {
      const run = await engine.db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
      return run.status === "cancelled" ? run : undefined;
    });
    expect(ended.status).toBe("cancelled");
    expect(await runningItems(runId)).toBe(0);
    const made = await countRows(runId);
    await settle();
    expect(await countRows(runId)).toBe(made);
  });

  it("cancel with nothing in flight ends the run at once, and a paused run can be cancelled", async () => {
    const dataset = await createSlowDataset("cancel-idle");
    // Items are created but never delivered.
    const launched = await launchRun(engine.db, { enqueue: async () => undefined }, dataset.id);
    await caller.runs.pause({ runId: launched.runId });
    expect(await caller.runs.cancel({ runId: launched.runId })).toEqual({ runId: launched.runId, status: "cancelled" });
    const progress = await getRunProgress(engine.db, launched.runId);
    expect(progress).toMatchObject({ status: "cancelled", pausedReason: null, cancelledItems: 16, cancelledRows: 80, terminal: true });
    expect(await itemsByStatus(launched.runId)).toEqual({ cancelled: 16 });
  });

  it("the last in-flight item's commit, or its release, ends a cancelling run; a dead worker's item is cancelled", async () => {
    const dataset = await createSlowDataset("cancel-commit", engine.mock.url, 1);
    const launched = await launchRun(engine.db, { enqueue: async () => undefined }, dataset.id);
    const [a, b, c] = await engine.db.workItem.findMany({ where: { runId: launched.runId }, orderBy: { ordinal: "asc" }, take: 3, select: { id: true } });
    const lease = (seconds: number) => new Date(Date.now() + seconds * 1000);
    await engine.db.workItem.update({ where: { id: a!.id }, data: { status: "running", claimedBy: "alive", attempts: 1, leaseExpiresAt: lease(600) } });
    await engine.db.workItem.update({ where: { id: b!.id }, data: { status: "running", claimedBy: "releasing", attempts: 1, leaseExpiresAt: lease(600) } });
    await engine.db.workItem.update({ where: { id: c!.id }, data: { status: "running", claimedBy: "dead", attempts: 1, leaseExpiresAt: lease(-1) } });

    expect((await caller.runs.cancel({ runId: launched.runId })).status).toBe("cancelling");
    expect(await itemsByStatus(launched.runId)).toEqual({ running: 2, cancelled: 14 });
    // A second delivery of a cancelled item does nothing.
    expect(await executeWorkItem(engine.db, c!.id, { workerId: "late", timeoutMs: 5000 })).toBe("skipped");

    const { releaseWorkItem } = await import("./queries");
    // Given back on a cancelling run, the item is cancelled: nothing is left to deliver.
    expect(await releaseWorkItem(engine.db, b!.id, "releasing")).toBe(false);
    expect((await getRunProgress(engine.db, launched.runId)).status).toBe("cancelling");

    const row = { datasetId: dataset.id, runId: launched.runId, workItemId: a!.id, index: 0, data: { text: "kept" }, text: "kept", labels: ["billing"], language: "en", model: "mock-1", connectionId: null, prompt: "p", variables: {}, parameters: {}, inputTokens: 1, outputTokens: 1, reasoningTokens: 0, costUsd: 0, latencyMs: 1 };
    expect(await commitItemSuccess(engine.db, { workItemId: a!.id, runId: launched.runId, workerId: "alive", rows: [row], attempts: [], inputTokens: 1, outputTokens: 1, costUsd: 0 })).toBe(true);
    const progress = await getRunProgress(engine.db, launched.runId);
    expect(progress).toMatchObject({ status: "cancelled", succeededItems: 1, succeededRows: 1, cancelledItems: 15, cancelledRows: 15 });
    expect(await itemsByStatus(launched.runId)).toEqual({ succeeded: 1, cancelled: 15 });
  });

  it("retry-failed reruns only the failed items, keeps their attempt history, and completes once the model answers", async () => {
    // Every call answers 500: each item fails after its 4 attempts.
    const failing = await startMockLlm({ port: 0, error500: 1 });
    const dataset = await createDataset(engine.db, supportIntentsDesign(failing.url, { name: "retry-failed", samplesPerPrompt: 2 }));
    const { runId } = await caller.runs.launch({ datasetId: dataset.id });
    const failed = await waitForRun(engine, runId, 60_000);
    expect(failed).toMatchObject({ status: "failed", failedItems: 4, failedRows: 8, succeededRows: 0 });
    expect(failed.failures).toEqual([expect.objectContaining({ errorKind: "server", count: 4 })]);
    const attemptsBefore = await engine.db.itemAttempt.findMany({ where: { workItem: { runId } }, select: { workItemId: true, number: true, outcome: true } });
    expect(attemptsBefore).toHaveLength(16);

    // The same address now answers properly.
    await failing.close();
    const healthy = await startMockLlm({ port: failing.port });
    try {
      const retried = await caller.runs.retryFailed({ runId });
      expect(retried).toMatchObject({ runId, requeued: 4, plannedRows: 8 });
      const reopened = await engine.db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, failedItems: true, failedRows: true, finishedAt: true } });
      expect(reopened.failedItems).toBe(0);
      expect(reopened.failedRows).toBe(0);
      // Until its new attempt commits, each item keeps its last error.
      for (const item of await engine.db.workItem.findMany({ where: { runId }, select: { status: true, lastError: true } })) {
        if (item.status !== "succeeded") expect(item.lastError).toMatch(/gave up after 4 attempts/);
      }

      const done = await waitForRun(engine, runId, 60_000);
      expect(done).toMatchObject({ status: "completed", succeededItems: 4, succeededRows: 8, failedItems: 0, failedRows: 0, failures: [] });
      expect(await countRows(runId)).toBe(8);
      const attempts = await engine.db.itemAttempt.findMany({ where: { workItem: { runId } }, select: { workItemId: true, number: true, outcome: true } });
      expect(attempts).toHaveLength(20);
      expect(attempts).toEqual(expect.arrayContaining(attemptsBefore));
      // The second execution's attempts are numbered from ATTEMPTS_PER_EXECUTION + 1.
      const latest = attempts.filter((attempt) => attempt.number === ATTEMPTS_PER_EXECUTION + 1);
      expect(latest).toHaveLength(4);
      for (const attempt of latest) expect(attempt.outcome).toBe("succeeded");
      for (const item of await engine.db.workItem.findMany({ where: { runId }, select: { lastError: true, attempts: true } })) {
        expect(item).toEqual({ lastError: null, attempts: 2 });
      }
      await expect(caller.runs.retryFailed({ runId })).rejects.toThrow(/nothing to retry/);
    } finally {
      await healthy.close();
    }
  }, 120_000);
});
