// One entry point for "give me a migrated database": DATABASE_URL when set,
// otherwise an embedded PostgreSQL with its data under .data/.
import path from "node:path";
import { applyMigrations } from "./migrate";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "./embedded-postgres";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export type Database = { url: string; embedded: boolean; stop(): Promise<void> };

export async function ensureDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<Database> {
  const log = options.log ?? ((line: string) => console.error(`[db] ${line}`));
  if (options.databaseUrl) {
    await applyMigrations(options.databaseUrl, { log });
    return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? path.join(PROJECT_ROOT, ".data", "postgres"),
    port: options.port ?? 54329,
    log,
  });
  const database = options.database ?? "datafast";
  await createDatabaseIfMissing(cluster.url("postgres"), database);
  const url = cluster.url(database);
  await applyMigrations(url, { log });
  return { url, embedded: true, stop: () => cluster.stop() };
}
