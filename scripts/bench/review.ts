// `npm run bench:review [-- --rows N] [--iterations I] [--quick] [--only <name part>]`: the review
// grid's server side over a large dataset. Inserts N (100,000) seeded rows with
// reviews (batched INSERTs), ANALYZEs, then times I (≥ 200) calls of each query
// through the same service functions the rows.list / rows.facets procedures
// call, and prints p50 / p95 / max per query. Target: p95 ≤ 100 ms. Own embedded
// PostgreSQL (.data/bench-review, port 54419, a fresh database per run) unless
// DATABASE_URL is set (then use a scratch database: the rows are added to it).
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./bench-database";
import type { RowFilter } from "@/lib/review/row-filter";
import { rowsListInputSchema, type RowsListInput } from "@/lib/review/rows-query";

const log = (line: string) => console.error(`[bench] ${line}`);

const { values: flags } = parseArgs({
  options: {
    rows: { type: "string" },
    iterations: { type: "string" },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const rowCount = Number(flags.rows ?? (flags.quick ? 10_000 : 100_000));
const iterations = Number(flags.iterations ?? (flags.quick ? 50 : 200));
for (const [name, value] of Object.entries({ rows: rowCount, iterations })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}
const TARGET_P95_MS = 100;
const WARMUP = 10;
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

type Outcome = { rows: number; total: number | null; estimate?: boolean };
type Case = { name: string; run: () => Promise<Outcome> };

async function main(): Promise<number> {
  const database = await openBenchDatabase({ name: "review", port: 54419, log });
  process.env.DATABASE_URL = database.url;
  const { createDb, poolOf } = await import("@/server/db");
  const { buildSeedDataset, insertSeedDataset, RARE_WORD, SEED_REVIEWERS } = await import("@/server/testing/review-rows");
  const { listRows, getRowFacets, computeRowFacets, countMatchingRows } = await import("@/server/review/service");
  const { getReviewerProgress } = await import("@/server/insights/reviewer-progress");
  const { findReviewerProgress } = await import("@/server/insights/stats-queries");
  const db = createDb(database.url);
  try {
    log(`generating ${rowCount.toLocaleString("en")} rows…`);
    const seed = buildSeedDataset(rowCount, 42);
    const insertStart = performance.now();
    await insertSeedDataset(db, seed);
    const insertMs = performance.now() - insertStart;
    log(`inserted ${rowCount.toLocaleString("en")} rows and ${seed.rows.filter((row) => row.review).length.toLocaleString("en")} reviews in ${(insertMs / 1000).toFixed(1)} s (${Math.round(rowCount / (insertMs / 1000)).toLocaleString("en")} rows/s)`);
    // What autovacuum does shortly after a bulk load: statistics, and the visibility map that index-only scans rely on.
    await poolOf(db).query("VACUUM ANALYZE rows");
    await poolOf(db).query("VACUUM ANALYZE reviews");

    const { datasetId, runIds } = seed;
    // The review page loads the facets with its first page; a count over budget is estimated from them.
    await getRowFacets(db, datasetId);
    const list = (input: Omit<RowsListInput, "datasetId">) => {
      const query = rowsListInputSchema.parse(input);
      return async () => {
        const page = await listRows(db, datasetId, query);
        return { rows: page.rows.length, total: page.total, estimate: page.totalIsEstimate };
      };
    };
    const count = (filter: RowFilter) => async () => ({ rows: 0, total: (await countMatchingRows(db, datasetId, filter)).total, estimate: false });
    const deep = Math.floor(rowCount / 2 / 50);
    const cursorAtMiddle = (await listRows(db, datasetId, rowsListInputSchema.parse({ page: deep - 1, pageSize: 50 }))).nextCursor!;
    const cursorByText = (await listRows(db, datasetId, rowsListInputSchema.parse({ page: deep - 1, pageSize: 50, sort: { field: "text", dir: "asc" } }))).nextCursor!;
    const cursorByStatus = (await listRows(db, datasetId, rowsListInputSchema.parse({ page: deep - 1, pageSize: 50, sort: { field: "status", dir: "desc" } }))).nextCursor!;

    const cases: Case[] = [
      { name: "first page (50 rows + exact count)", run: list({}) },
      { name: `page at offset ${(deep * 50).toLocaleString("en")} (page number)`, run: list({ page: deep }) },
      { name: `page after row ${(deep * 50).toLocaleString("en")} (cursor)`, run: list({ cursor: cursorAtMiddle }) },
      { name: "filter: status pending", run: list({ filter: { status: ["pending"] } }) },
      { name: "filter: status accepted", run: list({ filter: { status: ["accepted"] } }) },
      { name: "filter: label", run: list({ filter: { labels: ["billing"] } }) },
      { name: "filter: language", run: list({ filter: { languages: ["fr"] } }) },
      { name: "filter: model", run: list({ filter: { models: ["mock-2"] } }) },
      { name: "filter: run", run: list({ filter: { runIds: [runIds[1]!] } }) },
      { name: "filter: variable value", run: list({ filter: { variables: { tone: ["angry"] } } }) },
      { name: "filter: edited", run: list({ filter: { edited: true } }) },
      { name: "filter: not a duplicate", run: list({ filter: { duplicates: false } }) },
      { name: "filter: reviewer", run: list({ filter: { reviewers: [SEED_REVIEWERS[0]] } }) },
      { name: "filter: rare reviewer", run: list({ filter: { reviewers: [SEED_REVIEWERS[3]] } }) },
      { name: "filter: reviewer + status rejected", run: list({ filter: { reviewers: [SEED_REVIEWERS[2]], status: ["rejected"] } }) },
      { name: "filter: rating 5", run: list({ filter: { ratings: [5] } }) },
      { name: "filter: not rated", run: list({ filter: { rated: false } }) },
      { name: "filter: has a comment", run: list({ filter: { commented: true } }) },
      { name: "combined: pending + 2 labels + 2 languages + variable", run: list({ filter: { status: ["pending"], labels: ["bug", "billing"], languages: ["en", "de"], variables: { tone: ["polite"] } } }) },
      { name: "combined + search word", run: list({ filter: { status: ["pending"], languages: ["en"], q: "refund" } }) },
      { name: "search: common word (\"order\")", run: list({ filter: { q: "order" } }) },
      { name: `search: rare word ("${RARE_WORD}")`, run: list({ filter: { q: RARE_WORD } }) },
      { name: "search: prefix (\"deliv\")", run: list({ filter: { q: "deliv" } }) },
      { name: "search: two words (\"late refund\")", run: list({ filter: { q: "late refund" } }) },
      { name: "sort: text, first page", run: list({ sort: { field: "text", dir: "asc" } }) },
      { name: "sort: text, cursor in the middle", run: list({ sort: { field: "text", dir: "asc" }, cursor: cursorByText }) },
      { name: "sort: length desc, first page", run: list({ sort: { field: "length", dir: "desc" } }) },
      { name: "sort: status, first page", run: list({ sort: { field: "status", dir: "asc" } }) },
      { name: "sort: status desc, cursor in the middle", run: list({ sort: { field: "status", dir: "desc" }, cursor: cursorByStatus }) },
      { name: "sort: status + language filter", run: list({ filter: { languages: ["fr"] }, sort: { field: "status", dir: "asc" } }) },
      { name: "sort: label, first page", run: list({ sort: { field: "label", dir: "asc" } }) },
      { name: "sort: language desc, first page", run: list({ sort: { field: "language", dir: "desc" } }) },
      { name: "sort: model, first page", run: list({ sort: { field: "model", dir: "asc" } }) },
      { name: "sort: cost desc, first page", run: list({ sort: { field: "cost", dir: "desc" } }) },
      { name: "page of 500 rows", run: list({ pageSize: 500 }) },
      { name: "exact count (rows.count): no filter", run: count({}) },
      { name: "exact count (rows.count): status pending", run: count({ status: ["pending"] }) },
      { name: "exact count (rows.count): label", run: count({ labels: ["billing"] }) },
      { name: "exact count (rows.count): variable value", run: count({ variables: { tone: ["angry"] } }) },
      { name: "exact count (rows.count): common word", run: count({ q: "order" }) },
      { name: "exact count (rows.count): reviewer", run: count({ reviewers: [SEED_REVIEWERS[0]] }) },
      { name: "progress by reviewer (computed)", run: async () => ({ rows: (await findReviewerProgress(db, datasetId)).length, total: null }) },
      { name: "progress by reviewer (insights.reviewerProgress, cached)", run: async () => ({ rows: (await getReviewerProgress(db, datasetId)).reviewers.length, total: null }) },
      { name: "facets (computed)", run: async () => ({ rows: Object.keys((await computeRowFacets(db, datasetId)).variables).length, total: null }) },
      { name: "facets (rows.facets, cached)", run: async () => ({ rows: Object.keys((await getRowFacets(db, datasetId)).variables).length, total: null }) },
    ];

    const results: (Outcome & { name: string; estimates: number; p50: number; p95: number; max: number })[] = [];
    for (const testCase of cases.filter((entry) => !flags.only || entry.name.includes(flags.only))) {
      let last: Outcome = { rows: 0, total: null };
      let estimates = 0;
      for (let i = 0; i < WARMUP; i++) last = await testCase.run();
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        last = await testCase.run();
        times.push(performance.now() - start);
        if (last.estimate) estimates++;
      }
      times.sort((a, b) => a - b);
      const result = { name: testCase.name, ...last, estimates, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1)! };
      results.push(result);
      log(`${result.name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
    }

    const ms = (value: number) => value.toFixed(1);
    console.log(`\nReview grid, ${rowCount.toLocaleString("en")} rows, ${iterations} calls per query (after ${WARMUP} warm-up calls), server-side (service function → Postgres → rows):\n`);
    console.log("| query | rows returned | total | estimated totals | p50 ms | p95 ms | max ms | p95 ≤ 100 ms |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const r of results) {
      const total = r.total === null ? "–" : `${r.estimate ? "≈ " : ""}${r.total.toLocaleString("en")}`;
      console.log(`| ${r.name} | ${r.rows} | ${total} | ${r.estimates} of ${iterations} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.p95 <= TARGET_P95_MS ? "yes" : "**no**"} |`);
    }
    // rows.count is the deliberate slow path (the grid shows the estimate meanwhile): reported, not held to the target.
    const missed = results.filter((r) => r.p95 > TARGET_P95_MS && !r.name.startsWith("exact count"));
    console.log(missed.length ? `\n${missed.length} of ${results.length} queries missed the ${TARGET_P95_MS} ms p95 target.` : `\nEvery query met the ${TARGET_P95_MS} ms p95 target.`);
    return missed.length ? 1 : 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
