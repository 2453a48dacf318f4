// `generate --mode batch` as a user runs it: a child process whose in-process worker submits and
// polls provider batches against the mock.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { supportIntentsDesign } from "@/server/testing/designs";
import { batchDesign } from "@/server/testing/batch-runs";

const ROOT = path.resolve(import.meta.dirname, "../..");
let database: TestDatabase;
let mock: MockLlm;
let dir: string;

const execute = promisify(execFile);

/** Runs `generate` on the design in a child process; a non-zero exit is an outcome, not an error. */
async function generate(design: unknown, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(dir, `design-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(design));
  const env = { ...process.env, DATABASE_URL: database.url, MOCK_API_KEY: "test-key", PROVIDER_BATCH_POLL_SECONDS: "0.2" };
  try {
    return { code: 0, ...(await execute(process.execPath, ["--import", "tsx", "server/cli/main.ts", "generate", file, ...flags], { cwd: ROOT, env })) };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  mock = await startMockLlm({ port: 0, batchCompletionMs: 300 });
  dir = mkdtempSync(path.join(tmpdir(), "datafast-cli-batch-"));
});

afterAll(async () => {
  await mock?.close();
  await database?.drop();
});

describe("cli generate --mode batch", () => {
  it("runs the design through provider batches to the end, with the CLI's JSON lines", async () => {
    const result = await generate(batchDesign(mock.url, "openai"), "--mode", "batch");
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ event: "started", planned: 20 });
    expect(lines.at(-1)).toMatchObject({ event: "finished", status: "completed", planned: 20, succeeded: 20, failed: 0 });
    expect(mock.stats().batches.created).toBe(1);
    expect(result.stderr).toMatch(/sent as provider batches/);
  });

  it("refuses a design whose model has no batch API, naming it, and a mode that does not exist", async () => {
    const refused = await generate(supportIntentsDesign(mock.url, { name: "compatible" }), "--mode", "batch");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/model "mock-1" is on connection "[^"]+" of kind OpenAI-compatible/);
    const bogus = await generate(supportIntentsDesign(mock.url), "--mode", "offline");
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/--mode must be "online" or "batch", got "offline"/);
  });
});
