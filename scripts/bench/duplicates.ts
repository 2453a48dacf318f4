// `npm run bench:duplicates [-- --rows N] [--quick] [--trgm-timeout S]`: near-duplicate
// detection over a large dataset. Inserts N (100,000) seeded rows (about 3 % planted
// near-duplicates), then times (1) the scan as the worker runs it (read every current
// row in pages, MinHash-sign, LSH-group, save the groups) with its phases apart, and
// (2) the alternative, a pg_trgm similarity self-join over a trigram GIN index, cut off
// after --trgm-timeout seconds (default 120). Prints recall of the planted groups.
// Own embedded PostgreSQL (.data/bench-duplicates, port 54423, a fresh database per
// run) unless DATABASE_URL is set (then use a scratch database: rows are added to it).
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDatabase, PROJECT_ROOT } from "@/scripts/database/ensure-database";

const log = (line: string) => console.error(`[bench] ${line}`);

const { values: flags } = parseArgs({
  options: {
    rows: { type: "string" },
    quick: { type: "boolean", default: false },
    "trgm-timeout": { type: "string" },
  },
});
const rowCount = Number(flags.rows ?? (flags.quick ? 10_000 : 100_000));
const trgmTimeoutSeconds = Number(flags["trgm-timeout"] ?? 120);
if (!Number.isInteger(rowCount) || rowCount < 1) throw new Error("--rows must be a positive whole number");
const THRESHOLD = 0.7;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const external = process.env.DATABASE_URL || undefined;
  const database = await ensureDatabase({ databaseUrl: external, dataDir: path.join(PROJECT_ROOT, ".data", "bench-duplicates"), port: 54423, database: `bench_duplicates_${Date.now().toString(36)}`, log });
  process.env.DATABASE_URL = database.url;
  const { createDb, poolOf } = await import("@/server/db");
  const { buildSeedDataset, insertSeedDataset } = await import("@/server/testing/review-rows");
  const { MinHashIndex } = await import("@/lib/insights/minhash");
  const { runDuplicateScan } = await import("@/server/insights/duplicates");
  const { createScan, saveScanGroups } = await import("@/server/insights/duplicate-queries");
  const db = createDb(database.url);
  const pool = poolOf(db);
  try {
    log(`generating and inserting ${rowCount.toLocaleString("en")} rows…`);
    const seed = buildSeedDataset(rowCount, 42);
    await insertSeedDataset(db, seed);
    await pool.query("VACUUM ANALYZE rows");
    const { datasetId } = seed;
    const current = seed.rows.filter((row) => row.current);
    // Planted rows whose group still has another current row: a copy of a replaced row has nothing to match.
    const perGroup = new Map<number, number>();
    for (const row of current) if (row.duplicateGroup !== null) perGroup.set(row.duplicateGroup, (perGroup.get(row.duplicateGroup) ?? 0) + 1);
    const planted = new Set(current.filter((row) => row.duplicateGroup !== null && perGroup.get(row.duplicateGroup)! >= 2).map((row) => row.id));
    log(`${current.length.toLocaleString("en")} current rows, ${planted.size.toLocaleString("en")} of them in planted near-duplicate groups`);

    // The scan's phases, measured apart on the same data.
    const readStart = performance.now();
    const { rows: texts } = await pool.query<{ id: string; text: string }>("SELECT id, text FROM rows WHERE dataset_id = $1 AND current ORDER BY id", [datasetId]);
    const readMs = performance.now() - readStart;
    const signStart = performance.now();
    const index = new MinHashIndex(undefined, texts.length);
    for (const row of texts) index.add(row.text);
    const signMs = performance.now() - signStart;
    const groupStart = performance.now();
    const groups = index.groups(THRESHOLD);
    const groupMs = performance.now() - groupStart;

    // The scan end to end, as the worker's job runs it (pages, progress, saving the groups).
    const scan = await createScan(db, datasetId, THRESHOLD);
    const scanStart = performance.now();
    await runDuplicateScan(db, scan.id);
    const scanMs = performance.now() - scanStart;
    const { rows: found } = await pool.query<{ id: string }>("SELECT id FROM rows WHERE dataset_id = $1 AND current AND duplicate_group_id IS NOT NULL", [datasetId]);
    const flagged = new Set(found.map((row) => row.id));
    const recall = [...planted].filter((id) => flagged.has(id)).length / Math.max(1, planted.size);
    const extra = [...flagged].filter((id) => !planted.has(id)).length;
    log(`MinHash (128 hashes, word bigrams, 32 bands × 4) + LSH, threshold ${THRESHOLD}:`);
    log(`  read ${seconds(readMs)}, sign ${seconds(signMs)}, group ${seconds(groupMs)} (${groups.length.toLocaleString("en")} groups)`);
    // Saving alone: the same groups written again (old groups deleted, rows re-pointed).
    const saveStart = performance.now();
    await saveScanGroups(db, scan.id, datasetId, groups.map((group) => ({ rowIds: group.members.map((member) => texts[member]!.id), similarity: group.similarity })));
    const saveMs = performance.now() - saveStart;
    log(`  whole scan (paged reads, progress, saving groups): ${seconds(scanMs)}, of which saving ${seconds(saveMs)}; recall of planted rows ${(recall * 100).toFixed(1)} %, ${extra} rows flagged beyond them`);

    // The alternative: pg_trgm trigram similarity.
    await pool.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const indexStart = performance.now();
    await pool.query("CREATE INDEX IF NOT EXISTS bench_rows_text_trgm ON rows USING gin (text gin_trgm_ops)");
    const indexMs = performance.now() - indexStart;
    const client = await pool.connect();
    try {
      await client.query(`SET statement_timeout = ${trgmTimeoutSeconds * 1000}`);
      await client.query(`SET pg_trgm.similarity_threshold = ${THRESHOLD}`);
      const joinStart = performance.now();
      try {
        const { rows } = await client.query<{ pairs: number }>(
          `SELECT count(*)::int AS pairs FROM rows a JOIN rows b ON b.text % a.text AND b.id > a.id AND b.dataset_id = a.dataset_id AND b.current
            WHERE a.dataset_id = $1 AND a.current`,
          [datasetId],
        );
        log(`pg_trgm: GIN index ${seconds(indexMs)}, self-join ${seconds(performance.now() - joinStart)} (${rows[0]!.pairs.toLocaleString("en")} pairs)`);
      } catch (error) {
        log(`pg_trgm: GIN index ${seconds(indexMs)}, self-join did not finish within ${trgmTimeoutSeconds} s (${(error as Error).message})`);
      }
    } finally {
      client.release();
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
