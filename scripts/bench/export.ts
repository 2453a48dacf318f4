// `npm run bench:export [-- --rows N | --quick]`: the streamed downloads over a
// large dataset. Seeds N (100,000) reviewed classification rows with batched
// INSERTs, then exports them in each format (multi-label, so `labels` is a list
// column, plus every lineage column and a split column) through the same pipeline the route
// and the CLI use, into a sink that only counts bytes. Prints rows/s, the peak RSS
// sampled every 50 ms during each export, and the RSS at 25 / 50 / 75 / 100 % of
// the rows (and the live heap after a full GC there): flat means no growth from 25 %
// to 100 %. Every format runs --rounds (2) times in the same process. Own embedded PostgreSQL
// (.data/bench-export, port 54429, a fresh database per run) unless DATABASE_URL
// is set (then use a scratch database: the rows are added to it).
import { spawn } from "node:child_process";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./bench-database";
import { exportFormats, lineageColumnNames, type ExportFormat } from "@/lib/exports/export-options";
import { mb, memoryLine } from "./engine-parts";

const log = (line: string) => console.error(`[bench] ${line}`);

const { values: flags } = parseArgs({ options: { rows: { type: "string" }, rounds: { type: "string" }, quick: { type: "boolean", default: false }, "seed-into": { type: "string" } } });
const rowCount = Number(flags.rows ?? (flags.quick ? 10_000 : 100_000));
if (!Number.isInteger(rowCount) || rowCount < 1) throw new Error("--rows must be a positive whole number");
/** Each format is exported `rounds` times: a fresh process's first export also grows V8's heap to its working size. */
const rounds = Number(flags.rounds ?? 2);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive whole number");
/** Counts what it is given and keeps none of it: the network or a disk, minus their cost. */
function countingSink() {
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

/**
 * The rows are made and inserted by a child process (this script with --seed-into), so
 * the memory measured here is the export's, not that of 100,000 seed rows built in memory.
 */
function seedInChild(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--seed-into", url, "--rows", String(rowCount)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`seeding failed (exit ${code})`))));
  });
}

async function seedOnly(url: string): Promise<number> {
  const { createDb, poolOf } = await import("@/server/db");
  const { buildSeedDataset, insertSeedDataset } = await import("@/server/testing/review-rows");
  const db = createDb(url);
  try {
    log(`generating ${rowCount.toLocaleString("en")} rows…`);
    const seed = buildSeedDataset(rowCount, 42);
    const insertStart = performance.now();
    await insertSeedDataset(db, seed);
    log(`inserted in ${((performance.now() - insertStart) / 1000).toFixed(1)} s`);
    await poolOf(db).query("VACUUM ANALYZE rows");
    await poolOf(db).query("VACUUM ANALYZE reviews");
    // Expansion variables in the design, so the "variables" lineage columns exist; multi-label, so `labels` is a list column.
    await poolOf(db).query(`UPDATE datasets SET design = design || '{"variables": {"tone": [], "audience": []}, "multiLabel": true}'::jsonb WHERE id = $1`, [seed.datasetId]);
    process.stdout.write(`${seed.datasetId}\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

type Result = { round: number; format: ExportFormat; rows: number; bytes: number; seconds: number; baseline: number; peak: number; marks: number[]; heaps: number[] };

async function main(): Promise<number> {
  const database = await openBenchDatabase({ name: "export", port: 54429, log });
  process.env.DATABASE_URL = database.url;
  const { createDb, poolOf } = await import("@/server/db");
  const { exportChunks, prepareExport } = await import("@/server/exports/service");
  const db = createDb(database.url);
  try {
    const datasetId = await seedInChild(database.url);
    const gc = (globalThis as { gc?: () => void }).gc;
    const results: Result[] = [];
    for (const [round, format] of Array.from({ length: rounds }, (_, index) => exportFormats.map((name) => [index + 1, name] as const)).flat()) {
      gc?.();
      const baseline = process.memoryUsage.rss();
      let peak = baseline;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
      const marks: number[] = [];
      const heaps: number[] = [];
      // At each mark: the RSS, then what the heap really holds after a full GC (package.json runs this with --expose-gc).
      const mark = () => {
        marks.push(process.memoryUsage.rss());
        gc?.();
        heaps.push(process.memoryUsage().heapUsed);
      };
      const expected = await poolOf(db).query<{ count: number }>("SELECT count(*)::int AS count FROM rows WHERE dataset_id = $1 AND current", [datasetId]);
      const total = expected.rows[0]!.count;
      const targets = [0.25, 0.5, 0.75].map((share) => Math.ceil(total * share));
      let rows = 0;
      const onRow = () => {
        rows++;
        if (rows === targets[marks.length]) mark();
      };
      const prepared = await prepareExport(db, datasetId, { format, lineage: [...lineageColumnNames], split: { testShare: 0.1, seed: 42, as: "column" } });
      const sink = countingSink();
      const start = performance.now();
      await pipeline(Readable.from(exportChunks(db, prepared, null, onRow)), sink);
      const seconds = (performance.now() - start) / 1000;
      mark();
      clearInterval(timer);
      peak = Math.max(peak, ...marks);
      results.push({ round, format, rows, bytes: sink.bytes, seconds, baseline, peak, marks, heaps });
      log(`round ${round}, ${format}: ${rows.toLocaleString("en")} rows, ${mb(sink.bytes)} in ${seconds.toFixed(1)} s; ${memoryLine()}`);
    }

    console.log(`\nExport of ${rowCount.toLocaleString("en")} seeded multi-label rows (all lineage columns + a split column), this process's memory:\n`);
    console.log("| round | format | rows | file | seconds | rows/s | RSS before | RSS at 25 / 50 / 75 / 100 % | peak RSS | RSS growth 25 → 100 % | live heap after GC at 25 / 50 / 75 / 100 % |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of results) {
      const growth = ((r.marks.at(-1)! - r.marks[0]!) / r.marks[0]!) * 100;
      console.log(
        `| ${r.round} | ${r.format} | ${r.rows.toLocaleString("en")} | ${mb(r.bytes)} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds).toLocaleString("en")} | ${mb(r.baseline)} | ${r.marks.map(mb).join(" / ")} | ${mb(r.peak)} | ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} % | ${gc ? r.heaps.map(mb).join(" / ") : "n/a (run with --expose-gc)"} |`,
      );
    }
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

(flags["seed-into"] ? seedOnly(flags["seed-into"]) : main()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
