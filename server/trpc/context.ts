import "server-only";
import { getAuth } from "@/server/auth/auth";
import { resolveViewer, type AuthedViewer } from "@/server/auth/viewer";
import { getDb, type Db } from "@/server/db";
import { getEnv } from "@/server/env";
import { workQueueFor, type WorkQueue } from "@/server/jobs/queue";

export type Context = {
  db: Db;
  queue: WorkQueue;
  /** The caller (session cookie or API token), null when anonymous. */
  viewer: AuthedViewer | null;
  /** Why a sent credential was refused (a revoked token…), for the 401 message. */
  authProblem: string | null;
};

export async function createContext(request: { headers: Headers }): Promise<Context> {
  const db = getDb();
  const { viewer, problem } = await resolveViewer(db, getAuth(), request.headers);
  return { db, queue: workQueueFor(getEnv().DATABASE_URL), viewer, authProblem: problem };
}
