// The review grid's API on a seeded dataset: every filter and the search return
// exactly the rows a plain JS reading of the seed says they must.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { workQueueFor } from "@/server/jobs/queue";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { buildSeedDataset, insertSeedDataset, RARE_WORD, type SeedDataset, type SeedRow } from "@/server/testing/review-rows";
import { createCaller } from "@/server/trpc/root";
import { contextAs } from "@/server/testing/auth-context";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let seed: SeedDataset;
let other: SeedDataset;

beforeAll(async () => {
  database = await createTestDatabase();
  caller = createCaller(contextAs("owner", { db: database.db, queue: workQueueFor(database.url) }));
  seed = buildSeedDataset(3_000, 7);
  other = buildSeedDataset(200, 8);
  await insertSeedDataset(database.db, seed);
  await insertSeedDataset(database.db, other);
});

afterAll(async () => {
  await database?.drop();
});

// Independent of the SQL: what each filter means, read off the seed in memory.
const statusOf = (row: SeedRow) => row.review?.status ?? "pending";
const labelsOf = (row: SeedRow) => (row.review && row.review.labels.length > 0 ? row.review.labels : row.labels);
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{M}\p{Nd}]+/u).filter(Boolean);

function matches(row: SeedRow, filter: RowFilter): boolean {
  if (!row.current) return false;
  if (filter.status?.length && !filter.status.includes(statusOf(row))) return false;
  if (filter.labels?.length && !labelsOf(row).some((label) => filter.labels!.includes(label))) return false;
  if (filter.languages?.length && !filter.languages.includes(row.language)) return false;
  if (filter.models?.length && !filter.models.includes(row.model)) return false;
  if (filter.runIds?.length && !filter.runIds.includes(row.runId)) return false;
  for (const [name, values] of Object.entries(filter.variables ?? {})) {
    if (values.length && !values.includes(row.variables[name] as string)) return false;
  }
  if (filter.edited !== undefined && filter.edited !== Boolean(row.review?.editedData)) return false;
  if (filter.duplicates !== undefined && filter.duplicates !== (row.duplicateGroup !== null)) return false;
  if (filter.q) {
    const query = wordsOf(filter.q);
    const words = wordsOf(row.text);
    const last = query.at(-1)!;
    if (!query.slice(0, -1).every((word) => words.includes(word)) || !words.some((word) => word.startsWith(last))) return false;
  }
  return true;
}

async function listAll(filter: RowFilter, sort: RowSort = { field: "created", dir: "asc" }, pageSize = 500) {
  const first = await caller.rows.list({ datasetId: seed.datasetId, filter, sort, pageSize });
  // A count that took longer than its budget comes as an estimate; rows.count has the exact one.
  const total = first.totalIsEstimate ? (await caller.rows.count({ datasetId: seed.datasetId, filter })).total : first.total;
  const rows = [...first.rows];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await caller.rows.list({ datasetId: seed.datasetId, filter, sort, pageSize, cursor });
    expect(page.total).toBeNull();
    rows.push(...page.rows);
    cursor = page.nextCursor;
  }
  return { total, rows };
}

const byCreated = (a: SeedRow, b: SeedRow) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

