// Provider trouble: transient faults are retried, broken JSON is repaired, and
// final errors fail the item with a reason; no invalid row is ever stored.
import { afterEach, describe, expect, it } from "vitest";
import type { DesignInputOfType } from "@/lib/designs/design-schema";
import { createDataset } from "@/server/datasets/service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { launchRun } from "./service";

let engine: TestEngine | undefined;

afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

type Overrides = Partial<DesignInputOfType<"classification">>;

async function runDesign(mockOptions: Parameters<typeof startTestEngine>[0], overrides: (mockUrl: string) => Overrides = () => ({})) {
  engine = await startTestEngine(mockOptions);
  const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { samplesPerPrompt: 3, variables: { tone: ["angry", "polite", "neutral", "formal"] }, ...overrides(engine.mock.url) }));
  const launched = await launchRun(engine.db, engine.queue, dataset.id);
  return { launched, progress: await waitForRun(engine, launched.runId, 60_000) };
}

describe("generation under provider faults", () => {
  it("retries 500s, 429s and dropped connections until every row exists", async () => {
    const { launched, progress } = await runDesign({ error500: 0.15, error429: 0.1, noAnswer: 0.05, noAnswerMs: 20, seed: 7 });
    expect(progress.status).toBe("completed");
    expect(progress.succeededRows).toBe(24);
    expect(await engine!.db.row.count({ where: { runId: launched.runId } })).toBe(24);
    const errors = await engine!.db.itemAttempt.findMany({ where: { workItem: { runId: launched.runId }, outcome: "error" }, select: { errorKind: true } });
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(["server", "rate_limit", "network", "timeout"]).toContain(error.errorKind);
    expect(engine!.mock.stats().faults.error500 + engine!.mock.stats().faults.error429).toBeGreaterThan(0);
  });

  it("re-asks on truncated JSON and never stores an invalid row", async () => {
    const { launched, progress } = await runDesign({ truncatedJson: 0.3, seed: 3 });
    // Fault draws follow a seeded sequence, so this run does see truncations.
    expect(engine!.mock.stats().faults.truncatedJson).toBeGreaterThan(0);
    expect(progress.succeededRows + progress.failedRows).toBe(24);
    const repaired = await engine!.db.itemAttempt.count({ where: { workItem: { runId: launched.runId }, repairs: { gt: 0 } } });
    const schemaFailures = progress.failures.find((failure) => failure.errorKind === "schema")?.count ?? 0;
    expect(repaired + schemaFailures).toBeGreaterThan(0);
    expect(progress.failures.every((failure) => failure.errorKind === "schema")).toBe(true);
    const items = await engine!.db.workItem.findMany({ where: { runId: launched.runId }, select: { status: true, _count: { select: { rows: true } } } });
    for (const item of items) expect(item._count.rows).toBe(item.status === "succeeded" ? 3 : 0);
    for (const row of await engine!.db.row.findMany({ where: { runId: launched.runId }, select: { text: true } })) {
      expect(row.text.trim().length).toBeGreaterThan(0);
    }
  });

  it("fails items with the connection error, after their retries, when the server is unreachable", async () => {
    const { launched, progress } = await runDesign({}, () => ({ models: [{ provider: "openai-compatible", baseURL: "http://127.0.0.1:1/v1", model: "mock-1" }] }));
    // Port 1 refuses connections: retryable, so each item fails after its 4 attempts.
    expect(progress.status).toBe("failed");
    expect(progress.failedRows).toBe(24);
    expect(progress.succeededRows).toBe(0);
    expect(progress.failures[0]).toMatchObject({ errorKind: "network", count: 8 });
    expect(progress.failures[0]!.example).toMatch(/Could not reach mock-1 at http:\/\/127\.0\.0\.1:1\/v1|Connection to mock-1/);
    expect(await engine!.db.row.count({ where: { runId: launched.runId } })).toBe(0);
  }, 120_000);

  it("an unknown model is a final error: one attempt, then the item fails with the provider's reason", async () => {
    const { launched, progress } = await runDesign({}, (url) => ({ models: [{ provider: "openai-compatible", baseURL: url, model: "no-such-model" }] }));
    expect(progress.status).toBe("failed");
    expect(progress.failures).toHaveLength(1);
    expect(progress.failures[0]).toMatchObject({ errorKind: "not_found", count: 8 });
    expect(progress.failures[0]!.example).toContain("no-such-model");
    const attempts = await engine!.db.itemAttempt.count({ where: { workItem: { runId: launched.runId } } });
    expect(attempts).toBe(8);
  });
});
