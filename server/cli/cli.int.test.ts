// The CLI as a user runs it: a child process on the same engine, JSON lines on stdout.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/scripts/mock-llm/server";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { supportIntentsDesign } from "@/server/testing/designs";

const ROOT = path.resolve(import.meta.dirname, "../..");
let database: TestDatabase;
let mock: MockLlm;
let dir: string;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/main.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, MOCK_API_KEY: "test-key", WORKER_CONCURRENCY: "16" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  mock = await startMockLlm({ port: 0 });
  dir = mkdtempSync(path.join(tmpdir(), "datafast-cli-"));
});

afterAll(async () => {
  await mock?.close();
  await database?.drop();
});

describe("cli", () => {
  it("generate prints started and finished JSON lines and exports what it made", async () => {
    const file = path.join(dir, "design.json");
    writeFileSync(file, JSON.stringify(supportIntentsDesign(mock.url)));
    const result = await cli(["generate", file]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ event: "started", planned: 20 });
    expect(lines[0].runId).toMatch(/^[0-9a-f-]{36}$/);
    const finished = lines.at(-1);
    expect(finished).toMatchObject({ event: "finished", runId: lines[0].runId, status: "completed", planned: 20, succeeded: 20, failed: 0 });
    expect(finished.inputTokens).toBeGreaterThan(0);
    expect(finished.outputTokens).toBeGreaterThan(0);
    expect(typeof finished.costUsd).toBe("number");
    expect(typeof finished.elapsedMs).toBe("number");

    const out = path.join(dir, "rows.jsonl");
    const exported = await cli(["export", lines[0].runId, "--format", "jsonl", "--out", out]);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = readFileSync(out, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(rows).toHaveLength(20);
    expect(Object.keys(rows[0]).sort()).toEqual(["label", "language", "text"]);
    expect(rows.filter((row) => row.label === "billing")).toHaveLength(10);
  });

  it("rejects an invalid design naming the field and the fix, and stores nothing", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ ...supportIntentsDesign(mock.url), templates: ["About {{lable}} in a {{tone}} tone."], samplesPerPrompt: 0 }));
    const before = await database.db.dataset.count();
    const result = await cli(["generate", file]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("templates.0");
    expect(result.stderr).toContain("{{lable}}");
    expect(result.stderr).toContain("Did you mean {{label}}");
    expect(result.stderr).toContain("samplesPerPrompt");
    expect(await database.db.dataset.count()).toBe(before);
  });

  it("reports JSON syntax errors with a line number", async () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, '{\n  "name": "x",\n  "type": "classification",,\n}');
    const result = await cli(["generate", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON \(line 3\)/);
  });

  it("resume finishes a run whose items were never delivered", async () => {
    const { createDataset } = await import("@/server/datasets/service");
    const { launchRun } = await import("@/server/generation/service");
    const dataset = await createDataset(database.db, supportIntentsDesign(mock.url, { name: "resume-me" }));
    const run = await launchRun(database.db, { enqueue: async () => undefined }, dataset.id);
    const result = await cli(["resume", run.runId]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ event: "started", runId: run.runId, planned: 20 });
    expect(lines.at(-1)).toMatchObject({ event: "finished", status: "completed", succeeded: 20 });
    expect(await database.db.row.count({ where: { runId: run.runId } })).toBe(20);
  });
});

describe("cli export", () => {
  it("writes CSV and Parquet, and a split as two files named after --out", async () => {
    const { createTypedDataset } = await import("@/server/testing/review-factory");
    const rows = Array.from({ length: 40 }, (_, index) => ({ instruction: `Question ${index}?`, answer: `A${index}`, distractors: ["x", "y", "z"], source: "doc", language: "en" }));
    const dataset = await createTypedDataset(database.db, "mcq", {}, rows);

    const csv = path.join(dir, "quiz.csv");
    const csvRun = await cli(["export", dataset.datasetId, "--format", "csv", "--out", csv, "--lineage", "cost,model", "--bom"]);
    expect(csvRun.code, csvRun.stderr).toBe(0);
    expect(JSON.parse(csvRun.stdout)).toMatchObject({ event: "exported", split: null, path: csv, rows: 40 });
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFinstruction,answer,distractors,source,language,model,cost_usd\r\n")).toBe(true);
    expect(text.split("\r\n")[1]).toBe('Question 0?,A0,"[""x"",""y"",""z""]",doc,en,mock-1,0.0012');

    const out = path.join(dir, "quiz.parquet");
    const split = await cli(["export", dataset.datasetId, "--format", "parquet", "--out", out, "--split", "0.25", "--seed", "7", "--split-as", "files"]);
    expect(split.code, split.stderr).toBe(0);
    const written = split.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(written.map((file) => [file.split, path.basename(file.path)])).toEqual([["train", "quiz.train.parquet"], ["test", "quiz.test.parquet"]]);
    const { parquetReadObjects } = await import("hyparquet");
    const read = async (file: string) => parquetReadObjects({ file: new Uint8Array(readFileSync(file)).buffer });
    const [train, test] = await Promise.all([read(path.join(dir, "quiz.train.parquet")), read(path.join(dir, "quiz.test.parquet"))]);
    expect(written.map((file) => file.rows)).toEqual([train.length, test.length]);
    expect([...train, ...test].map((row) => row.instruction).sort()).toEqual(rows.map((row) => row.instruction).sort());
    expect(test.length).toBeGreaterThan(0);
    expect(test[0]).toMatchObject({ distractors: ["x", "y", "z"] });
  });

  it("names a bad option and its flag, and writes nothing", async () => {
    const out = path.join(dir, "never.csv");
    const result = await cli(["export", "00000000-0000-4000-8000-000000000000", "--format", "xlsx", "--out", out, "--split", "2"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--format: format must be one of jsonl, csv, parquet");
    expect(result.stderr).toContain("--split: testShare must be below 1");
    expect(existsSync(out)).toBe(false);
  });
});

describe("cli example", () => {
  // What a new user does: print a starter, point it at their model (here: this test's mock), generate.
  it.each(["text", "conversation", "mcq", "preference", "reasoning", "transform"])("the %s starter runs end to end through generate", async (type) => {
    const printed = await cli(["example", type]);
    expect(printed.code, printed.stderr).toBe(0);
    const design = JSON.parse(printed.stdout) as { type: string; models: { baseURL: string }[] };
    expect(design.type).toBe(type);
    design.models = design.models.map((model) => ({ ...model, baseURL: mock.url }));
    const file = path.join(dir, `${type}.json`);
    writeFileSync(file, JSON.stringify(design));
    const result = await cli(["generate", file]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ event: "finished", status: "completed", failed: 0, succeeded: lines[0].planned });
  });

  it("names the dataset types when the type is missing or unknown", async () => {
    const result = await cli(["example", "poem"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('one of classification, text, conversation, mcq, preference, reasoning, transform (got "poem")');
  });
});
