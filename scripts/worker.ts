// `npm run worker`: one more worker process on the same database. Start as many
// as you like, on any machine that can reach it (set DATABASE_URL there).
import { bootDatabase, onParentExit } from "@/server/runtime";

const log = (line: string) => console.error(`[worker] ${line}`);

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
