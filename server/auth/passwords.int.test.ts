// Passwords through the router with real better-auth sessions: changing your
// own (current password, typed twice, attempt limit, other sessions signed out,
// this one kept under a new cookie) and an owner's one-time reset link (hashed,
// one hour, single use, newest wins, every session of the member ended).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { contextAs } from "@/server/testing/auth-context";
import { createTestUser } from "@/server/testing/accounts";
import { raceBehindTableLock } from "@/server/testing/lock-race";
import { contextForRequest } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { createAuth, type Auth } from "./auth";
import { hashSecretToken } from "./secret-token";
import { resolveViewer, type AuthedViewer } from "./viewer";
import { trpcFailure as failure } from "@/server/testing/trpc-failure";

const BASE = "http://127.0.0.1:3000";
const queue = { enqueue: async () => undefined };
let database: TestDatabase;
let auth: Auth;
let ipCounter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth({ db: database.db, secret: "password-test-secret-0123456789abcdefghij", baseURL: BASE, signInLimitPerMinute: 100 });
});

afterAll(async () => {
  await database?.drop();
});

/** Signs in over HTTP as a browser does; the cookie pair to send back, or the status when refused. */
async function signIn(email: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const response = await auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": `10.1.0.${++ipCounter}` },
      body: JSON.stringify({ email, password }),
    }),
  );
  const line = response.headers.getSetCookie().find((candidate) => /session_token=[^;]/.test(candidate));
  return { status: response.status, cookie: line ? line.split(";")[0]! : null };
}

async function signedIn(email: string, password: string): Promise<string> {
  const { status, cookie } = await signIn(email, password);
  expect(status).toBe(200);
  return cookie!;
}

/** A caller from a browser request with `cookie`, and the response headers it wrote. */
async function browser(cookie: string, attemptsPerMinute = 100) {
  const responseHeaders = new Headers();
  const context = await contextForRequest({ db: database.db, queue }, { auth, attemptsPerMinute }, new Headers({ cookie }), responseHeaders);
  return { caller: createCaller(context), responseHeaders, context };
}

async function viewerOf(cookie: string) {
  return (await resolveViewer(database.db, auth, new Headers({ cookie }))).viewer;
}


