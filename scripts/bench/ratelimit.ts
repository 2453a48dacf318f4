// `npm run bench:ratelimit [-- --quick]`: how much of a provider's quota a run
// gets through the real engine (dataset → run → pg-boss worker → shared
// limiter → mock LLM), and how many 429s it costs. Self-contained: its own
// embedded PostgreSQL (.data/bench-postgres, port 54359, a fresh database per
// run) unless DATABASE_URL is set (then use a scratch database: the worker
// also picks up that database's unfinished runs).
import path from "node:path";
import pg from "pg";
import { ensureDatabase, PROJECT_ROOT } from "@/scripts/database/ensure-database";
import { formatResult, meetsTarget, runScenario, type Scenario, type ScenarioResult } from "./ratelimit-scenario";

const quick = process.argv.includes("--quick");
const log = (line: string) => console.error(`[bench] ${line}`);

const LATENCY_MS = 500;
// A 700-item run at 600/min takes > 70 s and at 300/min > 140 s; --quick is a smoke test
// (too short for the targets: start-up and the 60 s window dominate it).
const scenarios: (Scenario & { target: { minShare: number; max429Share: number } })[] = [
  { name: "configured", quota: 600, hideLimitHeaders: false, limits: { rpm: 600 }, items: quick ? 120 : 720, latencyMs: LATENCY_MS, target: { minShare: 0.97, max429Share: 0 } },
  { name: "adaptive", quota: quick ? 60 : 300, hideLimitHeaders: true, limits: {}, items: quick ? 90 : 720, latencyMs: LATENCY_MS, target: { minShare: 0.9, max429Share: 0.05 } },
];

// Enough in flight that the limiter, not the worker, sets the pace; small pg-boss
// batches so one slow batch never leaves the pipeline empty while it drains.
const WORKER = { concurrency: 64, batchSize: 8 };

function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function dropBenchDatabases(adminUrl: string, keep?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_%'");
    for (const { datname } of rows) if (datname !== keep) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const external = process.env.DATABASE_URL || undefined;
  const name = `bench_${Date.now().toString(36)}`;
  const database = await ensureDatabase({ databaseUrl: external, dataDir: path.join(PROJECT_ROOT, ".data", "bench-postgres"), port: 54359, database: name, log });
  // Leftovers of interrupted benchmarks would be requeued by the worker and skew the numbers.
  if (!external) await dropBenchDatabases(adminUrlOf(database.url), name);
  process.env.DATABASE_URL = database.url;

  const { createDb } = await import("@/server/db");
  const { startWorker } = await import("@/server/jobs/worker");
  const { createBoss, enqueueWorkItems } = await import("@/server/jobs/queue");
  const db = createDb(database.url);
  const sender = createBoss(database.url);
  await sender.start();
  const worker = await startWorker({ db, connectionString: database.url, ...WORKER, timeoutMs: 30_000, log });
  const queue = { enqueue: (ids: string[]) => enqueueWorkItems(sender, ids) };

  const results: { result: ScenarioResult; met: boolean }[] = [];
  try {
    // Module loading, Prisma's first queries and JIT belong to no scenario.
    await runScenario(db, queue, { name: "warm-up", quota: 100_000, hideLimitHeaders: false, limits: {}, items: 16, latencyMs: 0 }, log);
    for (const scenario of scenarios) {
      log(`${scenario.name}: mock quota ${scenario.quota}/min${scenario.hideLimitHeaders ? " (limit headers hidden)" : ""}, ${scenario.latencyMs} ms latency, limits ${JSON.stringify(scenario.limits)}, ${scenario.items} items`);
      const result = await runScenario(db, queue, scenario, log);
      results.push({ result, met: meetsTarget(result, scenario.target) });
      log(formatResult(result));
    }
  } finally {
    await worker.stop();
    await sender.stop({ graceful: false, timeout: 1000 });
    await db.$disconnect();
    if (!external) await dropBenchDatabases(adminUrlOf(database.url));
    await database.stop();
  }

  console.log(`rate limit benchmark${quick ? " (--quick: smoke test, too short for the targets)" : ""}: req/min = 200 responses per minute from the first to the last request`);
  console.log("the mock received (sustained); the whole run adds launch → first call and the last call's latency; 429s as the mock sent them");
  for (const [index, { result, met }] of results.entries()) {
    const { target } = scenarios[index]!;
    const verdict = quick ? "" : met ? "  [target met]" : "  [BELOW TARGET]";
    console.log(`${formatResult(result)}  (target ≥ ${target.minShare * 100} %, ≤ ${target.max429Share * 100} % 429)${verdict}`);
  }
  return quick || results.every(({ met }) => met) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
