// Postgres stopped and started again mid-run: the workers (one in this process,
// one a child process) wait for it instead of crashing or failing items, and
// the run ends with every planned row exactly once. Needs a cluster of its own,
// since the shared test cluster cannot be restarted under the other test files.
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/database/embedded-postgres";
import { PROJECT_ROOT } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrate";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import { createDataset } from "@/server/datasets/service";
import { createDb, type Db } from "@/server/db";
import { createBoss, enqueueWorkItems } from "@/server/jobs/queue";
import { startWorker, type RunningWorker } from "@/server/jobs/worker";
import { supportIntentsDesign } from "@/server/testing/designs";
import { expectEveryRowExactlyOnce, pollUntil, waitForRows } from "@/server/testing/run-checks";
import { spawnWorkerProcess, type WorkerProcess } from "@/server/testing/worker-process";
import { launchRun } from "./service";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const dataDir = path.join(PROJECT_ROOT, ".data", `test-db-restart-${process.pid}`);
let port: number;
let cluster: EmbeddedPostgres;
let url: string;
let db: Db;
let mock: MockLlm;
let sender: PgBoss;
let worker: RunningWorker | undefined;
let child: WorkerProcess | undefined;
const logs: string[] = [];

beforeAll(async () => {
  process.env.MOCK_API_KEY ??= "test-key";
  port = await freePort();
  cluster = await startEmbeddedPostgres({ dataDir, port });
  await createDatabaseIfMissing(cluster.url("postgres"), "restart");
  url = cluster.url("restart");
  await applyMigrations(url);
  db = createDb(url);
  mock = await startMockLlm({ port: 0, latencyMs: 200 });
  sender = createBoss(url);
  sender.on("error", () => undefined);
  await sender.start();
}, 120_000);

afterAll(async () => {
  await child?.kill("SIGKILL");
  await worker?.stop();
  await sender?.stop({ graceful: false, timeout: 1000 }).catch(() => undefined);
  await db?.$disconnect();
  await mock?.close();
  await cluster?.stop();
  const dir = cluster?.dataDir ?? dataDir;
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.log`, { force: true });
}, 60_000);

describe("a Postgres restart mid-run", () => {
  it("costs time, not rows: workers survive it and the run ends with every row exactly once", async () => {
    worker = await startWorker({ db, connectionString: url, batchSize: 2, concurrency: 4, timeoutMs: 10_000, leaseSeconds: 3, log: (line) => logs.push(line) });
    child = spawnWorkerProcess({ databaseUrl: url, env: { WORK_ITEM_LEASE_SECONDS: "3", WORKER_CONCURRENCY: "4", WORKER_BATCH_SIZE: "2" } });
    await child.started;
    const design = supportIntentsDesign(mock.url, { name: "db-restart", samplesPerPrompt: 2, variables: { tone: Array.from({ length: 30 }, (_, index) => `tone ${index + 1}`) } });
    const dataset = await createDataset(db, design);
    const launched = await launchRun(db, { enqueue: (ids) => enqueueWorkItems(sender, ids) }, dataset.id);
    expect(launched.plannedRows).toBe(120);

    await waitForRows(db, launched.runId, Math.ceil(0.3 * launched.plannedRows));
    await cluster.stop();
    // Down long enough for every poll, heartbeat, commit and claim to fail at least once.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    cluster = await startEmbeddedPostgres({ dataDir, port });

    await pollUntil(async () => {
      const run = await db.run.findUnique({ where: { id: launched.runId }, select: { status: true } }).catch(() => undefined);
      return run && ["completed", "failed", "cancelled"].includes(run.status) ? run : undefined;
    }, { timeoutMs: 90_000, intervalMs: 200, what: "the run to end" });
    await expectEveryRowExactlyOnce(db, launched.runId);
    // The database going away was never counted against the model: no failed attempt at all.
    expect(await db.itemAttempt.count({ where: { workItem: { runId: launched.runId }, outcome: "error" } })).toBe(0);
    expect(child.exitCode()).toBeNull();
    expect(child.output()).not.toMatch(/could not start|Unhandled|uncaught/i);
    expect(logs.join("\n")).toMatch(/database unavailable|queue error/);
  }, 150_000);
});
