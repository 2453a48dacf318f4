// `npm run bench:engine [-- --rows N | --quick] [--samples S] [--workers W] [--concurrency C] [--mock-latency-ms L] [--memory-trace]`:
// engine overhead with an instant model. A classification run through the real
// engine (createDataset → launchRun → pg-boss → worker → mock LLM → commit),
// rows/s persisted from the first row to the last, against a raw batched
// INSERT of as many rows into the same table; and the process's RSS along the
// way (flat for --rows 100000). Self-contained: its own embedded PostgreSQL
// (.data/bench-engine-postgres, port 54369, a fresh database per run) unless
// DATABASE_URL is set (then use a scratch database).
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDatabase, PROJECT_ROOT } from "@/scripts/database/ensure-database";
import { dropBenchDatabases, engineBenchDesign, mb, memoryLine, rawInsert, sampleRss, startMockProcess } from "./engine-parts";

const log = (line: string) => console.error(`[bench] ${line}`);

const { values: flags } = parseArgs({
  options: {
    rows: { type: "string" },
    quick: { type: "boolean", default: false },
    samples: { type: "string", default: "10" },
    workers: { type: "string", default: "1" },
    concurrency: { type: "string", default: "128" },
    "batch-size": { type: "string", default: "64" },
    /** The mock's delay before each answer: every item then waits on the network, as with a real model. */
    "mock-latency-ms": { type: "string", default: "0" },
    /** Logs the engine process's memory every second of the measured run. */
    "memory-trace": { type: "boolean", default: false },
  },
});
const rows = Number(flags.rows ?? (flags.quick ? 2_000 : 20_000));
const samples = Number(flags.samples);
const workers = Number(flags.workers);
const concurrency = Number(flags.concurrency);
const batchSize = Number(flags["batch-size"]);
const mockLatencyMs = Number(flags["mock-latency-ms"]);
if (!Number.isInteger(mockLatencyMs) || mockLatencyMs < 0) throw new Error("--mock-latency-ms must be a whole number ≥ 0");
for (const [name, value] of Object.entries({ rows, samples, workers, concurrency, "batch-size": batchSize })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

const TARGET_ROWS_PER_S = 1_000;
const TARGET_SHARE_OF_RAW = 0.5;

function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function main(): Promise<number> {
  const external = process.env.DATABASE_URL || undefined;
  const name = `bench_engine_${Date.now().toString(36)}`;
  const database = await ensureDatabase({ databaseUrl: external, dataDir: path.join(PROJECT_ROOT, ".data", "bench-engine-postgres"), port: 54369, database: name, log });
  if (!external) await dropBenchDatabases(adminUrlOf(database.url), name);
  process.env.DATABASE_URL = database.url;
  process.env.MOCK_API_KEY ??= "bench";

  const mock = await startMockProcess(mockLatencyMs);
  const { createDb } = await import("@/server/db");
  const { startWorker } = await import("@/server/jobs/worker");
  const { createBoss, enqueueWorkItems } = await import("@/server/jobs/queue");
  const { createDataset } = await import("@/server/datasets/service");
  const { launchRun } = await import("@/server/generation/service");
  const db = createDb(database.url);
  const sender = createBoss(database.url);
  sender.on("error", (error: Error) => log(`queue: ${error.message}`));
  await sender.start();
  const started = await Promise.all(
    Array.from({ length: workers }, () => startWorker({ db: workers === 1 ? db : createDb(database.url), connectionString: database.url, batchSize, concurrency, timeoutMs: 30_000, log })),
  );
  const queue = { enqueue: (ids: string[]) => enqueueWorkItems(sender, ids) };
  const rss = sampleRss();

  const runOnce = async (count: number, milestones: (share: number) => void = () => undefined, trace = false) => {
    const dataset = await createDataset(db, engineBenchDesign(mock.url, count, samples));
    const launchedAt = performance.now();
    const launched = await launchRun(db, queue, dataset.id);
    const launchMs = performance.now() - launchedAt;
    if (trace) log(`launched (${(launchMs / 1000).toFixed(2)} s): ${memoryLine()}`);
    const marks = [0.25, 0.5, 0.75, 1];
    for (let poll = 1; ; poll++) {
      const run = await db.run.findUniqueOrThrow({ where: { id: launched.runId }, select: { status: true, succeededRows: true, failedRows: true } });
      if (trace && poll % 10 === 0) log(`${run.succeededRows + run.failedRows} rows: ${memoryLine()}`);
      while (marks.length > 0 && run.succeededRows + run.failedRows >= marks[0]! * count) milestones(marks.shift()!);
      if (["completed", "failed", "cancelled"].includes(run.status)) {
        if (run.status !== "completed") {
          const reasons = await db.workItem.groupBy({ by: ["errorKind", "lastError"], where: { runId: launched.runId, status: "failed" }, _count: true });
          throw new Error(`the run ended ${run.status} (${run.failedRows} rows failed: ${reasons.map((reason) => `${reason._count} × ${reason.errorKind}: ${reason.lastError}`).join("; ")})`);
        }
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalMs = performance.now() - launchedAt;
    const [span] = await db.$queryRaw<{ first: Date; last: Date; count: bigint }[]>`SELECT min(created_at) AS first, max(created_at) AS last, count(*) AS count FROM rows WHERE run_id = ${launched.runId}::uuid`;
    return { ...launched, launchMs, totalMs, stored: Number(span!.count), spanMs: span!.last.getTime() - span!.first.getTime() };
  };

  try {
    // Module loading, connections and JIT belong to no measurement.
    log("warm-up run (400 rows)");
    await runOnce(400 - (400 % (4 * samples)) || 4 * samples);
    const baseline = process.memoryUsage.rss();
    rss.reset();
    const atMilestone: string[] = [];
    log(`engine: ${rows} rows (${rows / samples} items × ${samples} samples), ${workers} worker(s), concurrency ${concurrency}, batch ${batchSize}`);
    const engine = await runOnce(rows, (share) => atMilestone.push(`${share * 100} %: ${memoryLine()}`), flags["memory-trace"]);
    const enginePeak = rss.peak;
    // What the heap really holds once garbage is gone (package.json runs this with --expose-gc).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const liveHeap = gc ? memoryLine() : "n/a (run with --expose-gc)";
    if (engine.stored !== rows) throw new Error(`the run stored ${engine.stored} rows, planned ${rows}`);
    const engineRate = engine.stored / (engine.spanMs / 1000);

    // The worker stops first: it would otherwise take up the idle run's items (its sweep finds
    // items no job delivers) and compete with the raw inserts.
    await Promise.all(started.map((worker) => worker.stop()));
    log("raw: the same rows as multi-row INSERTs of 1,000");
    const target = await createDataset(db, engineBenchDesign(mock.url, rows, samples));
    const idle = await launchRun(db, { enqueue: async () => undefined }, target.id);
    const rawMs = await rawInsert(database.url, { sourceRunId: engine.runId, targetRunId: idle.runId, rows });
    const rawRate = rows / (rawMs / 1000);
    const share = engineRate / rawRate;

    console.log(`engine benchmark: ${rows} rows, ${rows / samples} work items × ${samples} samples, ${mockLatencyMs > 0 ? `mock model answering after ${mockLatencyMs} ms` : "instant mock model"}, no limits, ${workers} worker(s) × concurrency ${concurrency}${flags.quick ? " (--quick: smoke test)" : ""}`);
    console.log(`  engine: ${engineRate.toFixed(0)} rows/s persisted (first → last row ${(engine.spanMs / 1000).toFixed(2)} s; launch ${(engine.launchMs / 1000).toFixed(2)} s, launch → finished ${(engine.totalMs / 1000).toFixed(2)} s)`);
    console.log(`  raw batched INSERT: ${rawRate.toFixed(0)} rows/s (${(rawMs / 1000).toFixed(2)} s)`);
    console.log(`  engine / raw: ${(share * 100).toFixed(0)} %`);
    console.log(`  memory of the engine process (RSS sampled every 100 ms): ${mb(baseline)} before the run, peak ${mb(enginePeak)}`);
    for (const line of atMilestone) console.log(`    at ${line}`);
    console.log(`    after the run and a full GC: ${liveHeap}`);
    const met = engineRate >= TARGET_ROWS_PER_S && share >= TARGET_SHARE_OF_RAW;
    console.log(`  target: ≥ ${TARGET_ROWS_PER_S} rows/s and ≥ ${TARGET_SHARE_OF_RAW * 100} % of raw ${flags.quick ? "(not judged on --quick)" : met ? "[target met]" : "[BELOW TARGET]"}`);
    return flags.quick || met ? 0 : 1;
  } finally {
    rss.stop();
    await Promise.all(started.map((worker) => worker.stop()));
    await sender.stop({ graceful: false, timeout: 1000 });
    await db.$disconnect();
    await mock.stop();
    if (!external) await dropBenchDatabases(adminUrlOf(database.url));
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
