// pause, cancel, resume and retry-failed as a user runs them: child processes
// on the same database, one JSON line per event on stdout, exit codes as documented.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import { createDataset } from "@/server/datasets/service";
import { cancelRun, pauseRun } from "@/server/generation/lifecycle";
import { launchRun } from "@/server/generation/service";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { supportIntentsDesign } from "@/server/testing/designs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const notDelivered = { enqueue: async () => undefined };
let database: TestDatabase;
let mock: MockLlm;

type CliResult = { code: number | null; stdout: string; stderr: string; lines: Record<string, unknown>[] };

function cli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/main.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, MOCK_API_KEY: "test-key", WORKER_CONCURRENCY: "16" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr, lines: stdout.trim() === "" ? [] : stdout.trim().split("\n").map((line) => JSON.parse(line)) }));
  });
}

async function waitForRows(runId: string, count: number) {
  for (let i = 0; i < 600; i++) {
    if ((await database.db.row.count({ where: { runId } })) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} never reached ${count} rows`);
}

/** 4 tones × 2 labels = 8 work items, two calls at a time on a slow model. */
async function slowRun(name: string) {
  const base = supportIntentsDesign(mock.url);
  const dataset = await createDataset(database.db, supportIntentsDesign(mock.url, { name, variables: { tone: ["angry", "polite", "neutral", "formal"] }, models: [{ ...base.models![0]!, limits: { concurrency: 2 } }] }));
  return launchRun(database.db, notDelivered, dataset.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  mock = await startMockLlm({ port: 0, latencyMs: 300 });
});

afterAll(async () => {
  await mock?.close();
  await database?.drop();
});

// Every command is a fresh Node process (a few seconds each under a loaded machine).
describe("cli run lifecycle", { timeout: 120_000 }, () => {
  it("pause prints one line; resume follows the run to the end; pausing twice is an error", async () => {
    const run = await slowRun("cli-pause");
    const paused = await cli(["pause", run.runId]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.lines).toEqual([{ event: "paused", runId: run.runId }]);

    const again = await cli(["pause", run.runId]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain(`Run ${run.runId} is paused; only running or queued runs can be paused.`);

    const resumed = await cli(["resume", run.runId]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.lines[0]).toMatchObject({ event: "started", runId: run.runId, planned: 40 });
    expect(resumed.lines.at(-1)).toMatchObject({ event: "finished", status: "completed", succeeded: 40, failed: 0 });
  });

  it("a run paused by a person while followed ends the command with status paused (exit 3)", async () => {
    const run = await slowRun("cli-followed-pause");
    const following = cli(["resume", run.runId]);
    await waitForRows(run.runId, 5);
    await pauseRun(database.db, run.runId);
    const result = await following;
    expect(result.code, result.stderr).toBe(3);
    const finished = result.lines.at(-1)!;
    expect(finished).toMatchObject({ event: "finished", status: "paused", pausedReason: "Paused by user" });
    expect(finished.succeeded).toBe(await database.db.row.count({ where: { runId: run.runId } }));
    expect(result.stderr).toContain(`resume with: npm run cli -- resume ${run.runId}\n`);
  });

  it("cancel prints cancelled at once when nothing is in flight; a followed run that is cancelled exits 1", async () => {
    const idle = await slowRun("cli-cancel-idle");
    const cancelled = await cli(["cancel", idle.runId]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.lines).toEqual([{ event: "cancelled", runId: idle.runId }]);

    const run = await slowRun("cli-followed-cancel");
    const following = cli(["resume", run.runId]);
    await waitForRows(run.runId, 5);
    expect((await cancelRun(database.db, run.runId)).status).toBe("cancelling");
    const result = await following;
    expect(result.code, result.stderr).toBe(1);
    const finished = result.lines.at(-1)!;
    expect(finished).toMatchObject({ event: "finished", status: "cancelled", planned: 40 });
    expect((finished.succeeded as number) + (finished.failed as number) + (finished.cancelled as number)).toBe(40);
    expect(finished.cancelled).toBeGreaterThan(0);
    expect(finished.succeeded).toBe(await database.db.row.count({ where: { runId: run.runId } }));
  });

  it("retry-failed reruns the failed items and follows them; without failed items it says so", async () => {
    const dataset = await createDataset(database.db, supportIntentsDesign(mock.url, { name: "cli-retry", models: [{ provider: "openai-compatible", baseURL: mock.url, model: "nope", apiKeyEnv: "MOCK_API_KEY" }] }));
    const run = await launchRun(database.db, notDelivered, dataset.id);
    const first = await cli(["resume", run.runId]);
    expect(first.code).toBe(1);
    expect(first.lines.at(-1)).toMatchObject({ event: "finished", status: "failed", failed: 20 });
    const attempts = () => database.db.itemAttempt.count({ where: { workItem: { runId: run.runId } } });
    expect(await attempts()).toBe(4);

    const retried = await cli(["retry-failed", run.runId]);
    expect(retried.code).toBe(1);
    expect(retried.lines[0]).toMatchObject({ event: "started", runId: run.runId, planned: 20 });
    expect(retried.lines.at(-1)).toMatchObject({ event: "finished", status: "failed", failed: 20, succeeded: 0 });
    expect(await attempts()).toBe(8);

    const completed = await slowRun("cli-retry-nothing");
    await cli(["resume", completed.runId]);
    const nothing = await cli(["retry-failed", completed.runId]);
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toBe("");
    expect(nothing.stderr).toContain("completed with no failed items; there is nothing to retry");

    const usage = await cli(["retry-failed"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("retry-failed needs a run id");
  });
});
