import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { executeWorkItem } from "./execute-item";
import { launchRun } from "./service";
import { supportIntentsDesign } from "@/server/testing/designs";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
});

afterAll(async () => {
  await engine?.close();
});

describe("generation engine", () => {
  it("runs the example design to exactly the planned rows", async () => {
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    expect(launched).toMatchObject({ plannedItems: 4, plannedRows: 20 });

    const progress = await waitForRun(engine, launched.runId);
    expect(progress.status).toBe("completed");
    expect(progress).toMatchObject({ plannedRows: 20, succeededRows: 20, failedRows: 0, succeededItems: 4 });

    const rows = await engine.db.row.findMany({ where: { runId: launched.runId }, select: { data: true, labels: true, inputTokens: true, outputTokens: true, workItemId: true, index: true } });
    expect(rows).toHaveLength(20);
    const perLabel = rows.reduce<Record<string, number>>((acc, row) => ({ ...acc, [row.labels[0]!]: (acc[row.labels[0]!] ?? 0) + 1 }), {});
    expect(perLabel).toEqual({ billing: 10, bug: 10 });
    for (const row of rows) {
      expect(row.data).toMatchObject({ language: "en", label: row.labels[0] });
      expect(typeof (row.data as { text: unknown }).text).toBe("string");
    }
    // Run totals are the sum over rows, so nothing is counted twice or lost.
    expect(progress.inputTokens).toBe(rows.reduce((sum, row) => sum + row.inputTokens, 0));
    expect(progress.outputTokens).toBe(rows.reduce((sum, row) => sum + row.outputTokens, 0));
    expect(progress.inputTokens).toBeGreaterThan(0);

    const prompts = await engine.db.workItem.findMany({ where: { runId: launched.runId }, select: { payload: true } });
    const rendered = prompts.map((item) => (item.payload as { prompt: string }).prompt).sort();
    expect(rendered[0]).toBe("Write 5 short English customer messages about billing (Questions about invoices and payments) in a angry tone.");
  });

  it("a redelivered item never duplicates rows", async () => {
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "redelivery" }));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    await waitForRun(engine, launched.runId);
    const items = await engine.db.workItem.findMany({ where: { runId: launched.runId }, select: { id: true } });

    for (const item of items) {
      expect(await executeWorkItem(engine.db, item.id, { workerId: "second-delivery", timeoutMs: 5000 })).toBe("skipped");
    }
    expect(await engine.db.row.count({ where: { runId: launched.runId } })).toBe(20);
    const run = await engine.db.run.findUniqueOrThrow({ where: { id: launched.runId } });
    expect(run.succeededRows).toBe(20);
  });

  it("two deliveries racing for one item produce its rows once", async () => {
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "race" }));
    // Items are created but not enqueued, so only this test delivers them.
    const launched = await launchRun(engine.db, { enqueue: async () => undefined }, dataset.id);
    const items = await engine.db.workItem.findMany({ where: { runId: launched.runId }, select: { id: true } });
    const outcomes = await Promise.all(items.flatMap((item) => [
      executeWorkItem(engine.db, item.id, { workerId: "a", timeoutMs: 5000 }),
      executeWorkItem(engine.db, item.id, { workerId: "b", timeoutMs: 5000 }),
    ]));
    expect(outcomes.filter((outcome) => outcome === "succeeded")).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome === "skipped")).toHaveLength(4);
    expect(await engine.db.row.count({ where: { runId: launched.runId } })).toBe(20);
    expect((await engine.db.run.findUniqueOrThrow({ where: { id: launched.runId } })).status).toBe("completed");
  });

  it("a worker whose lease expired cannot commit over the new owner", async () => {
    const dataset = await createDataset(engine.db, supportIntentsDesign(engine.mock.url, { name: "lease", samplesPerPrompt: 2 }));
    const launched = await launchRun(engine.db, { enqueue: async () => undefined }, dataset.id);
    const [item] = await engine.db.workItem.findMany({ where: { runId: launched.runId }, orderBy: { ordinal: "asc" }, take: 1, select: { id: true } });
    // Worker "dead" claimed the item and vanished; its lease has run out.
    await engine.db.workItem.update({ where: { id: item!.id }, data: { status: "running", claimedBy: "dead", attempts: 1, leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await executeWorkItem(engine.db, item!.id, { workerId: "alive", timeoutMs: 5000 })).toBe("succeeded");
    const { commitItemSuccess } = await import("./queries");
    const lateCommit = await commitItemSuccess(engine.db, { workItemId: item!.id, runId: launched.runId, workerId: "dead", rows: [], attempts: [], inputTokens: 1, outputTokens: 1, costUsd: 0 });
    expect(lateCommit).toBe(false);
    expect(await engine.db.row.count({ where: { workItemId: item!.id } })).toBe(2);
  });
});
