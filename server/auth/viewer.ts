// Who is calling: an `Authorization: Bearer dft_…` API token, else the session
// cookie. Shared by the tRPC context and every route handler, so both answer the
// same person with the same role.
import { lowerRole, type Viewer } from "@/lib/auth/roles";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Auth } from "./auth";
import { forwardSetCookies } from "./browser-session";
import { findApiTokenByHash, touchApiToken } from "./queries";
import { API_TOKEN_PREFIX, hashSecretToken } from "./secret-token";

/** The caller, and how they proved it: API tokens cannot manage accounts or mint tokens. */
export type AuthedViewer = Viewer & { via: "session" | "token" };

/** A caller, or why there is none (shown to a client that sent a bad token). */
export type ViewerResult = { viewer: AuthedViewer | null; problem: string | null };

/** last_used_at is written at most once a minute per token, not on every call. */
const TOUCH_EVERY_MS = 60_000;

export async function viewerFromToken(db: Db, token: string, now = new Date()): Promise<ViewerResult> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return { viewer: null, problem: `This is not a datafast API token: they start with "${API_TOKEN_PREFIX}". Create one under Settings → API tokens.` };
  const found = await findApiTokenByHash(db, hashSecretToken(token));
  if (!found) return { viewer: null, problem: "This API token is unknown or was revoked. Create a new one under Settings → API tokens." };
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchApiToken(db, found.id, now);
  return { viewer: { ...found.user, role: lowerRole(found.role, found.user.role), via: "token" }, problem: null };
}

function bearerOf(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "";
}

/**
 * better-auth extends a session on use (once per `updateAge`) by moving its
 * expiry in the database *and* re-sending the cookie with a fresh Max-Age. Only
 * a caller that can set cookies (`responseHeaders`: the tRPC route) may do that;
 * everywhere else (server components, streamed downloads) the session is read
 * without extending it, or the row would be extended while the browser's cookie
 * still died `expiresIn` after sign-in — signing out people active every day.
 */
async function sessionOf(auth: Auth, headers: Headers, responseHeaders?: Headers) {
  if (!responseHeaders) return auth.api.getSession({ headers, query: { disableRefresh: true } });
  const { headers: answered, response } = await auth.api.getSession({ headers, returnHeaders: true });
  forwardSetCookies(answered, responseHeaders);
  return response;
}

export async function resolveViewer(db: Db, auth: Auth, headers: Headers, responseHeaders?: Headers): Promise<ViewerResult> {
  const bearer = bearerOf(headers);
  if (bearer !== null) {
    if (!bearer) return { viewer: null, problem: 'The Authorization header must be "Bearer <token>".' };
    return viewerFromToken(db, bearer);
  }
  const session = await sessionOf(auth, headers, responseHeaders);
  if (!session) return { viewer: null, problem: null };
  const { id, name, email, role } = session.user;
  return { viewer: { id, name, email, role: role as Viewer["role"], via: "session" }, problem: null };
}

/** For route handlers: the viewer, or a 401 AppError with what to do. */
export function requireViewer(result: ViewerResult): AuthedViewer {
  if (!result.viewer) throw new AppError("UNAUTHORIZED", result.problem ?? "Sign in first (or send an API token as Authorization: Bearer dft_…).");
  return result.viewer;
}
