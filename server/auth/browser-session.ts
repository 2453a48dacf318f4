// The caller's browser session as a procedure sees it: better-auth, the
// request's cookies, and the response's headers, where a new or refreshed
// session cookie must go — only route handlers can set cookies, so a session
// change made anywhere else reaches the browser only through these headers.
import type { Auth } from "./auth";

export type BrowserSession = {
  auth: Auth;
  requestHeaders: Headers;
  responseHeaders: Headers;
  /** Password checks a signed-in person may make per minute (the sign-in limit). */
  attemptsPerMinute: number;
};

/** Copies the Set-Cookie lines better-auth answered with onto the real response. */
export function forwardSetCookies(from: Headers, to: Headers): void {
  for (const cookie of from.getSetCookie()) to.append("set-cookie", cookie);
}
