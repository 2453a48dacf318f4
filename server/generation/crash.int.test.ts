// kill -9 at any moment: worker processes die mid-run (the row count, not a
// timer, decides when), and the run still ends with every planned row exactly
// once. Items a dead worker held come back when their (short) lease runs out,
// delivered again by the recovery sweep of whichever worker is alive.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import { createDataset } from "@/server/datasets/service";
import type { PgBoss } from "pg-boss";
import { createBoss, enqueueWorkItems, type WorkQueue } from "@/server/jobs/queue";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { supportIntentsDesign } from "@/server/testing/designs";
import { waitForRun } from "@/server/testing/engine";
import { expectEveryRowExactlyOnce, pollUntil, waitForRows } from "@/server/testing/run-checks";
import { spawnWorkerProcess, type WorkerProcess } from "@/server/testing/worker-process";
import { launchRun } from "./service";

const LEASE_SECONDS = 2;

let database: TestDatabase;
let mock: MockLlm;
let sender: PgBoss;
let queue: WorkQueue;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  process.env.MOCK_API_KEY ??= "test-key";
  database = await createTestDatabase();
  // Latency makes a run last several seconds, so kills land while items are in flight.
  mock = await startMockLlm({ port: 0, latencyMs: 300 });
  sender = createBoss(database.url);
  sender.on("error", () => undefined);
  await sender.start();
  queue = { enqueue: (ids) => enqueueWorkItems(sender, ids) };
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.kill("SIGKILL")));
});

afterAll(async () => {
  await sender?.stop({ graceful: false, timeout: 1000 });
  await mock?.close();
  await database?.drop();
});

async function startWorkerProcess(): Promise<WorkerProcess> {
  const worker = spawnWorkerProcess({ databaseUrl: database.url, env: { WORK_ITEM_LEASE_SECONDS: String(LEASE_SECONDS), WORKER_CONCURRENCY: "4", WORKER_BATCH_SIZE: "2" } });
  workers.push(worker);
  await worker.started;
  return worker;
}

/** 2 labels × `tones` prompts = items, 3 rows each. */
async function launch(name: string, tones: number) {
  const design = supportIntentsDesign(mock.url, { name, samplesPerPrompt: 3, variables: { tone: Array.from({ length: tones }, (_, index) => `tone ${index + 1}`) } });
  const dataset = await createDataset(database.db, design);
  return launchRun(database.db, queue, dataset.id);
}

/** Items this worker process holds right now (its worker id carries its pid). */
function heldBy(worker: WorkerProcess, runId: string) {
  return database.db.workItem.findMany({ where: { runId, status: "running", claimedBy: { contains: `:${worker.pid}:` } }, select: { id: true } });
}

async function killWhileHolding(worker: WorkerProcess, runId: string): Promise<string[]> {
  const held = await pollUntil(async () => {
    const items = await heldBy(worker, runId);
    return items.length > 0 ? items : undefined;
  }, { what: `worker ${worker.pid} to hold items` });
  await worker.kill("SIGKILL");
  return held.map((item) => item.id);
}

describe("a worker killed with SIGKILL mid-run", () => {
  it("restarted after kills at ~20 %, ~50 % and ~80 % of the rows, the run ends with every row exactly once", async () => {
    let worker = await startWorkerProcess();
    const launched = await launch("crash-restart", 30);
    expect(launched.plannedRows).toBe(180);
    const killedHolding: string[] = [];
    for (const share of [0.2, 0.5, 0.8]) {
      await waitForRows(database.db, launched.runId, Math.ceil(share * launched.plannedRows));
      killedHolding.push(...(await killWhileHolding(worker, launched.runId)));
      worker = await startWorkerProcess();
    }
    const progress = await waitForRun(database, launched.runId, 90_000);
    expect(progress.status).toBe("completed");
    await expectEveryRowExactlyOnce(database.db, launched.runId);
    // The items the killed processes were running were claimed again and finished.
    const reclaimed = await database.db.workItem.findMany({ where: { id: { in: killedHolding } }, select: { status: true, attempts: true } });
    expect(reclaimed.length).toBeGreaterThan(0);
    for (const item of reclaimed) expect(item).toMatchObject({ status: "succeeded", attempts: expect.any(Number) });
    expect(reclaimed.some((item) => item.attempts >= 2)).toBe(true);
    expect(worker.exitCode()).toBeNull();
  }, 180_000);

  it("a live worker takes over the items of a killed one, without any restart", async () => {
    const [doomed, survivor] = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
    const launched = await launch("crash-takeover", 24);
    await waitForRows(database.db, launched.runId, Math.ceil(0.3 * launched.plannedRows));
    await killWhileHolding(doomed, launched.runId);
    // What it still held when it died (an item may have committed between the look and the kill).
    const orphaned = (await heldBy(doomed, launched.runId)).map((item) => item.id);
    expect(orphaned.length).toBeGreaterThan(0);
    // Their lease (2 s) runs out, the survivor's sweep enqueues them again and the survivor runs them.
    const progress = await waitForRun(database, launched.runId, 90_000);
    expect(progress.status).toBe("completed");
    await expectEveryRowExactlyOnce(database.db, launched.runId);
    // The survivor ran them: usually its sweep enqueued them again; a duplicate job left by a
    // launch-time sweep can deliver one first, once its lease ran out (claiming decides, either way).
    const items = await database.db.workItem.findMany({ where: { id: { in: orphaned } }, select: { status: true, attempts: true, claimedBy: true } });
    for (const item of items) expect(item).toMatchObject({ status: "succeeded", claimedBy: expect.stringContaining(`:${survivor.pid}:`) });
    expect(items.every((item) => item.attempts >= 2)).toBe(true);
    expect(survivor.exitCode()).toBeNull();
  }, 180_000);
});
