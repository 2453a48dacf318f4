// The only Prisma access for accounts: users, their password credentials,
// invitations, password reset links, API tokens and password-attempt limits.
// better-auth reads and writes sessions itself (a used reset link ends them here).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/db";
import type { Role } from "@/lib/auth/roles";

type Tx = Prisma.TransactionClient;

/** Serializes account changes that check a count first (first owner, last owner). */
async function lockAccounts(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('datafast:accounts'))`;
}

export const viewerSelect = { id: true, name: true, email: true, role: true } as const;

export function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

async function insertUser(tx: Tx, input: { name: string; email: string; role: Role; passwordHash: string }) {
  const id = randomUUID();
  const user = await tx.user.create({ data: { id, name: input.name, email: input.email, role: input.role }, select: viewerSelect });
  await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: input.passwordHash } });
  return user;
}

/** The first owner, only while there is no user at all (two setups at once: one wins). */
export function insertFirstOwner(db: Db, input: { name: string; email: string; passwordHash: string }) {
  return db.$transaction(async (tx) => {
    await lockAccounts(tx);
    if ((await tx.user.count()) > 0) return null;
    return insertUser(tx, { ...input, role: "owner" });
  });
}

export function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: viewerSelect });
}

export function listUsers(db: Db) {
  return db.user.findMany({ select: { ...viewerSelect, createdAt: true }, orderBy: { createdAt: "asc" } });
}

/** Changes a role unless that leaves no owner; "missing" when the user is gone. */
export function updateUserRole(db: Db, userId: string, role: Role) {
  return db.$transaction(async (tx) => {
    await lockAccounts(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) return "missing" as const;
    if (user.role === "owner" && role !== "owner" && (await tx.user.count({ where: { role: "owner" } })) <= 1) return "last-owner" as const;
    return tx.user.update({ where: { id: userId }, data: { role }, select: viewerSelect });
  });
}

/** Deletes a user (their sessions and tokens go with them) unless they are the last owner. */
export function deleteUser(db: Db, userId: string) {
  return db.$transaction(async (tx) => {
    await lockAccounts(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) return "missing" as const;
    if (user.role === "owner" && (await tx.user.count({ where: { role: "owner" } })) <= 1) return "last-owner" as const;
    await tx.user.delete({ where: { id: userId } });
    return "deleted" as const;
  });
}

const invitationSelect = { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true, invitedBy: { select: { name: true } } } as const;

export function insertInvitation(db: Db, input: { email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: Date }) {
  return db.invitation.create({ data: input, select: invitationSelect });
}

export function listOpenInvitations(db: Db, now: Date) {
  return db.invitation.findMany({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: invitationSelect, orderBy: { createdAt: "desc" } });
}

export function revokeInvitationRow(db: Db, id: string, now: Date) {
  return db.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

export function findInvitationByHash(db: Db, tokenHash: string) {
  return db.invitation.findUnique({ where: { tokenHash }, select: invitationSelect });
}

/** Marks the invitation used and creates its user, atomically: a link works once. */
export function acceptInvitationRow(db: Db, input: { invitationId: string; email: string; role: Role; name: string; passwordHash: string; now: Date }) {
  return db.$transaction(async (tx) => {
    await lockAccounts(tx);
    const claimed = await tx.invitation.updateMany({
      where: { id: input.invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: input.now } },
      data: { acceptedAt: input.now },
    });
    if (claimed.count === 0) return "used" as const;
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) return "exists" as const;
    return insertUser(tx, { name: input.name, email: input.email, role: input.role, passwordHash: input.passwordHash });
  });
}

const tokenSelect = { id: true, name: true, role: true, lastFour: true, lastUsedAt: true, revokedAt: true, createdAt: true } as const;

export function insertApiToken(db: Db, input: { userId: string; name: string; role: Role; tokenHash: string; lastFour: string }) {
  return db.apiToken.create({ data: input, select: tokenSelect });
}

export function listApiTokensOf(db: Db, userId: string) {
  return db.apiToken.findMany({ where: { userId }, select: tokenSelect, orderBy: { createdAt: "desc" } });
}

export function revokeApiTokenRow(db: Db, input: { id: string; userId: string; now: Date }) {
  return db.apiToken.updateMany({ where: { id: input.id, userId: input.userId, revokedAt: null }, data: { revokedAt: input.now } });
}

/** A live token and its user, by the token's hash. */
export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db.apiToken.findFirst({ where: { tokenHash, revokedAt: null }, select: { id: true, role: true, lastUsedAt: true, user: { select: viewerSelect } } });
}

export async function touchApiToken(db: Db, id: string, now: Date): Promise<void> {
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: now } });
}

export function findUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: viewerSelect });
}

/**
 * Counts one attempt against a per-key limit in auth_rate_limits (the table
 * better-auth's sign-in limiter uses, so every web process shares it). The
 * upsert locks the row: concurrent attempts are counted one after another.
 */
export function consumeAttempt(db: Db, key: string, rule: { windowMs: number; max: number }, now: Date) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ count: number; last_request: bigint }[]>`
      INSERT INTO auth_rate_limits (id, key, count, last_request) VALUES (${randomUUID()}, ${key}, 0, 0)
      ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
      RETURNING count, last_request`;
    const at = now.getTime();
    const last = Number(row!.last_request);
    if (at - last >= rule.windowMs) {
      await tx.authRateLimit.update({ where: { key }, data: { count: 1, lastRequest: BigInt(at) } });
      return { allowed: true as const };
    }
    if (row!.count >= rule.max) return { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil((last + rule.windowMs - at) / 1000)) };
    await tx.authRateLimit.update({ where: { key }, data: { count: row!.count + 1, lastRequest: BigInt(at) } });
    return { allowed: true as const };
  });
}

const passwordResetSelect = {
  id: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  user: { select: viewerSelect },
  createdBy: { select: { name: true } },
} as const;

/** A new reset link for a member; their older open links stop working, so only the latest one handed over counts. */
export function insertPasswordReset(db: Db, input: { userId: string; createdById: string; tokenHash: string; expiresAt: Date; now: Date }) {
  return db.$transaction(async (tx) => {
    // Two links created at once must not both stay open: the second waits for the first, then revokes it.
    await tx.$executeRaw`SELECT 1 FROM users WHERE id = ${input.userId} FOR UPDATE`;
    await tx.passwordReset.updateMany({ where: { userId: input.userId, usedAt: null, revokedAt: null }, data: { revokedAt: input.now } });
    return tx.passwordReset.create({
      data: { userId: input.userId, createdById: input.createdById, tokenHash: input.tokenHash, expiresAt: input.expiresAt },
      select: { id: true, expiresAt: true },
    });
  });
}

export function findPasswordResetByHash(db: Db, tokenHash: string) {
  return db.passwordReset.findUnique({ where: { tokenHash }, select: passwordResetSelect });
}

/**
 * Uses a reset link once: marks it used, sets the new password hash, ends every session of its
 * user and revokes their API tokens (an owner resets an account that may be in other hands),
 * atomically.
 */
export function usePasswordResetRow(db: Db, input: { resetId: string; userId: string; passwordHash: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: input.resetId, usedAt: null, revokedAt: null, expiresAt: { gt: input.now } },
      data: { usedAt: input.now },
    });
    if (claimed.count === 0) return "used" as const;
    const updated = await tx.account.updateMany({ where: { userId: input.userId, providerId: "credential" }, data: { password: input.passwordHash } });
    if (updated.count === 0) {
      await tx.account.create({ data: { id: randomUUID(), accountId: input.userId, providerId: "credential", userId: input.userId, password: input.passwordHash } });
    }
    const sessions = await tx.session.deleteMany({ where: { userId: input.userId } });
    const tokens = await tx.apiToken.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: input.now } });
    return { sessionsEnded: sessions.count, tokensRevoked: tokens.count };
  });
}
