// "Reviewed by", rating and comment filters through the API: each returns exactly
// the rows a plain JS reading of the seed says, the facets count the same, bulk
// actions and regeneration apply to exactly those rows, and per-reviewer progress
// adds up from the rows themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RowFilter } from "@/lib/review/row-filter";
import { workQueueFor } from "@/server/jobs/queue";
import { contextAs } from "@/server/testing/auth-context";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { buildSeedDataset, insertSeedDataset, SEED_REVIEWERS, type SeedDataset, type SeedRow } from "@/server/testing/review-rows";
import { createCaller } from "@/server/trpc/root";

let database: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let anaCaller: ReturnType<typeof createCaller>;
let seed: SeedDataset;

beforeAll(async () => {
  database = await createTestDatabase();
  const base = { db: database.db, queue: workQueueFor(database.url) };
  caller = createCaller(contextAs("owner", base));
  anaCaller = createCaller(contextAs("annotator", base));
  seed = buildSeedDataset(3_000, 11);
  await insertSeedDataset(database.db, seed);
  // Another dataset reviewed by the same people: never counted or returned here.
  await insertSeedDataset(database.db, buildSeedDataset(300, 12));
});

afterAll(async () => {
  await database?.drop();
});

// Independent of the SQL: what each condition means, read off the seed in memory.
const statusOf = (row: SeedRow) => row.review?.status ?? "pending";
/** Pending rows have no reviewer, whoever last touched their review. */
const reviewerOf = (row: SeedRow) => (statusOf(row) === "pending" ? null : (row.review?.reviewer ?? null));
const ratingOf = (row: SeedRow) => row.review?.rating ?? null;
const commentedOf = (row: SeedRow) => Boolean(row.review?.comment);

function matches(row: SeedRow, filter: RowFilter): boolean {
  if (!row.current) return false;
  if (filter.status?.length && !filter.status.includes(statusOf(row))) return false;
  if (filter.languages?.length && !filter.languages.includes(row.language)) return false;
  if (filter.reviewers?.length && !filter.reviewers.includes(reviewerOf(row) ?? "")) return false;
  if (filter.ratings?.length && !filter.ratings.includes(ratingOf(row) ?? 0)) return false;
  if (filter.rated !== undefined && filter.rated !== (ratingOf(row) !== null)) return false;
  if (filter.commented !== undefined && filter.commented !== commentedOf(row)) return false;
  return true;
}

const byCreated = (a: SeedRow, b: SeedRow) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

