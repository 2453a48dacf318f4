// Accounts through the router: the first owner (race-safe), invitations (one
// use, expiry, revocation), members (the last owner stays), API tokens (shown
// once, stored hashed, scoped, revocable) — and that a token works as a bearer.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { contextAs } from "@/server/testing/auth-context";
import { createCaller } from "@/server/trpc/root";
import type { AuthedViewer } from "./viewer";
import { viewerFromToken } from "./viewer";
import { hashSecretToken } from "./secret-token";

let database: TestDatabase;
const queue = { enqueue: async () => undefined };
const anonymous = () => createCaller(contextAs(null, { db: database.db, queue }));
const as = (viewer: AuthedViewer) => createCaller({ db: database.db, queue, viewer, authProblem: null });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

let owner: AuthedViewer;

describe("first visit", () => {
  it("creates exactly one owner when two setups race; afterwards setup is closed", async () => {
    expect(await anonymous().account.setupState()).toEqual({ needsSetup: true });
    const attempts = await Promise.allSettled([
      anonymous().account.setupOwner({ name: "Olivia", email: "Olivia@Example.com", password: "first-owner-password" }),
      anonymous().account.setupOwner({ name: "Mallory", email: "mallory@example.com", password: "second-owner-password" }),
    ]);
    const won = attempts.filter((attempt) => attempt.status === "fulfilled");
    expect(won).toHaveLength(1);
    const lost = attempts.find((attempt) => attempt.status === "rejected")!;
    expect(String(lost.reason.message)).toMatch(/already has an owner/);
    expect(await database.db.user.count()).toBe(1);
    expect(await anonymous().account.setupState()).toEqual({ needsSetup: false });

    const user = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<ReturnType<typeof anonymous>["account"]["setupOwner"]>>>).value;
    expect(user.role).toBe("owner");
    owner = { ...user, via: "session" };
    // The email is stored lower-cased and the password only as a scrypt hash.
    const account = await database.db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).not.toContain("password");
    expect(await verifyPassword({ hash: account.password!, password: user.email === "olivia@example.com" ? "first-owner-password" : "second-owner-password" })).toBe(true);
  });

  it("rejects a weak password and a bad email with messages that name the field", async () => {
    const error = await anonymous().account.setupOwner({ name: "x", email: "not-an-email", password: "short" }).catch((caught: unknown) => caught as TRPCError);
    expect(JSON.stringify(error)).toMatch(/email/);
    expect((error as TRPCError).message).toMatch(/at least 10 characters/);
  });
});

