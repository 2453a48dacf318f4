// A fresh database per benchmark run, on the benchmark's own embedded cluster
// (or in DATABASE_URL's server when set). Databases of earlier runs of the
// same benchmark are dropped first, so a cluster never fills up with them.
import path from "node:path";
import pg from "pg";
import { ensureDatabase, PROJECT_ROOT } from "@/scripts/database/ensure-database";

export async function openBenchDatabase(options: { name: string; port: number; log(line: string): void }) {
  const external = process.env.DATABASE_URL || undefined;
  const prefix = `bench_${options.name}_`;
  const database = await ensureDatabase({
    databaseUrl: external,
    dataDir: path.join(PROJECT_ROOT, ".data", `bench-${options.name}`),
    port: options.port,
    database: `${prefix}${Date.now().toString(36)}`,
    log: options.log,
  });
  if (!external) {
    const admin = new URL(database.url);
    admin.pathname = "/postgres";
    await dropOldBenchDatabases(admin.toString(), prefix, new URL(database.url).pathname.slice(1));
  }
  return database;
}

async function dropOldBenchDatabases(adminUrl: string, prefix: string, keep: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const pattern = `${prefix.replaceAll("_", "\\_")}%`;
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [pattern]);
    for (const { datname } of rows) if (datname !== keep) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
