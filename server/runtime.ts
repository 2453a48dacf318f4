// Boot helpers shared by `npm start`, `npm run worker` and the CLI: one database
// (DATABASE_URL or the embedded one), settings from env, a worker when asked.
import path from "node:path";
import { ensureDatabase, PROJECT_ROOT, type Database } from "@/scripts/database/ensure-database";

export async function bootDatabase(log: (line: string) => void): Promise<Database> {
  const database = await ensureDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATAFAST_DATA_DIR ? path.resolve(process.env.DATAFAST_DATA_DIR, "postgres") : path.join(PROJECT_ROOT, ".data", "postgres"),
    port: process.env.DATAFAST_PG_PORT ? Number(process.env.DATAFAST_PG_PORT) : undefined,
    log,
  });
  // Everything loaded after this point (Prisma, pg-boss, Next's server code)
  // reads the URL from the environment.
  process.env.DATABASE_URL = database.url;
  return database;
}

/**
 * `npm start` / `npm run …` do not forward SIGTERM to the script: npm dies and
 * leaves us orphaned. Treat a changed parent as the signal it never passed on.
 */
export function onParentExit(callback: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      callback();
    }
  }, 500);
  timer.unref();
}
