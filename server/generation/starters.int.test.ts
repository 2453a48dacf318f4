// Every starter design runs end to end against the mock LLM over HTTP: planned
// rows made exactly once, each row valid for its type, totals equal to the sum over rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowSchemas } from "@/lib/dataset-types/row-schemas";
import { datasetTypeNames } from "@/lib/designs/design-schema";
import { starterDesign } from "@/lib/designs/examples";
import { createDataset } from "@/server/datasets/service";
import { startTestEngine, waitForRun, type TestEngine } from "@/server/testing/engine";
import { launchRun } from "./service";

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
});

afterAll(async () => {
  await engine?.close();
});

describe("starter designs", () => {
  it.each(datasetTypeNames)("%s runs to exactly its planned rows, each valid for its type", async (type) => {
    const dataset = await createDataset(engine.db, starterDesign(type, engine.mock.url));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    expect(launched.plannedRows).toBeGreaterThan(0);
    const progress = await waitForRun(engine, launched.runId, 60_000);
    expect(progress).toMatchObject({ status: "completed", succeededRows: launched.plannedRows, failedItems: 0 });

    const rows = await engine.db.row.findMany({ where: { runId: launched.runId }, select: { data: true, text: true, language: true, model: true, inputTokens: true, outputTokens: true } });
    expect(rows).toHaveLength(launched.plannedRows);
    for (const row of rows) {
      expect(rowSchemas[type].safeParse(row.data).error?.issues ?? []).toEqual([]);
      expect(row).toMatchObject({ language: "en", model: "mock-1" });
      expect(row.text.length).toBeGreaterThan(0);
    }
    expect(progress.inputTokens).toBe(rows.reduce((sum, row) => sum + row.inputTokens, 0));
    expect(progress.outputTokens).toBe(rows.reduce((sum, row) => sum + row.outputTokens, 0));

    const attempts = await engine.db.itemAttempt.findMany({ where: { workItem: { runId: launched.runId } }, select: { step: true, model: true } });
    expect(new Set(attempts.map((attempt) => attempt.model))).toEqual(new Set(["mock-1"]));
    expect(attempts.every((attempt) => attempt.step !== null)).toBe(true);
  });

  it("transform rows carry their input columns and typed outputs", async () => {
    const dataset = await createDataset(engine.db, starterDesign("transform", engine.mock.url));
    const launched = await launchRun(engine.db, engine.queue, dataset.id);
    await waitForRun(engine, launched.runId, 60_000);
    const rows = await engine.db.row.findMany({ where: { runId: launched.runId }, select: { data: true } });
    for (const { data } of rows) {
      expect(data).toMatchObject({ id: expect.any(Number), review: expect.any(String), sentiment: expect.stringMatching(/^(positive|negative|mixed)$/), topic: expect.any(String), score: expect.any(Number) });
    }
  });
});
