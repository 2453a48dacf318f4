// Test harness: a database of its own, the mock LLM, and a real pg-boss worker.
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import type { MockLlmOptions } from "@/scripts/mock-llm/options";
import { sendBatchSubmit } from "@/server/jobs/batch-queue";
import { sendDuplicateScan } from "@/server/jobs/duplicate-scan-queue";
import { startWorker, type RunningWorker, type WorkerOptions } from "@/server/jobs/worker";
import { createBoss, enqueueWorkItems, type WorkQueue } from "@/server/jobs/queue";
import { getRunProgress } from "@/server/generation/service";
import { createTestDatabase, type TestDatabase } from "./database";

export type TestEngine = TestDatabase & { mock: MockLlm; queue: WorkQueue; worker: RunningWorker; close(): Promise<void> };

/** `workerOptions`: the worker's lease and provider batch settings (poll interval, batch size). */
export async function startTestEngine(mockOptions: MockLlmOptions = {}, workerOptions: Pick<WorkerOptions, "leaseSeconds" | "batch"> = {}): Promise<TestEngine> {
  process.env.MOCK_API_KEY ??= "test-key";
  const database = await createTestDatabase();
  const mock = await startMockLlm({ port: 0, ...mockOptions });
  const sender = createBoss(database.url);
  await sender.start();
  const worker = await startWorker({ db: database.db, connectionString: database.url, batchSize: 16, concurrency: 32, timeoutMs: 10_000, ...workerOptions });
  const queue: WorkQueue = { enqueue: (ids) => enqueueWorkItems(sender, ids), submitBatches: (runId) => sendBatchSubmit(sender, runId), scanDuplicates: (scanId) => sendDuplicateScan(sender, scanId) };
  return {
    ...database, mock, queue, worker,
    close: async () => {
      await worker.stop();
      await sender.stop({ graceful: false, timeout: 1000 });
      await mock.close();
      await database.drop();
    },
  };
}

export async function waitForRun(engine: TestDatabase, runId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const progress = await getRunProgress(engine.db, runId);
    if (progress.terminal) return progress;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not finish within ${timeoutMs} ms`);
}