async function listAll(datasetId: string, filter: RowFilter) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.rows.list({ datasetId, filter, pageSize: 500, cursor });
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe("reviewer, rating and comment filters", () => {
  const cases: [string, RowFilter][] = [
    ["one reviewer", { reviewers: ["Ana Annotator"] }],
    ["a person and answers pulled from Argilla", { reviewers: ["Eddie Editor", "argilla:ben"] }],
    ["a rare reviewer", { reviewers: ["Rita Rare"] }],
    ["nobody by that name", { reviewers: ["Nobody"] }],
    ["rating 5", { ratings: [5] }],
    ["rating 1 or 2", { ratings: [1, 2] }],
    ["any rating", { rated: true }],
    ["not rated (rows without a review included)", { rated: false }],
    ["has a comment", { commented: true }],
    ["no comment", { commented: false }],
    ["combined with status and language", { reviewers: ["Ana Annotator", "Rita Rare"], status: ["accepted"], rated: true, languages: ["en", "fr"] }],
    ["a reviewer asked for pending rows (none: pending rows have no reviewer)", { reviewers: ["Ana Annotator"], status: ["pending"] }],
  ];

  it("has rows for the interesting cases (a filter returning nothing proves little)", () => {
    const current = seed.rows.filter((row) => row.current);
    for (const reviewer of SEED_REVIEWERS) expect(current.filter((row) => reviewerOf(row) === reviewer).length).toBeGreaterThan(reviewer === "Rita Rare" ? 2 : 50);
    // Pending reviews that name someone: the filter must leave them out.
    expect(current.filter((row) => statusOf(row) === "pending" && row.review?.reviewer === "Ana Annotator").length).toBeGreaterThan(10);
    // Ratings and comments on pending rows: found by rating and comment, not by reviewer.
    expect(current.filter((row) => statusOf(row) === "pending" && ratingOf(row) !== null).length).toBeGreaterThan(10);
    expect(current.filter((row) => commentedOf(row)).length).toBeGreaterThan(50);
    expect(current.filter((row) => matches(row, cases[10]![1])).length).toBeGreaterThan(5);
  });

  it.each(cases)("%s returns exactly the matching current rows, in pages and in the count", async (_name, filter) => {
    const expected = seed.rows.filter((row) => matches(row, filter)).sort(byCreated).map((row) => row.id);
    expect(await listAll(seed.datasetId, filter)).toEqual(expected);
    expect((await caller.rows.count({ datasetId: seed.datasetId, filter })).total).toBe(expected.length);
  });

  it.each(cases)("%s returns the same rows when pages are planned from the facets", async (_name, filter) => {
    await caller.rows.facets({ datasetId: seed.datasetId });
    const expected = seed.rows.filter((row) => matches(row, filter)).sort(byCreated).map((row) => row.id);
    expect(await listAll(seed.datasetId, filter)).toEqual(expected);
  });

  it("refuses a rating outside 1–5 and an empty reviewer name, saying why", async () => {
    await expect(caller.rows.list({ datasetId: seed.datasetId, filter: { ratings: [6] } })).rejects.toThrow(/a rating is a whole number from 1 to 5/);
    await expect(caller.rows.list({ datasetId: seed.datasetId, filter: { ratings: [2.5] } })).rejects.toThrow(/a rating is a whole number from 1 to 5/);
    await expect(caller.rows.list({ datasetId: seed.datasetId, filter: { reviewers: [""] } })).rejects.toThrow(/a reviewer's name cannot be empty/);
  });
});

function tally(values: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
const asRecord = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.map((facet) => [facet.value, facet.count]));

describe("facets", () => {
  it("count each reviewer's accepted and rejected rows, each rating, rated and commented rows", async () => {
    const current = seed.rows.filter((row) => row.current);
    const facets = await caller.rows.facets({ datasetId: seed.datasetId });
    expect(asRecord(facets.reviewers)).toEqual(tally(current.map(reviewerOf)));
    expect(facets.reviewers.map((facet) => facet.count)).toEqual([...facets.reviewers.map((facet) => facet.count)].sort((a, b) => b - a));
    expect(asRecord(facets.ratings)).toEqual(tally(current.map((row) => (ratingOf(row) === null ? null : String(ratingOf(row))))));
    expect(facets.ratings.map((facet) => facet.value)).toEqual(["5", "4", "3", "2", "1"]);
    expect(facets.rated).toBe(current.filter((row) => ratingOf(row) !== null).length);
    expect(facets.commented).toBe(current.filter(commentedOf).length);
  });
});

describe("actions on a reviewer filter", () => {
  let bulkSeed: SeedDataset;
  const reviewsOf = async (datasetId: string) =>
    new Map((await database.db.review.findMany({ where: { datasetId }, select: { rowId: true, status: true, reviewer: true, rating: true, comment: true, labels: true } })).map(({ rowId, ...state }) => [rowId, state]));

  beforeAll(async () => {
    bulkSeed = buildSeedDataset(2_000, 13);
    await insertSeedDataset(database.db, bulkSeed);
  });

  it("a bulk reject on 'reviewed by' touches exactly those rows, and regeneration would take the same ones", async () => {
    const filter: RowFilter = { reviewers: ["Eddie Editor"], status: ["accepted"] };
    const expected = new Set(bulkSeed.rows.filter((row) => matches(row, filter)).map((row) => row.id));
    expect(expected.size).toBeGreaterThan(20);
    expect((await caller.reviews.bulkCount({ datasetId: bulkSeed.datasetId, target: { filter } })).count).toBe(expected.size);
    expect((await caller.insights.regenerationEstimate({ datasetId: bulkSeed.datasetId, filter })).rows).toBe(expected.size);
    const before = await reviewsOf(bulkSeed.datasetId);
    const progressOf = async (reviewer: string) => (await caller.insights.reviewerProgress({ datasetId: bulkSeed.datasetId })).reviewers.find((entry) => entry.reviewer === reviewer);
    const anaProgress = await progressOf("Ana Annotator");

    const bulk = await anaCaller.reviews.bulk({ datasetId: bulkSeed.datasetId, target: { filter }, action: { kind: "reject" } });
    expect(bulk.count).toBe(expected.size);

    const after = await reviewsOf(bulkSeed.datasetId);
    for (const row of bulkSeed.rows) {
      if (expected.has(row.id)) expect(after.get(row.id)).toEqual({ ...before.get(row.id), status: "rejected", reviewer: "Ana Annotator" });
      else expect(after.get(row.id)).toEqual(before.get(row.id));
    }
    // Those rows are Ana's now; Eddie keeps only his rejections.
    expect(await caller.rows.count({ datasetId: bulkSeed.datasetId, filter })).toMatchObject({ total: 0 });
    const facets = await caller.rows.facets({ datasetId: bulkSeed.datasetId });
    const current = bulkSeed.rows.filter((row) => row.current);
    const anaBefore = current.filter((row) => reviewerOf(row) === "Ana Annotator").length;
    expect(asRecord(facets.reviewers)["Ana Annotator"]).toBe(anaBefore + expected.size);
    // Progress per reviewer follows at once (its cache notices the reviews changed).
    expect(await progressOf("Ana Annotator")).toMatchObject({ reviewed: anaProgress!.reviewed + expected.size, rejected: anaProgress!.rejected + expected.size, accepted: anaProgress!.accepted });
    expect(asRecord(facets.reviewers)["Eddie Editor"]).toBe(current.filter((row) => reviewerOf(row) === "Eddie Editor" && statusOf(row) === "rejected").length);
  });

  it("a rating alone names no reviewer; accepting the row does", async () => {
    const row = bulkSeed.rows.find((candidate) => candidate.current && !candidate.review)!;
    await anaCaller.reviews.rate({ datasetId: bulkSeed.datasetId, rowId: row.id, rating: 2 });
    await anaCaller.reviews.comment({ datasetId: bulkSeed.datasetId, rowId: row.id, comment: "Too stiff." });
    const ids = async (filter: RowFilter) => listAll(bulkSeed.datasetId, filter);
    expect(await ids({ reviewers: ["Ana Annotator"] })).not.toContain(row.id);
    expect(await ids({ ratings: [2], commented: true, status: ["pending"] })).toContain(row.id);
    await anaCaller.reviews.setStatus({ datasetId: bulkSeed.datasetId, rowId: row.id, status: "accepted" });
    expect(await ids({ reviewers: ["Ana Annotator"], ratings: [2] })).toContain(row.id);
  });
});

describe("review progress per reviewer", () => {
  it("counts each person's accepted, rejected and edited rows and their mean rating, from the rows themselves", async () => {
    const current = seed.rows.filter((row) => row.current && reviewerOf(row) !== null);
    const expected = SEED_REVIEWERS.map((reviewer) => {
      const rows = current.filter((row) => reviewerOf(row) === reviewer);
      const ratings = rows.map(ratingOf).filter((rating) => rating !== null);
      return {
        reviewer,
        reviewed: rows.length,
        accepted: rows.filter((row) => statusOf(row) === "accepted").length,
        rejected: rows.filter((row) => statusOf(row) === "rejected").length,
        edited: rows.filter((row) => row.review?.editedData).length,
        rated: ratings.length,
        meanRating: ratings.length ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length : null,
      };
    }).sort((a, b) => b.reviewed - a.reviewed || a.reviewer.localeCompare(b.reviewer));

    const { reviewers } = await caller.insights.reviewerProgress({ datasetId: seed.datasetId });
    expect(reviewers.map(({ meanRating, ...rest }) => ({ ...rest, meanRating: meanRating === null ? null : Number(meanRating.toFixed(9)) }))).toEqual(
      expected.map(({ meanRating, ...rest }) => ({ ...rest, meanRating: meanRating === null ? null : Number(meanRating.toFixed(9)) })),
    );
    // Everyone's reviewed rows add up to the dataset's.
    const progress = await caller.insights.progress({ datasetId: seed.datasetId });
    const unnamed = seed.rows.filter((row) => row.current && statusOf(row) !== "pending" && !row.review?.reviewer).length;
    expect(reviewers.reduce((sum, entry) => sum + entry.reviewed, 0) + unnamed).toBe(progress.reviewed);
  });

  it("is open to annotators and empty for a dataset nobody reviewed", async () => {
    const fresh = buildSeedDataset(20, 14);
    for (const row of fresh.rows) row.review = null;
    await insertSeedDataset(database.db, fresh);
    expect(await anaCaller.insights.reviewerProgress({ datasetId: fresh.datasetId })).toEqual({ reviewers: [] });
  });
});
