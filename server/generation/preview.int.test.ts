// Previews stream rows for any type, are stored apart from runs, and are either
// discarded or promoted into a dataset of the same design with full lineage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationExample, mcqExample } from "@/lib/designs/examples";
import { createDataset } from "@/server/datasets/service";
import { startTestEngine, type TestEngine } from "@/server/testing/engine";
import { share } from "./execute-item";
import { streamPreview, type PreviewEvent } from "./preview";
import { discardPreview, promotePreview } from "./preview-store";

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
});

afterAll(async () => {
  await engine?.close();
});

async function collect(design: unknown) {
  const events: PreviewEvent[] = [];
  for await (const event of streamPreview(engine.db, design, { timeoutMs: 10_000 })) events.push(event);
  const done = events.at(-1);
  if (done?.type !== "done") throw new Error(`the preview did not finish: ${JSON.stringify(done)}`);
  const rows = events.filter((event) => event.type === "rows").at(-1)!.rows;
  return { done, rows, events };
}

describe("preview", () => {
  it("streams rows of a multi-step type, each with its prompt, variables, calls and tokens", async () => {
    const { done, rows, events } = await collect(conversationExample(engine.mock.url));
    expect(events[0]).toEqual({ type: "preview", previewId: done.previewId });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.status).toBe("done");
      expect(row.data).toMatchObject({ messages: expect.any(Array), persona: expect.any(String) });
      expect(row.prompt).toContain(String(row.variables.topic));
      // questions, persona rewrite, then at least one answer.
      expect(row.calls).toBeGreaterThanOrEqual(3);
      expect(row.inputTokens).toBeGreaterThan(0);
    }
    // Distinct cells first: three different topic × subtopic × persona combinations.
    expect(new Set(rows.map((row) => JSON.stringify(row.variables))).size).toBe(3);
    expect(done.calls).toBe(rows.reduce((sum, row) => sum + row.calls, 0));
    expect(await engine.db.previewRow.count({ where: { previewId: done.previewId } })).toBe(3);
  });

  it("promotes its rows into a dataset of the same design as a finished run with lineage, once", async () => {
    const design = mcqExample(engine.mock.url);
    const { done, rows } = await collect(design);
    const dataset = await createDataset(engine.db, design);
    const promoted = await promotePreview(engine.db, done.previewId, dataset.id);
    expect(promoted.rows).toBe(rows.length);

    const run = await engine.db.run.findUniqueOrThrow({ where: { id: promoted.runId } });
    expect(run).toMatchObject({ status: "completed", fromPreview: true, plannedRows: rows.length, succeededRows: rows.length, datasetId: dataset.id });
    const stored = await engine.db.row.findMany({ where: { runId: run.id }, select: { data: true, prompt: true, language: true, model: true, inputTokens: true } });
    expect(stored.map((row) => row.data)).toEqual(expect.arrayContaining(rows.map((row) => row.data)));
    expect(stored.every((row) => row.prompt.includes("multiple-choice questions") && row.model === "mock-1" && row.language === "en")).toBe(true);
    expect(run.inputTokens).toBe(stored.reduce((sum, row) => sum + row.inputTokens, 0));
    // Each preview row became one succeeded work item holding its own rows, with the
    // item's tokens split as a run's worker splits them.
    const previewRows = await engine.db.previewRow.findMany({ where: { previewId: done.previewId }, orderBy: { ordinal: "asc" } });
    const items = await engine.db.workItem.findMany({ where: { runId: run.id }, orderBy: { ordinal: "asc" }, include: { rows: { orderBy: { index: "asc" } } } });
    expect(items.map((item) => [item.key, item.ordinal, item.expectedRows, item.status])).toEqual(previewRows.map((row) => [row.key, row.ordinal, (row.rows as unknown[]).length, "succeeded"]));
    items.forEach((item, position) => {
      const source = previewRows[position]!;
      const drafts = source.rows as { data: unknown }[];
      expect(item.rows.map((row) => row.data)).toEqual(drafts.map((draft) => draft.data));
      expect(item.rows.map((row) => row.inputTokens)).toEqual(drafts.map((_, index) => share(source.inputTokens, drafts.length, index)));
      expect(item.rows.map((row) => row.outputTokens)).toEqual(drafts.map((_, index) => share(source.outputTokens, drafts.length, index)));
      expect(item.rows.every((row) => row.costUsd === source.costUsd / drafts.length && row.latencyMs === source.latencyMs)).toBe(true);
    });

    await expect(promotePreview(engine.db, done.previewId, dataset.id)).rejects.toThrow(/already promoted/);
    await expect(discardPreview(engine.db, done.previewId)).rejects.toThrow(/belong to the dataset/);
  });

  it("refuses to promote into a dataset whose design differs, and discards", async () => {
    const design = mcqExample(engine.mock.url);
    const { done } = await collect(design);
    const other = await createDataset(engine.db, { ...design, samplesPerPrompt: 3 });
    await expect(promotePreview(engine.db, done.previewId, other.id)).rejects.toThrow(/different design/);
    await discardPreview(engine.db, done.previewId);
    expect(await engine.db.preview.count({ where: { id: done.previewId } })).toBe(0);
    expect(await engine.db.previewRow.count({ where: { previewId: done.previewId } })).toBe(0);
  });
});
