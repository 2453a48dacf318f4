// `npm run worker`: one more worker process on the same database. Start as many
// as you like, on any machine that can reach it (set DATABASE_URL there).
import { errorLine, isDbUnavailable } from "@/server/db-errors";
import { bootDatabase, onParentExit } from "@/server/runtime";

const log = (line: string) => console.error(`[worker] ${line}`);

// A database that restarts fails whatever was talking to it; the engine waits for it and goes
// on. Such a rejection nobody awaited must not take the worker (and its calls in flight) down.
process.on("unhandledRejection", (reason) => {
  if (isDbUnavailable(reason)) return log(`database unavailable: ${errorLine(reason)}`);
  console.error("[worker] unhandled rejection:", reason);
  process.exit(1);
});

async function main() {
  const database = await bootDatabase(log);
  const { startWorkerFromEnv } = await import("@/server/jobs/start-worker");
  const { closeDb } = await import("@/server/db");
  const worker = await startWorkerFromEnv(log);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    await closeDb();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  onParentExit(() => void shutdown());
}

main().catch((error: Error) => {
  console.error(`[worker] could not start: ${error.message}`);
  process.exit(1);
});
