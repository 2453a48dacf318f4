// The one Prisma client per process (cached on globalThis so Next's dev reloads
// do not open a new pool each time). Only feature `queries.ts` files import it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { datafastDb?: PrismaClient };

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 20 }),
    omit: { providerConnection: { apiKeyCiphertext: true } },
  });
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
