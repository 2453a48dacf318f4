import "server-only";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { workQueueFor } from "@/server/jobs/queue";

export function createContext() {
  return { db: getDb(), queue: workQueueFor(getEnv().DATABASE_URL) };
}

export type Context = ReturnType<typeof createContext>;
