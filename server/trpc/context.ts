import "server-only";
import { getAuth } from "@/server/auth/auth";
import type { BrowserSession } from "@/server/auth/browser-session";
import { resolveViewer, type AuthedViewer } from "@/server/auth/viewer";
import { getDb, type Db } from "@/server/db";
import { getAuthEnv, getEnv } from "@/server/env";
import { workQueueFor, type WorkQueue } from "@/server/jobs/queue";

export type Context = {
  db: Db;
  queue: WorkQueue;
  /** The caller (session cookie or API token), null when anonymous. */
  viewer: AuthedViewer | null;
  /** Why a sent credential was refused (a revoked token…), for the 401 message. */
  authProblem: string | null;
  /** The browser session behind a cookie sign-in, for procedures that change it (password change); absent otherwise. */
  browserSession?: BrowserSession;
};

/** The context of one HTTP request: its caller, and where a refreshed or new session cookie goes (`responseHeaders`). */
export async function contextForRequest(
  base: Pick<Context, "db" | "queue">,
  session: Pick<BrowserSession, "auth" | "attemptsPerMinute">,
  requestHeaders: Headers,
  responseHeaders: Headers,
): Promise<Context> {
  const { viewer, problem } = await resolveViewer(base.db, session.auth, requestHeaders, responseHeaders);
  const browserSession = viewer?.via === "session" ? { ...session, requestHeaders, responseHeaders } : undefined;
  return { ...base, viewer, authProblem: problem, browserSession };
}

export function createContext(request: { headers: Headers }, responseHeaders: Headers): Promise<Context> {
  return contextForRequest(
    { db: getDb(), queue: workQueueFor(getEnv().DATABASE_URL) },
    { auth: getAuth(), attemptsPerMinute: getAuthEnv().AUTH_SIGN_IN_LIMIT },
    request.headers,
    responseHeaders,
  );
}