describe("invitations", () => {
  it("an owner invites; the link names email and role; accepting creates the member once", async () => {
    const invited = await as(owner).members.invite({ email: "Ed@Example.com", role: "editor" });
    expect(invited.path).toBe(`/invite/${invited.token}`);
    expect(invited.token).toMatch(/^dfi_/);
    const stored = await database.db.invitation.findUniqueOrThrow({ where: { id: invited.invitation.id } });
    expect(stored.tokenHash).toBe(hashSecretToken(invited.token));
    expect(JSON.stringify(await as(owner).members.invitations())).not.toContain(invited.token);

    expect(await anonymous().account.invitation({ token: invited.token })).toMatchObject({ email: "ed@example.com", role: "editor", invitedBy: owner.name });
    const editor = await anonymous().account.acceptInvitation({ token: invited.token, name: "Ed", password: "editor-password-1" });
    expect(editor).toMatchObject({ email: "ed@example.com", role: "editor", name: "Ed" });
    expect(await codeOf(anonymous().account.acceptInvitation({ token: invited.token, name: "Ed again", password: "editor-password-2" }))).toBe("CONFLICT");
    expect(await database.db.user.count({ where: { email: "ed@example.com" } })).toBe(1);
    expect(await codeOf(as(owner).members.invite({ email: "ed@example.com", role: "annotator" }))).toBe("CONFLICT");
  });

  it("a revoked link and an expired link do not work", async () => {
    const revoked = await as(owner).members.invite({ email: "rev@example.com", role: "annotator" });
    await as(owner).members.revokeInvitation({ id: revoked.invitation.id });
    expect(await codeOf(anonymous().account.acceptInvitation({ token: revoked.token, name: "Rev", password: "annotator-password" }))).toBe("NOT_FOUND");

    const expired = await as(owner).members.invite({ email: "late@example.com", role: "annotator" });
    await database.db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(anonymous().account.acceptInvitation({ token: expired.token, name: "Late", password: "annotator-password" }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(anonymous().account.invitation({ token: "dfi_this-token-was-never-issued-by-anyone" }))).toBe("NOT_FOUND");
    expect(await database.db.user.count({ where: { email: { in: ["rev@example.com", "late@example.com"] } } })).toBe(0);
  });
});

describe("members", () => {
  it("the last owner can be neither demoted nor removed; with a second owner both work", async () => {
    expect(await codeOf(as(owner).members.changeRole({ userId: owner.id, role: "editor" }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(as(owner).members.remove({ userId: owner.id }))).toBe("PRECONDITION_FAILED");

    const ed = await database.db.user.findUniqueOrThrow({ where: { email: "ed@example.com" } });
    await as(owner).members.changeRole({ userId: ed.id, role: "owner" });
    const demoted = await as(owner).members.changeRole({ userId: owner.id, role: "editor" });
    expect(demoted.role).toBe("editor");
    await as({ ...ed, role: "owner", via: "session" }).members.changeRole({ userId: owner.id, role: "owner" });
    await as(owner).members.changeRole({ userId: ed.id, role: "editor" });
    expect((await as(owner).members.list()).map((member) => [member.email, member.role])).toEqual([
      [owner.email, "owner"],
      ["ed@example.com", "editor"],
    ]);
  });
});

describe("API tokens", () => {
  it("are shown once, stored as a hash, capped by the user's role, and stop working when revoked", async () => {
    const ed = await database.db.user.findUniqueOrThrow({ where: { email: "ed@example.com" }, select: { id: true, name: true, email: true, role: true } });
    const edViewer: AuthedViewer = { ...ed, via: "session" };
    expect(await codeOf(as(edViewer).apiTokens.create({ name: "too much", role: "owner" }))).toBe("FORBIDDEN");

    const created = await as(edViewer).apiTokens.create({ name: "laptop CLI", role: "editor" });
    expect(created.secret).toMatch(/^dft_[A-Za-z0-9_-]{43}$/);
    expect(created.token.lastFour).toBe(created.secret.slice(-4));
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(row.tokenHash).toBe(hashSecretToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(JSON.stringify(await as(edViewer).apiTokens.list())).not.toContain(created.secret);

    expect((await viewerFromToken(database.db, created.secret)).viewer).toMatchObject({ id: ed.id, role: "editor", via: "token" });
    expect(await database.db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } }).then((token) => token.lastUsedAt)).not.toBeNull();
    // Demoting the user demotes their tokens at once.
    await as(owner).members.changeRole({ userId: ed.id, role: "annotator" });
    expect((await viewerFromToken(database.db, created.secret)).viewer?.role).toBe("annotator");

    // Another user cannot revoke it; its owner can, and then it is refused with a reason.
    expect(await codeOf(as(owner).apiTokens.revoke({ id: created.token.id }))).toBe("NOT_FOUND");
    await as({ ...edViewer, role: "annotator" }).apiTokens.revoke({ id: created.token.id });
    expect(await viewerFromToken(database.db, created.secret)).toEqual({ viewer: null, problem: expect.stringMatching(/unknown or was revoked/) });
    expect((await viewerFromToken(database.db, "sk-someone-elses-key")).problem).toMatch(/not a datafast API token/);
  });

  it("removing a member deletes their tokens", async () => {
    const ed = await database.db.user.findUniqueOrThrow({ where: { email: "ed@example.com" }, select: { id: true, name: true, email: true, role: true } });
    const created = await as({ ...ed, via: "session" }).apiTokens.create({ name: "script", role: "annotator" });
    await as(owner).members.remove({ userId: ed.id });
    expect((await viewerFromToken(database.db, created.secret)).viewer).toBeNull();
  });
});
