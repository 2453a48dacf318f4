import { describe, expect, it } from "vitest";
import { createDataset } from "@/server/datasets/service";
import { launchRun } from "@/server/generation/service";
import type { WorkItemPayload } from "@/server/generation/payload";
import { supportIntentsDesign } from "@/server/testing/designs";
import { waitForRun } from "@/server/testing/engine";
import { useTestEngine } from "@/server/testing/engine-caller";
import { buildSeedDataset, insertSeedDataset, type SeedRow } from "@/server/testing/review-rows";

const context = useTestEngine();

/** Counts of `key(row)` over rows (a row may count under several keys). */
function tally(rows: readonly SeedRow[], keys: (row: SeedRow) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const key of keys(row)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const effectiveLabels = (row: SeedRow) => (row.review?.labels.length ? row.review.labels : row.labels);
const statusOf = (row: SeedRow) => row.review?.status ?? "pending";

describe("knowing what you have", () => {
  it("progress, distributions and the length histogram equal counts computed from the rows themselves", async () => {
    const seed = buildSeedDataset(2500, 5);
    await insertSeedDataset(context.engine.db, seed);
    const current = seed.rows.filter((row) => row.current);
    const statuses = tally(current, (row) => [statusOf(row)]);

    expect(await context.caller.insights.progress({ datasetId: seed.datasetId })).toEqual({
      total: current.length,
      accepted: statuses.get("accepted") ?? 0,
      rejected: statuses.get("rejected") ?? 0,
      reviewed: (statuses.get("accepted") ?? 0) + (statuses.get("rejected") ?? 0),
      pending: statuses.get("pending") ?? 0,
    });

    const stats = await context.caller.insights.stats({ datasetId: seed.datasetId });
    const asMap = (entries: { value: string; count: number }[]) => new Map(entries.map((entry) => [entry.value, entry.count]));
    expect(asMap(stats.labels)).toEqual(tally(current, effectiveLabels));
    expect(asMap(stats.languages)).toEqual(tally(current, (row) => [row.language]));
    expect(asMap(stats.models)).toEqual(tally(current, (row) => [row.model]));

    const lengths = current.map((row) => [...row.text].length);
    expect(stats.lengths.length).toBeLessThanOrEqual(20);
    expect(stats.lengths[0]!.from).toBe(Math.min(...lengths));
    expect(stats.lengths.at(-1)!.to).toBeGreaterThanOrEqual(Math.max(...lengths));
    for (const bucket of stats.lengths) {
      expect(bucket.rows).toBe(lengths.filter((length) => length >= bucket.from && length <= bucket.to).length);
    }
    expect(stats.lengths.reduce((sum, bucket) => sum + bucket.rows, 0)).toBe(current.length);
  });

  it("coverage counts rows and accepted rows per variable value × label × language, as the rows say", async () => {
    const seed = buildSeedDataset(2500, 9);
    await insertSeedDataset(context.engine.db, seed);
    const current = seed.rows.filter((row) => row.current);
    for (const variable of ["tone", "audience"]) {
      const matrix = await context.caller.insights.coverage({ datasetId: seed.datasetId, variable, category: "label", threshold: 1 });
      const expectedRows = tally(current, (row) => effectiveLabels(row).map((label) => JSON.stringify([row.variables[variable] ?? "", label, row.language])));
      const expectedAccepted = tally(current.filter((row) => statusOf(row) === "accepted"), (row) => effectiveLabels(row).map((label) => JSON.stringify([row.variables[variable] ?? "", label, row.language])));
      const nonEmpty = matrix.cells.filter((cell) => cell.rows > 0);
      expect(new Map(nonEmpty.map((cell) => [JSON.stringify([cell.value, cell.category, cell.language]), cell.rows]))).toEqual(expectedRows);
      for (const cell of nonEmpty) expect(cell.accepted).toBe(expectedAccepted.get(JSON.stringify([cell.value, cell.category, cell.language])) ?? 0);
      // Every combination is in the matrix, those without rows at 0.
      expect(matrix.cells).toHaveLength(matrix.values.length * matrix.columns.length);
    }
  });

  it("tops up exactly the chosen cell: that variable value, that label, that language, N rows over its distinct prompts", async () => {
    const design = supportIntentsDesign(context.engine.mock.url, {
      name: "top-up",
      languages: ["en", "fr"],
      templates: [
        "Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) in a {{tone}} tone.",
        "Write {{num_samples}} {{language}} messages sent by {{channel}} about {{label}}, {{tone}}.",
        "Write {{num_samples}} {{language}} messages about {{label}} sent by {{channel}}.",
      ],
      variables: { tone: ["angry", "polite"], channel: ["email", "chat", "phone"] },
      samplesPerPrompt: 2,
    });
    const dataset = await createDataset(context.engine.db, design);
    const launched = await launchRun(context.engine.db, context.engine.queue, dataset.id);
    expect((await waitForRun(context.engine, launched.runId, 60_000)).status).toBe("completed");

    const before = await context.caller.insights.coverage({ datasetId: dataset.id, variable: "tone", category: "label", threshold: 10 });
    expect(before.values).toEqual(["angry", "polite", ""]);
    expect(before.columns).toEqual([
      { category: "billing", language: "en" }, { category: "billing", language: "fr" }, { category: "bug", language: "en" }, { category: "bug", language: "fr" },
    ]);
    const cellOf = (matrix: typeof before, value: string, category: string, language: string) => matrix.cells.find((cell) => cell.value === value && cell.category === category && cell.language === language)!;
    // angry × bug × fr: template 1 (1 prompt) + template 2 (3 channels), 2 rows each.
    expect(cellOf(before, "angry", "bug", "fr")).toMatchObject({ rows: 8, accepted: 0, thin: true, inDesign: true });
    // Rows of the template without {{tone}} have no tone: a column of their own, never topped up.
    expect(cellOf(before, "", "bug", "fr")).toMatchObject({ rows: 6, thin: false, inDesign: false });

    const cell = { variable: "tone", value: "angry", category: "label", categoryValue: "bug", language: "fr" };
    const { runId, plannedRows } = await context.caller.insights.topUp({ datasetId: dataset.id, cell, rows: 10 });
    expect(plannedRows).toBe(10);
    const items = await context.engine.db.workItem.findMany({ where: { runId }, select: { payload: true, expectedRows: true } });
    const payloads = items.map((item) => item.payload as WorkItemPayload);
    for (const payload of payloads) {
      expect(payload).toMatchObject({ language: "fr", cell: { label: "bug" } });
      expect(payload.variables.tone).toBe("angry");
    }
    // 10 rows over the cell's 4 distinct prompts: 3 + 3 + 3 + 1.
    expect(new Set(payloads.map((payload) => payload.prompt.replace(/^Write \d+ /, ""))).size).toBe(4);
    expect(items.map((item) => item.expectedRows).sort()).toEqual([1, 3, 3, 3]);
    expect(payloads.map((payload) => payload.samples).sort()).toEqual([1, 3, 3, 3]);

    const run = await waitForRun(context.engine, runId, 60_000);
    expect(run).toMatchObject({ status: "completed", kind: "top_up", succeededRows: 10 });
    const after = await context.caller.insights.coverage({ datasetId: dataset.id, variable: "tone", category: "label", threshold: 10 });
    for (const [index, cellAfter] of after.cells.entries()) {
      const grew = cellAfter.value === "angry" && cellAfter.category === "bug" && cellAfter.language === "fr";
      expect(cellAfter.rows).toBe(before.cells[index]!.rows + (grew ? 10 : 0));
    }
    expect(cellOf(after, "angry", "bug", "fr")).toMatchObject({ rows: 18, thin: false });
  });

  it("refuses a cell outside the design", async () => {
    const dataset = await createDataset(context.engine.db, supportIntentsDesign(context.engine.mock.url, { name: "top-up-refused" }));
    const cell = { variable: "tone", value: "sleepy", category: "label", categoryValue: "bug", language: "en" };
    await expect(context.caller.insights.topUp({ datasetId: dataset.id, cell, rows: 3 })).rejects.toThrow(/"sleepy" is not a value of the variable "tone"/);
    await expect(context.caller.insights.topUp({ datasetId: dataset.id, cell: { ...cell, value: "angry", language: "de" }, rows: 3 })).rejects.toThrow(/"de" is not a language/);
    await expect(context.caller.insights.topUp({ datasetId: dataset.id, cell: { ...cell, value: "angry", categoryValue: "praise" }, rows: 3 })).rejects.toThrow(/"praise" is not a label/);
    expect(await context.engine.db.run.count({ where: { datasetId: dataset.id } })).toBe(0);
  });
});