describe("rows.list filters", () => {
  const cases: [string, () => RowFilter][] = [
    ["no filter", () => ({})],
    ["status pending (no review counts as pending)", () => ({ status: ["pending"] })],
    ["status accepted or rejected", () => ({ status: ["accepted", "rejected"] })],
    ["label (a review's labels replace the row's)", () => ({ labels: ["billing"] })],
    ["two labels", () => ({ labels: ["bug", "praise"] })],
    ["language", () => ({ languages: ["fr"] })],
    ["model", () => ({ models: ["mock-2", "gpt-4o-mini"] })],
    ["run", () => ({ runIds: [seed.runIds[1]!] })],
    ["one variable value", () => ({ variables: { tone: ["angry"] } })],
    ["a variable some rows lack", () => ({ variables: { audience: ["kids", "experts"] } })],
    ["edited", () => ({ edited: true })],
    ["not edited", () => ({ edited: false })],
    ["near-duplicates", () => ({ duplicates: true })],
    ["not duplicates", () => ({ duplicates: false })],
    ["a common word", () => ({ q: "order" })],
    ["a rare word", () => ({ q: RARE_WORD })],
    ["a prefix", () => ({ q: "deliv" })],
    ["two words, case and punctuation ignored", () => ({ q: "Refund, LATE" })],
    ["combined", () => ({ status: ["pending"], labels: ["bug", "billing"], languages: ["en", "de"], variables: { tone: ["polite", "neutral"] }, q: "the" })],
  ];

  it.each(cases)("%s returns exactly the matching current rows of the dataset", async (_name, makeFilter) => {
    await expectMatchingRows(makeFilter());
  });

  // With the dataset's facets loaded (the filter bar always loads them) pages are planned from
  // them: walks in creation order, variable values through the index or not. Same rows either way.
  it.each(cases)("%s returns the same rows when pages are planned from the facets", async (_name, makeFilter) => {
    await caller.rows.facets({ datasetId: seed.datasetId });
    await expectMatchingRows(makeFilter());
  });

  async function expectMatchingRows(filter: RowFilter) {
    const expected = seed.rows.filter((row) => matches(row, filter)).sort(byCreated);
    const { total, rows } = await listAll(filter);
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(total).toBe(expected.length);
    expect((await caller.rows.count({ datasetId: seed.datasetId, filter })).total).toBe(expected.length);
  }

  it("has rows for the interesting cases (a filter returning nothing proves little)", () => {
    expect(seed.rows.filter((row) => matches(row, { q: RARE_WORD })).length).toBeGreaterThan(0);
    expect(seed.rows.filter((row) => matches(row, { edited: true })).length).toBeGreaterThan(5);
    expect(seed.rows.filter((row) => row.review?.labels.length && !row.review.labels.some((label) => row.labels.includes(label))).length).toBeGreaterThan(5);
    expect(seed.rows.filter((row) => !row.current).length).toBeGreaterThan(5);
    expect(seed.rows.filter((row) => matches(row, { duplicates: true })).length).toBeGreaterThan(20);
  });

  it("returns each row with its review and, when searching, a snippet with the matches marked", async () => {
    const { rows } = await listAll({ q: "refund late" });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const source = seed.rows.find((candidate) => candidate.id === row.id)!;
      expect(row.review.status).toBe(statusOf(source));
      expect(row.labels).toEqual(source.labels);
      const marked = row.snippet!.matches.map((range) => row.snippet!.text.slice(range.start, range.end).toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((word) => word === "refund" || word.startsWith("late"))).toBe(true);
    }
    const plain = await caller.rows.list({ datasetId: seed.datasetId, pageSize: 1 });
    expect(plain.rows[0]!.snippet).toBeNull();
  });

  it("never returns another dataset's rows", async () => {
    const ids = new Set(other.rows.map((row) => row.id));
    const { rows } = await listAll({});
    expect(rows.some((row) => ids.has(row.id))).toBe(false);
  });
});

