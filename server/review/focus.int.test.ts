// The focus view's reads: neighbours walk a filter in the grid's sort order
// (checked against a JS sort of the seed), and lineage tells how a row was made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createTypedDataset } from "@/server/testing/review-factory";
import { buildSeedDataset, insertSeedDataset, type SeedDataset, type SeedRow } from "@/server/testing/review-rows";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "@/server/testing/auth-context";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let seed: SeedDataset;

beforeAll(async () => {
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: { enqueue: async () => {}, submitBatches: async () => {} } }));
  seed = buildSeedDataset(1_500, 13);
  await insertSeedDataset(database.db, seed);
});

afterAll(async () => {
  await database?.drop();
});

const statusOf = (row: SeedRow) => row.review?.status ?? "pending";
const labelsOf = (row: SeedRow) => (row.review && row.review.labels.length > 0 ? row.review.labels : row.labels);
const byId = (a: SeedRow, b: SeedRow) => (a.id < b.id ? -1 : 1);

async function walk(filter: RowFilter, sort: RowSort) {
  const forward: string[] = [];
  const first = await caller.reviews.neighbours({ datasetId: seed.datasetId, filter, sort });
  let id = first.rowId;
  while (id) {
    forward.push(id);
    const at = await caller.reviews.neighbours({ datasetId: seed.datasetId, filter, sort, rowId: id });
    expect(at.rowId).toBe(id);
    expect(at.previous).toBe(forward.at(-2) ?? null);
    id = at.next;
  }
  return { forward };
}

describe("reviews.neighbours", () => {
  const cases: [string, RowFilter, RowSort, (a: SeedRow, b: SeedRow) => number][] = [
    ["label bug by creation time (ties by id)", { labels: ["bug"], languages: ["en", "de"] }, { field: "created", dir: "asc" }, (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byId(a, b)],
    ["pending French rows, longest first", { status: ["pending"], languages: ["fr"] }, { field: "length", dir: "desc" }, (a, b) => b.text.length - a.text.length || -byId(a, b)],
    ["a tone by status then id", { variables: { tone: ["sarcastic"] }, languages: ["es"] }, { field: "status", dir: "asc" }, (a, b) => statusOf(a).localeCompare(statusOf(b)) || byId(a, b)],
  ];

  it.each(cases)("walks %s forwards and backwards in the grid's order", async (_name, filter, sort, compare) => {
    const expected = seed.rows
      .filter((row) => row.current)
      .filter((row) => !filter.labels || labelsOf(row).some((label) => filter.labels!.includes(label)))
      .filter((row) => !filter.languages || filter.languages.includes(row.language))
      .filter((row) => !filter.status || filter.status.includes(statusOf(row)))
      .filter((row) => !filter.variables?.tone || filter.variables.tone.includes(row.variables.tone!))
      .sort(compare)
      .map((row) => row.id);
    expect(expected.length).toBeGreaterThan(20);
    const { forward } = await walk(filter, sort);
    expect(forward).toEqual(expected);
    const last = await caller.reviews.neighbours({ datasetId: seed.datasetId, filter, sort, rowId: expected.at(-1)! });
    expect(last).toMatchObject({ next: null, previous: expected.at(-2) });
    for (const index of [0, 7, expected.length - 1]) {
      expect(await caller.reviews.position({ datasetId: seed.datasetId, filter, sort, rowId: expected[index]! })).toEqual({ position: index + 1, total: expected.length });
    }
  });

  it("still finds the neighbours of a row that an action took out of the filter", async () => {
    const filter: RowFilter = { status: ["pending"], languages: ["pt"] };
    const sort: RowSort = { field: "created", dir: "asc" };
    const { forward } = await walk(filter, sort);
    const [a, b, c] = forward as [string, string, string];
    await database.db.dataset.update({ where: { id: seed.datasetId }, data: { design: { name: "x", type: "classification", labels: [{ name: "bug" }] } } });
    await caller.reviews.setStatus({ datasetId: seed.datasetId, rowId: b, status: "accepted" });
    const at = await caller.reviews.neighbours({ datasetId: seed.datasetId, filter, sort, rowId: b });
    expect(at).toEqual({ rowId: b, previous: a, next: c });
    expect(await caller.reviews.position({ datasetId: seed.datasetId, filter, sort, rowId: b })).toEqual({ position: null, total: forward.length - 1 });
    expect(await caller.reviews.position({ datasetId: seed.datasetId, filter, sort, rowId: c })).toEqual({ position: 2, total: forward.length - 1 });
  });

  it("answers an empty filter result and refuses an unknown row", async () => {
    expect(await caller.reviews.neighbours({ datasetId: seed.datasetId, filter: { q: "nosuchwordanywhere" } })).toEqual({ rowId: null, previous: null, next: null });
    await expect(caller.reviews.neighbours({ datasetId: seed.datasetId, rowId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(/not a row of this dataset/);
  });
});

describe("reviews.get and reviews.lineage", () => {
  it("returns the prompt, variables, model, parameters, tokens, cost, latency, run, attempts and the replaced version", async () => {
    const attempts = [
      { number: 1, step: "texts", model: "mock-1", outcome: "invalid", errorKind: "schema", message: "texts: expected 5 items, got 4", repairs: 0, latencyMs: 210 },
      { number: 2, step: "texts", model: "mock-1", outcome: "succeeded", repairs: 1, latencyMs: 190 },
    ];
    const { datasetId, runId, rowIds } = await createTypedDataset(
      database.db,
      "classification",
      { labels: [{ name: "bug" }] },
      [{ text: "The app crashes when I log in.", label: "bug", language: "en" }, { text: "The app crashes at login, every time.", label: "bug", language: "en" }],
      attempts,
    );
    const [old, regenerated] = rowIds as [string, string];
    await database.db.row.update({ where: { id: old }, data: { current: false } });
    await database.db.row.update({ where: { id: regenerated }, data: { replacesRowId: old } });

    const row = await caller.reviews.get({ datasetId, rowId: regenerated });
    expect(row).toMatchObject({ id: regenerated, data: { text: "The app crashes at login, every time." }, review: null, replacesRowId: old, current: true });

    const lineage = await caller.reviews.lineage({ datasetId, rowId: regenerated });
    expect(lineage).toMatchObject({
      prompt: "Write rows about topic 1.",
      variables: { tone: "polite" },
      language: "en",
      model: "mock-1",
      parameters: { temperature: 0.7 },
      inputTokens: 120,
      outputTokens: 80,
      reasoningTokens: 5,
      costUsd: 0.0012,
      latencyMs: 345,
      run: { id: runId, kind: "generation", status: "completed" },
      workItem: { status: "succeeded", attempts: 2 },
      replaces: { id: old, text: "The app crashes when I log in." },
      replacedBy: [],
    });
    expect(lineage.attempts.map((attempt) => [attempt.number, attempt.step, attempt.outcome, attempt.errorKind, attempt.message, attempt.repairs])).toEqual([
      [1, "texts", "invalid", "schema", "texts: expected 5 items, got 4", 0],
      [2, "texts", "succeeded", null, null, 1],
    ]);
    expect((await caller.reviews.lineage({ datasetId, rowId: old })).replacedBy).toEqual([expect.objectContaining({ id: regenerated, current: true })]);
    await expect(caller.reviews.lineage({ datasetId: seed.datasetId, rowId: old })).rejects.toThrow(/not a row of this dataset/);
  });
});
