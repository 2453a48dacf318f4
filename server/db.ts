// The one Prisma client per process (cached on globalThis so Next's dev reloads
// do not open a new pool each time). Only feature `queries.ts` files import it.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { datafastDb?: PrismaClient };
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function createDb(connectionString: string): PrismaClient {
  // Our pool, so the engine's hottest statements can skip Prisma's per-query overhead (poolOf).
  // Idle connections that die (a database restart) emit 'error'; the adapter listens, so they never crash the process.
  const pool = new pg.Pool({ connectionString, max: 20 });
  const db: PrismaClient = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    omit: { providerConnection: { apiKeyCiphertext: true }, integrationConnection: { tokenCiphertext: true } },
  });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool under a client made by createDb. Only for a feature's queries
 * files, for statements whose Prisma overhead matters (claims and commits of
 * work items carry hundreds of rows many times a second).
 */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This Prisma client was not made by createDb: it has no pg pool to share.");
  return pool;
}

export function getDb(): PrismaClient {
  globalForDb.datafastDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.datafastDb;
}

export async function closeDb(): Promise<void> {
  const db = globalForDb.datafastDb;
  globalForDb.datafastDb = undefined;
  await db?.$disconnect();
}
