// Integration tests get a real PostgreSQL: the embedded one (its own data dir and
// port, apart from `npm start`'s) unless TEST_DATABASE_URL points elsewhere. A
// migrated template database is made once; each test file clones it.
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/scripts/database/embedded-postgres";
import { applyMigrations } from "@/scripts/database/migrate";
import { PROJECT_ROOT } from "@/scripts/database/ensure-database";

const TEMPLATE = "datafast_test_template";

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => undefined as void;
  if (!adminUrl) {
    // A cluster per port: two test runs on different ports must not share (and stop) one data dir.
    const port = Number(process.env.TEST_PG_PORT ?? 54339);
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(PROJECT_ROOT, ".data", port === 54339 ? "test-postgres" : `test-postgres-${port}`),
      port,
    });
    adminUrl = cluster.url("postgres");
    stop = cluster.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.end();
  await createDatabaseIfMissing(adminUrl, TEMPLATE);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await applyMigrations(templateUrl.toString());
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE);
  return async () => {
    await stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
