// Sessions last 14 days from their last refresh, and better-auth refreshes one
// at most daily (updateAge) by moving its expiry *and* re-sending the cookie.
// Only the tRPC route can send that cookie, so only it may refresh: a person
// who uses datafast every day stays signed in past 14 days, while server
// components read the session without moving its expiry away from the cookie's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createTestUser } from "@/server/testing/accounts";
import type { AuthedViewer } from "./viewer";
import { resolveViewer } from "./viewer";

const BASE = "http://127.0.0.1:3000";
const DAY_MS = 86_400_000;
const EXPIRES_IN_MS = 14 * DAY_MS;
const PASSWORD = "every-day-password";

let database: TestDatabase;
let user: AuthedViewer;
let getAuth: typeof import("./auth").getAuth;
let trpcGet: (request: Request) => Promise<Response>;

beforeAll(async () => {
  database = await createTestDatabase();
  user = await createTestUser(database.db, "editor", { name: "Daily", password: PASSWORD });
  // The route and better-auth use the app's own doors, pointed at this test's database.
  process.env.DATABASE_URL = database.url;
  process.env.DATAFAST_SECRET ??= "integration-test-secret-0123456789abcdef";
  ({ getAuth } = await import("./auth"));
  ({ GET: trpcGet } = await import("@/app/api/trpc/[trpc]/route"));
});

afterAll(async () => {
  vi.useRealTimers();
  const { closeDb } = await import("@/server/db");
  await closeDb();
  await database?.drop();
});

/** A browser's view of the session cookie: its value and when the browser drops it (Max-Age). */
type BrowserCookie = { pair: string; expiresAt: number };

function cookieFrom(response: Response, now: number): BrowserCookie | null {
  const line = response.headers.getSetCookie().find((candidate) => /^datafast\.session_token=[^;]/.test(candidate));
  if (!line) return null;
  const maxAge = Number(/Max-Age=(\d+)/i.exec(line)?.[1]);
  expect(maxAge, "the session cookie carries a Max-Age").toBeGreaterThan(0);
  return { pair: line.split(";")[0]!, expiresAt: now + maxAge * 1000 };
}

async function signIn(): Promise<BrowserCookie> {
  const response = await getAuth().handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "10.3.0.1" },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return cookieFrom(response, Date.now())!;
}

async function sessionExpiry(): Promise<number> {
  return (await database.db.session.findFirstOrThrow({ where: { userId: user.id } })).expiresAt.getTime();
}

describe("session refresh", () => {
  it("keeps a person who uses datafast every day signed in for weeks: each day's first API call re-sends the cookie", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2026-12-01T09:00:00Z");
    vi.setSystemTime(start);
    await database.db.session.deleteMany({ where: { userId: user.id } });
    let cookie = await signIn();
    expect(cookie.expiresAt).toBe(start + EXPIRES_IN_MS);

    let refreshes = 0;
    for (let day = 1; day <= 30; day++) {
      const now = start + day * DAY_MS + 60_000;
      vi.setSystemTime(now);
      // The browser only sends a cookie it still has.
      expect(now < cookie.expiresAt, `day ${day}: the browser still has the cookie`).toBe(true);
      // A page load first: the server component reads the session but must not move its expiry.
      const before = await sessionExpiry();
      expect((await resolveViewer(database.db, getAuth(), new Headers({ cookie: cookie.pair }))).viewer).toMatchObject({ id: user.id });
      expect(await sessionExpiry()).toBe(before);

      const response = await trpcGet(new Request(`${BASE}/api/trpc/account.me`, { headers: { cookie: cookie.pair } }));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { result: { data: { id: string } } }).result.data.id).toBe(user.id);
      const refreshed = cookieFrom(response, now);
      expect(refreshed, `day ${day}: the cookie is re-sent`).not.toBeNull();
      expect(refreshed!.pair).toBe(cookie.pair);
      expect(await sessionExpiry()).toBe(now + EXPIRES_IN_MS);
      cookie = refreshed!;
      refreshes++;

      // A second call the same day changes nothing: at most one refresh per updateAge.
      const again = await trpcGet(new Request(`${BASE}/api/trpc/account.me`, { headers: { cookie: cookie.pair } }));
      expect(cookieFrom(again, now)).toBeNull();
    }
    expect(refreshes).toBe(30);
  });

  it("still ends a session left unused for longer than 14 days", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2027-02-01T09:00:00Z");
    vi.setSystemTime(start);
    await database.db.session.deleteMany({ where: { userId: user.id } });
    const cookie = await signIn();
    vi.setSystemTime(start + EXPIRES_IN_MS + 60_000);
    const response = await trpcGet(new Request(`${BASE}/api/trpc/account.me`, { headers: { cookie: cookie.pair } }));
    expect(((await response.json()) as { result: { data: unknown } }).result.data).toBeNull();
    expect((await resolveViewer(database.db, getAuth(), new Headers({ cookie: cookie.pair }))).viewer).toBeNull();
  });
});
