// A provider that hangs: calls end at the per-call timeout, are retried, and
// an item that never gets an answer fails with kind "timeout" and its reason;
// nothing half-made is ever stored.
import { afterEach, describe, expect, it } from "vitest";
import type { PgBoss } from "pg-boss";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import type { MockLlmOptions } from "@/scripts/mock-llm/options";
import { createDataset } from "@/server/datasets/service";
import { createBoss, enqueueWorkItems } from "@/server/jobs/queue";
import { startWorker, type RunningWorker } from "@/server/jobs/worker";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { supportIntentsDesign } from "@/server/testing/designs";
import { waitForRun } from "@/server/testing/engine";
import { launchRun } from "./service";

const CALL_TIMEOUT_MS = 400;

let database: TestDatabase | undefined;
let mock: MockLlm | undefined;
let sender: PgBoss | undefined;
let worker: RunningWorker | undefined;

afterEach(async () => {
  await worker?.stop();
  await sender?.stop({ graceful: false, timeout: 1000 });
  await mock?.close();
  await database?.drop();
  worker = sender = mock = database = undefined;
});

async function run(mockOptions: MockLlmOptions) {
  process.env.MOCK_API_KEY ??= "test-key";
  database = await createTestDatabase();
  mock = await startMockLlm({ port: 0, ...mockOptions });
  sender = createBoss(database.url);
  sender.on("error", () => undefined);
  await sender.start();
  worker = await startWorker({ db: database.db, connectionString: database.url, batchSize: 8, concurrency: 16, timeoutMs: CALL_TIMEOUT_MS, leaseSeconds: 5 });
  const dataset = await createDataset(database.db, supportIntentsDesign(mock.url, { samplesPerPrompt: 3, variables: { tone: ["angry", "polite", "neutral", "formal"] } }));
  const boss = sender;
  const launched = await launchRun(database.db, { enqueue: (ids) => enqueueWorkItems(boss, ids) }, dataset.id);
  const progress = await waitForRun(database, launched.runId, 60_000);
  const items = await database.db.workItem.findMany({
    where: { runId: launched.runId },
    select: { status: true, errorKind: true, lastError: true, expectedRows: true, _count: { select: { rows: true } } },
  });
  const attempts = await database.db.itemAttempt.findMany({ where: { workItem: { runId: launched.runId } }, select: { outcome: true, errorKind: true, message: true, startedAt: true, finishedAt: true } });
  // Attempts are stored in batches as UTC wall times, like everything Prisma writes.
  for (const attempt of attempts) {
    expect(Math.abs(attempt.startedAt.getTime() - Date.now())).toBeLessThan(120_000);
    expect(attempt.finishedAt!.getTime()).toBeGreaterThanOrEqual(attempt.startedAt.getTime());
  }
  return { launched, progress, items, attempts };
}

describe("a provider that hangs", () => {
  it("never answering: every call ends at the timeout, and each item fails as a timeout after its retries, with no row", async () => {
    // The socket stays open, silent, far longer than the call timeout.
    const { progress, items, attempts } = await run({ noAnswer: 1, noAnswerMs: 30_000 });
    expect(progress).toMatchObject({ status: "failed", succeededRows: 0, failedRows: 24, failedItems: 8 });
    expect(progress.failures).toEqual([expect.objectContaining({ errorKind: "timeout", count: 8 })]);
    for (const item of items) {
      expect(item).toMatchObject({ status: "failed", errorKind: "timeout", _count: { rows: 0 } });
      expect(item.lastError).toMatch(/^Request to mock-1 at http:\/\/127\.0\.0\.1:\d+\/v1 timed out \(gave up after 4 attempts\)$/);
    }
    expect(attempts).toHaveLength(32);
    expect(attempts.every((attempt) => attempt.outcome === "error" && attempt.errorKind === "timeout")).toBe(true);
  });

  it("answering around the timeout: items end done with all their rows or failed as a timeout, never half-stored", async () => {
    // Latency spread over 100-900 ms against a 400 ms timeout: some calls answer in time, some do not.
    const { progress, items, attempts } = await run({ latencyMs: 100, latencyJitterMs: 800, seed: 11 });
    expect(["completed", "failed"]).toContain(progress.status);
    expect(progress.succeededRows + progress.failedRows).toBe(24);
    expect(attempts.some((attempt) => attempt.errorKind === "timeout")).toBe(true);
    expect(attempts.some((attempt) => attempt.outcome === "succeeded")).toBe(true);
    for (const item of items) {
      if (item.status === "succeeded") expect(item._count.rows).toBe(item.expectedRows);
      else expect(item).toMatchObject({ status: "failed", errorKind: "timeout", _count: { rows: 0 } });
    }
    expect(attempts.filter((attempt) => attempt.outcome === "error").every((attempt) => attempt.errorKind === "timeout")).toBe(true);
  });
});