describe("changing your own password", () => {
  it("needs the current password; signs out every other session and keeps this one under a new cookie", async () => {
    const user = await createTestUser(database.db, "editor", { password: "first-password-1" });
    const laptop = await signedIn(user.email, "first-password-1");
    const phone = await signedIn(user.email, "first-password-1");
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(2);

    const { caller, responseHeaders } = await browser(laptop);
    expect(await caller.account.changePassword({ currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" })).toEqual({ changed: true });

    // A browser keeps the last cookie of a name it is sent.
    const fresh = responseHeaders.getSetCookie().filter((line) => /^datafast\.session_token=[^;]/.test(line)).at(-1);
    expect(fresh, "a new session cookie on the response").toBeDefined();
    expect(fresh).toMatch(/HttpOnly/i);
    const freshCookie = fresh!.split(";")[0]!;
    expect(freshCookie).not.toBe(laptop);
    expect(await viewerOf(freshCookie)).toMatchObject({ id: user.id, via: "session" });
    expect(await viewerOf(laptop)).toBeNull();
    expect(await viewerOf(phone)).toBeNull();
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(1);

    expect((await signIn(user.email, "first-password-1")).status).toBe(401);
    expect((await signIn(user.email, "second-password-2")).status).toBe(200);
  });

  it("refuses a wrong current password and bad new passwords with messages that name the field, changing nothing", async () => {
    const user = await createTestUser(database.db, "annotator", { password: "kept-password-1" });
    const cookie = await signedIn(user.email, "kept-password-1");
    const other = await signedIn(user.email, "kept-password-1");
    const { caller, responseHeaders } = await browser(cookie);

    const wrong = await failure(caller.account.changePassword({ currentPassword: "not-my-password", newPassword: "new-password-22", confirmPassword: "new-password-22" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toMatch(/current password is wrong/);

    const differ = await failure(caller.account.changePassword({ currentPassword: "kept-password-1", newPassword: "new-password-22", confirmPassword: "new-password-23" }));
    expect(differ.code).toBe("BAD_REQUEST");
    expect(differ.message).toMatch(/two new passwords differ/);
    expect(differ.message).toMatch(/confirmPassword/);

    expect((await failure(caller.account.changePassword({ currentPassword: "kept-password-1", newPassword: "short", confirmPassword: "short" }))).message).toMatch(/at least 10 characters/);
    expect((await failure(caller.account.changePassword({ currentPassword: "kept-password-1", newPassword: "kept-password-1", confirmPassword: "kept-password-1" }))).message).toMatch(/new password is your current one/);
    expect((await failure(caller.account.changePassword({ currentPassword: "", newPassword: "new-password-22", confirmPassword: "new-password-22" }))).message).toMatch(/enter your current password/);

    expect(responseHeaders.getSetCookie().filter((line) => /session_token=[^;]/.test(line))).toEqual([]);
    expect(await viewerOf(cookie)).toMatchObject({ id: user.id });
    expect(await viewerOf(other)).toMatchObject({ id: user.id });
    expect((await signIn(user.email, "kept-password-1")).status).toBe(200);
  });

  it("counts attempts like sign-in: past the limit even the right password is refused with how long to wait", async () => {
    const user = await createTestUser(database.db, "editor", { password: "limited-password" });
    const cookie = await signedIn(user.email, "limited-password");
    for (let attempt = 0; attempt < 3; attempt++) {
      const { caller } = await browser(cookie, 3);
      expect((await failure(caller.account.changePassword({ currentPassword: `guess-number-${attempt}`, newPassword: "guessed-password", confirmPassword: "guessed-password" }))).code).toBe("BAD_REQUEST");
    }
    const { caller } = await browser(cookie, 3);
    const limited = await failure(caller.account.changePassword({ currentPassword: "limited-password", newPassword: "another-password", confirmPassword: "another-password" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Wait \d+ seconds/);
    expect((await signIn(user.email, "another-password")).status).toBe(401);

    // The limit is per person: someone else signed in at the same time is unaffected.
    const other = await createTestUser(database.db, "editor", { password: "other-password-1" });
    const { caller: otherCaller } = await browser(await signedIn(other.email, "other-password-1"), 3);
    expect(await otherCaller.account.changePassword({ currentPassword: "other-password-1", newPassword: "other-password-2", confirmPassword: "other-password-2" })).toEqual({ changed: true });
  });

  it("is closed to API tokens and to a caller without a browser session; better-auth's own endpoint is off", async () => {
    const input = { currentPassword: "whatever-password", newPassword: "new-password-22", confirmPassword: "new-password-22" };
    expect((await failure(createCaller(contextAs("editor", { db: database.db, queue }, { via: "token" })).account.changePassword(input))).code).toBe("FORBIDDEN");
    expect((await failure(createCaller(contextAs("editor", { db: database.db, queue })).account.changePassword(input))).message).toMatch(/needs your browser session/);

    const user = await createTestUser(database.db, "editor", { password: "direct-password" });
    const cookie = await signedIn(user.email, "direct-password");
    const direct = await auth.handler(
      new Request(`${BASE}/api/auth/change-password`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, cookie },
        body: JSON.stringify({ currentPassword: "direct-password", newPassword: "x", revokeOtherSessions: false }),
      }),
    );
    expect(direct.status).toBe(404);
    expect((await signIn(user.email, "direct-password")).status).toBe(200);
    // Nor can a signed-in person test password guesses, or rename themselves (reviews record their name), through better-auth.
    for (const [endpoint, body] of [["verify-password", { password: "direct-password" }], ["update-user", { name: "Someone Else" }]] as const) {
      const answer = await auth.handler(new Request(`${BASE}/api/auth/${endpoint}`, { method: "POST", headers: { "content-type": "application/json", origin: BASE, cookie }, body: JSON.stringify(body) }));
      expect(answer.status, endpoint).toBe(404);
    }
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).name).not.toBe("Someone Else");
  });
});

describe("password reset links", () => {
  let owner: AuthedViewer;
  let member: AuthedViewer;

  beforeAll(async () => {
    owner = await createTestUser(database.db, "owner", { name: "Olivia", password: "owner-password-1" });
    member = await createTestUser(database.db, "annotator", { name: "Ana", password: "forgotten-password" });
  });

  const asOwner = () => createCaller({ db: database.db, queue, viewer: owner, authProblem: null });
  const anonymous = () => createCaller(contextAs(null, { db: database.db, queue }));

  it("an owner gets a link once (stored hashed, one hour); using it sets the password, ends every session, and works once", async () => {
    const laptop = await signedIn(member.email, "forgotten-password");
    await signedIn(member.email, "forgotten-password");
    const script = await database.db.apiToken.create({ data: { userId: member.id, name: "script", role: "annotator", tokenHash: "reset-test-token-hash", lastFour: "abcd" }, select: { id: true } });
    const before = Date.now();
    const created = await asOwner().members.createPasswordReset({ userId: member.id });
    expect(created.token).toMatch(/^dfr_[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/reset-password/${created.token}`);
    expect(created.member).toEqual({ name: "Ana", email: member.email });
    const stored = await database.db.passwordReset.findUniqueOrThrow({ where: { id: created.reset.id } });
    expect(stored.tokenHash).toBe(hashSecretToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored.expiresAt.getTime() - before).toBeGreaterThanOrEqual(3_600_000 - 1000);
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(3_600_000 + 5000);

    expect(await anonymous().account.passwordReset({ token: created.token })).toMatchObject({ email: member.email, name: "Ana", createdBy: "Olivia" });
    const differ = await failure(anonymous().account.resetPassword({ token: created.token, password: "brand-new-password", confirmPassword: "brand-new-passw0rd" }));
    expect(differ.message).toMatch(/two passwords differ/);
    expect((await failure(anonymous().account.resetPassword({ token: created.token, password: "short", confirmPassword: "short" }))).message).toMatch(/at least 10 characters/);

    expect(await anonymous().account.resetPassword({ token: created.token, password: "brand-new-password", confirmPassword: "brand-new-password" })).toEqual({ email: member.email, sessionsEnded: 2, tokensRevoked: 1 });
    // The account may have been in other hands: its API tokens stop working too.
    expect((await database.db.apiToken.findUniqueOrThrow({ where: { id: script.id }, select: { revokedAt: true } })).revokedAt).not.toBeNull();
    expect(await database.db.session.count({ where: { userId: member.id } })).toBe(0);
    expect(await viewerOf(laptop)).toBeNull();
    expect((await signIn(member.email, "forgotten-password")).status).toBe(401);
    expect((await signIn(member.email, "brand-new-password")).status).toBe(200);

    const reused = await failure(anonymous().account.resetPassword({ token: created.token, password: "third-password-3", confirmPassword: "third-password-3" }));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toMatch(/already used/);
    expect((await failure(anonymous().account.passwordReset({ token: created.token }))).code).toBe("CONFLICT");
    expect((await signIn(member.email, "brand-new-password")).status).toBe(200);
  });

  it("of two links created at the same instant, only the later one stays open", async () => {
    // Both are held at their first touch of password_resets and let go together: without the lock on the member, neither sees the other's link.
    const settled = await raceBehindTableLock(database, "password_resets", 2, () => [0, 1].map(() => asOwner().members.createPasswordReset({ userId: member.id })));
    const created = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value.reset.id] : []));
    expect(created).toHaveLength(2);
    const open = await database.db.passwordReset.findMany({ where: { userId: member.id, usedAt: null, revokedAt: null }, select: { id: true } });
    expect(open).toHaveLength(1);
    expect(created).toContain(open[0]!.id);
  });

  it("an expired link, a replaced link and an unknown link do not work; a fresh one does", async () => {
    const expired = await asOwner().members.createPasswordReset({ userId: member.id });
    await database.db.passwordReset.update({ where: { id: expired.reset.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await failure(anonymous().account.resetPassword({ token: expired.token, password: "late-password-1", confirmPassword: "late-password-1" }));
    expect(late.code).toBe("PRECONDITION_FAILED");
    expect(late.message).toMatch(/expired \(links last 60 minutes\)/);

    const first = await asOwner().members.createPasswordReset({ userId: member.id });
    const second = await asOwner().members.createPasswordReset({ userId: member.id });
    const replaced = await failure(anonymous().account.resetPassword({ token: first.token, password: "replaced-password", confirmPassword: "replaced-password" }));
    expect(replaced.code).toBe("NOT_FOUND");
    expect(replaced.message).toMatch(/newer link replaces older ones/);
    expect((await failure(anonymous().account.passwordReset({ token: "dfr_this-token-was-never-issued-by-anyone" }))).code).toBe("NOT_FOUND");
    expect((await signIn(member.email, "late-password-1")).status).toBe(401);
    expect((await signIn(member.email, "replaced-password")).status).toBe(401);

    await anonymous().account.resetPassword({ token: second.token, password: "second-link-password", confirmPassword: "second-link-password" });
    expect((await signIn(member.email, "second-link-password")).status).toBe(200);
  });

  it("is for other members only: not for yourself, not for a missing id, not for non-owners", async () => {
    const self = await failure(asOwner().members.createPasswordReset({ userId: owner.id }));
    expect(self.code).toBe("PRECONDITION_FAILED");
    expect(self.message).toMatch(/Settings → Account/);
    expect((await failure(asOwner().members.createPasswordReset({ userId: "no-such-user" }))).code).toBe("NOT_FOUND");
    const editor = createCaller({ db: database.db, queue, viewer: { ...member, role: "editor" }, authProblem: null });
    expect((await failure(editor.members.createPasswordReset({ userId: owner.id }))).code).toBe("FORBIDDEN");
    expect(await database.db.passwordReset.count({ where: { userId: owner.id } })).toBe(0);
  });
});