describe("rows.list sorting and pagination", () => {
  const sorts: [RowSort, (a: SeedRow, b: SeedRow) => number][] = [
    [{ field: "created", dir: "desc" }, (a, b) => -byCreated(a, b)],
    [{ field: "length", dir: "desc" }, (a, b) => b.text.length - a.text.length || (a.id < b.id ? 1 : -1)],
    [{ field: "cost", dir: "asc" }, (a, b) => a.costUsd - b.costUsd || (a.id < b.id ? -1 : 1)],
    [{ field: "status", dir: "asc" }, (a, b) => statusOf(a).localeCompare(statusOf(b)) || (a.id < b.id ? -1 : 1)],
    [{ field: "status", dir: "desc" }, (a, b) => statusOf(b).localeCompare(statusOf(a)) || (a.id < b.id ? 1 : -1)],
    [{ field: "language", dir: "desc" }, (a, b) => b.language.localeCompare(a.language) || (a.id < b.id ? 1 : -1)],
    [{ field: "label", dir: "asc" }, (a, b) => labelsOf(a)[0]!.localeCompare(labelsOf(b)[0]!) || (a.id < b.id ? -1 : 1)],
    [{ field: "label", dir: "desc" }, (a, b) => labelsOf(b)[0]!.localeCompare(labelsOf(a)[0]!) || (a.id < b.id ? 1 : -1)],
  ];

  it.each(sorts)("sorts by %o, ties by id, across cursor pages", async (sort, compare) => {
    const expected = seed.rows.filter((row) => row.current && row.language !== "pt").sort(compare);
    const { rows } = await listAll({ languages: ["en", "fr", "de", "es"] }, sort, 173);
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it.each<RowSort>([
    { field: "status", dir: "desc" },
    { field: "label", dir: "asc" },
  ])("sorted by %o, pages by number give the rows the cursor pages give, across branch boundaries", async (sort) => {
    const filter: RowFilter = { languages: ["en", "fr"] };
    const byCursor = (await listAll(filter, sort, 9)).rows.map((row) => row.id);
    const byPage: string[] = [];
    for (let page = 0; ; page++) {
      const answer = await caller.rows.list({ datasetId: seed.datasetId, filter, sort, page, pageSize: 9 });
      byPage.push(...answer.rows.map((row) => row.id));
      if (answer.rows.length < 9) break;
    }
    const keyOf = (row: SeedRow) => (sort.field === "status" ? statusOf(row) : labelsOf(row)[0]);
    expect(new Set(byCursor.map((id) => keyOf(seed.rows.find((row) => row.id === id)!))).size).toBeGreaterThan(1);
    expect(byPage).toEqual(byCursor);
  });

  it("pages by number and by cursor give the same rows, with no row twice, although 10 rows share each creation time", async () => {
    const filter: RowFilter = { labels: ["bug"] };
    const byCursor = (await listAll(filter, { field: "created", dir: "asc" }, 7)).rows.map((row) => row.id);
    const byPage: string[] = [];
    for (let page = 0; ; page++) {
      const answer = await caller.rows.list({ datasetId: seed.datasetId, filter, page, pageSize: 7 });
      byPage.push(...answer.rows.map((row) => row.id));
      if (answer.rows.length < 7) break;
    }
    expect(byCursor).toEqual(byPage);
    expect(new Set(byCursor).size).toBe(byCursor.length);
    expect(byCursor).toEqual(seed.rows.filter((row) => matches(row, filter)).sort(byCreated).map((row) => row.id));
  });

  it("refuses a cursor made for another sort, and a page larger than 500", async () => {
    const first = await caller.rows.list({ datasetId: seed.datasetId, pageSize: 5 });
    await expect(caller.rows.list({ datasetId: seed.datasetId, pageSize: 5, cursor: first.nextCursor!, sort: { field: "cost", dir: "asc" } })).rejects.toThrow(/another sort order/);
    await expect(caller.rows.list({ datasetId: seed.datasetId, cursor: "garbage" })).rejects.toThrow(/cursor is not valid/);
    await expect(caller.rows.list({ datasetId: seed.datasetId, pageSize: 501 })).rejects.toThrow();
  });
});

describe("rows.facets", () => {
  function countBy(values: string[]) {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return Object.fromEntries(counts);
  }
  const asRecord = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.map((facet) => [facet.value, facet.count]));

  it("counts every value of every filter over the current rows", async () => {
    const current = seed.rows.filter((row) => row.current);
    const facets = await caller.rows.facets({ datasetId: seed.datasetId });
    expect(facets.total).toBe(current.length);
    expect(asRecord(facets.statuses)).toEqual(countBy(current.map(statusOf)));
    expect(asRecord(facets.labels)).toEqual(countBy(current.flatMap(labelsOf)));
    expect(asRecord(facets.languages)).toEqual(countBy(current.map((row) => row.language)));
    expect(asRecord(facets.models)).toEqual(countBy(current.map((row) => row.model)));
    expect(asRecord(facets.runs)).toEqual(countBy(current.map((row) => row.runId)));
    expect(facets.runs.map((run) => run.value)).toEqual(seed.runIds);
    expect(Object.keys(facets.variables).sort()).toEqual(["audience", "tone"]);
    expect(asRecord(facets.variables.tone!)).toEqual(countBy(current.map((row) => row.variables.tone!)));
    expect(asRecord(facets.variables.audience!)).toEqual(countBy(current.flatMap((row) => (row.variables.audience ? [row.variables.audience] : []))));
    expect(facets.edited).toBe(current.filter((row) => row.review?.editedData).length);
    expect(facets.duplicates).toBe(current.filter((row) => row.duplicateGroup !== null).length);
    // Most frequent first.
    expect(facets.labels.map((facet) => facet.count)).toEqual([...facets.labels.map((facet) => facet.count)].sort((a, b) => b - a));
  });

  it("answers from its cache until a review changes the dataset", async () => {
    const before = await caller.rows.facets({ datasetId: seed.datasetId });
    const target = seed.rows.find((row) => row.current && !row.review)!;
    await database.db.review.create({ data: { rowId: target.id, datasetId: seed.datasetId, status: "accepted", labels: [] } });
    target.review = { status: "accepted", labels: [], editedData: null };
    const after = await caller.rows.facets({ datasetId: seed.datasetId });
    const accepted = (facets: typeof before) => facets.statuses.find((facet) => facet.value === "accepted")!.count;
    expect(accepted(after)).toBe(accepted(before) + 1);
  });
});
