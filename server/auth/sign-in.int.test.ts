// Sign-in through better-auth's HTTP handler, as a browser does it: password
// check, session cookie flags (httpOnly, SameSite, Secure behind https), the
// session resolving to the user and role, sign-up closed, and the rate limit.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeHandler } from "better-auth/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinClientAddress } from "@/server/client-address";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createTestUser } from "@/server/testing/accounts";
import { createAuth, type Auth } from "./auth";
import { resolveViewer } from "./viewer";

const PASSWORD = "correct horse battery";
let database: TestDatabase;
let email: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ email } = await createTestUser(database.db, "editor", { name: "Eddie", password: PASSWORD }));
});

afterAll(async () => {
  await database?.drop();
});

function authAt(baseURL: string, signInLimitPerMinute = 100): Auth {
  return createAuth({ db: database.db, secret: "sign-in-test-secret-0123456789abcdefghij", baseURL, signInLimitPerMinute });
}

function signIn(auth: Auth, baseURL: string, body: { email: string; password: string }, ip = "10.0.0.1") {
  return auth.handler(
    new Request(`${baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL, "x-forwarded-for": ip },
      body: JSON.stringify(body),
    }),
  );
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => /session_token=/.test(line));
  expect(cookie, "a session cookie").toBeDefined();
  return cookie!;
}

describe("sign-in", () => {
  it("signs in with the right password: an httpOnly SameSite=Lax session cookie, not Secure over http, that resolves to the user and role", async () => {
    const auth = authAt("http://127.0.0.1:3000");
    const response = await signIn(auth, "http://127.0.0.1:3000", { email, password: PASSWORD });
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/^datafast\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const headers = new Headers({ cookie: cookie.split(";")[0]! });
    const { viewer } = await resolveViewer(database.db, auth, headers);
    expect(viewer).toMatchObject({ email, name: "Eddie", role: "editor", via: "session" });
  });

  it("marks the cookie Secure (with the __Secure- prefix) when datafast is served over https", async () => {
    const auth = authAt("https://datafast.example.com");
    const cookie = sessionCookie(await signIn(auth, "https://datafast.example.com", { email, password: PASSWORD }, "10.0.0.2"));
    expect(cookie).toMatch(/^__Secure-datafast\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a wrong password without a cookie, and an unknown email the same way", async () => {
    const auth = authAt("http://127.0.0.1:3000");
    const wrong = await signIn(auth, "http://127.0.0.1:3000", { email, password: "not the password" }, "10.0.0.3");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie().some((line) => /session_token=[^;]/.test(line))).toBe(false);
    const unknown = await signIn(auth, "http://127.0.0.1:3000", { email: "nobody@datafast.test", password: PASSWORD }, "10.0.0.3");
    expect(unknown.status).toBe(401);
    // Same answer for both, so sign-in does not reveal which emails have accounts.
    expect((await unknown.json()).message).toBe((await wrong.json()).message);
  });

  it("has sign-up closed: accounts come only from setup and invitations", async () => {
    const auth = authAt("http://127.0.0.1:3000");
    const response = await auth.handler(
      new Request("http://127.0.0.1:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", "x-forwarded-for": "10.0.0.4" },
        body: JSON.stringify({ email: "intruder@datafast.test", password: "intruder-password", name: "Intruder" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await database.db.user.count({ where: { email: "intruder@datafast.test" } })).toBe(0);
  });

  it("rate-limits sign-in per client address: past the limit answers 429, even with the right password; another address is unaffected", async () => {
    const auth = authAt("http://127.0.0.1:3000", 3);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn(auth, "http://127.0.0.1:3000", { email, password: "guess-number-" + attempt }, "10.9.9.9")).status).toBe(401);
    }
    const limited = await signIn(auth, "http://127.0.0.1:3000", { email, password: PASSWORD }, "10.9.9.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect((await signIn(auth, "http://127.0.0.1:3000", { email, password: PASSWORD }, "10.8.8.8")).status).toBe(200);
  });
});

describe("the client address behind datafast's own server (scripts/start.ts)", () => {
  /** A real HTTP server that pins the client address the way `npm start` does, in front of better-auth. */
  async function serve(trustProxy: boolean) {
    const auth = authAt("http://127.0.0.1:3000", 3);
    const handler = toNodeHandler(auth);
    const server = createServer((request, response) => {
      pinClientAddress(request, trustProxy);
      void handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const attempt = (password: string, forwardedFor: string) =>
      fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email, password }),
      });
    return { attempt, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("served directly, a made-up X-Forwarded-For per attempt does not dodge the limit", async () => {
    await database.db.authRateLimit.deleteMany({});
    const direct = await serve(false);
    try {
      for (let attempt = 0; attempt < 3; attempt++) expect((await direct.attempt(`guess-${attempt}`, `198.51.100.${attempt}`)).status).toBe(401);
      expect((await direct.attempt(PASSWORD, "198.51.100.99")).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it("behind a proxy, the address the proxy added counts, not what the client wrote before it", async () => {
    await database.db.authRateLimit.deleteMany({});
    const proxied = await serve(true);
    try {
      for (let attempt = 0; attempt < 3; attempt++) expect((await proxied.attempt(`guess-${attempt}`, `198.51.100.${attempt}, 203.0.113.7`)).status).toBe(401);
      expect((await proxied.attempt(PASSWORD, "198.51.100.99, 203.0.113.7")).status).toBe(429);
      expect((await proxied.attempt(PASSWORD, "203.0.113.8")).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe("origin check without DATAFAST_URL", () => {
  it("accepts a sign-in whose Origin is the host the browser reached, and refuses one from another site", async () => {
    const auth = createAuth({ db: database.db, secret: "sign-in-test-secret-0123456789abcdefghij", signInLimitPerMinute: 100 });
    const post = (origin: string) =>
      auth.handler(
        new Request("http://localhost:3200/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", host: "127.0.0.1:3200", origin, "x-forwarded-for": "10.7.7.7" },
          body: JSON.stringify({ email, password: PASSWORD }),
        }),
      );
    expect((await post("http://127.0.0.1:3200")).status).toBe(200);
    const forged = await post("https://evil.example");
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie().some((line) => /session_token=[^;]/.test(line))).toBe(false);
  });
});
