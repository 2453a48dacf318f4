// Passwords after sign-up: a person changes their own (current password first,
// limited like sign-in, every other session signed out), and an owner hands a
// member a one-time reset link (no email here) that ends all their sessions.
import "server-only";
import { isAPIError } from "better-auth/api";
import { hashPassword } from "better-auth/crypto";
import type { ChangePasswordInput } from "@/lib/auth/account-schemas";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { forwardSetCookies, type BrowserSession } from "./browser-session";
import { consumeAttempt, findPasswordResetByHash, findUserById, insertPasswordReset, usePasswordResetRow } from "./queries";
import { hashSecretToken, newSecretToken, PASSWORD_RESET_PREFIX } from "./secret-token";
import type { AuthedViewer } from "./viewer";

export const PASSWORD_RESET_MINUTES = 60;
const ATTEMPT_WINDOW_MS = 60_000;

/**
 * better-auth checks the current password, stores the new hash, deletes every
 * session of the user — this one too, so a stolen copy of its cookie dies — and
 * opens a new one whose cookie goes out with this response: the person stays
 * signed in here and only here.
 */
export async function changeOwnPassword(db: Db, viewer: AuthedViewer, session: BrowserSession | undefined, input: ChangePasswordInput, now = new Date()) {
  if (!session) throw new AppError("PRECONDITION_FAILED", "Changing your password needs your browser session: sign in and use Settings → Account.");
  // Counted before the check, per person: a stolen session cannot guess the current password faster than sign-in allows.
  const attempt = await consumeAttempt(db, `password-change:${viewer.id}`, { windowMs: ATTEMPT_WINDOW_MS, max: session.attemptsPerMinute }, now);
  if (!attempt.allowed) throw new AppError("TOO_MANY_REQUESTS", `Too many password change attempts. Wait ${attempt.retryAfterSeconds} seconds and try again.`);
  try {
    const result = await session.auth.api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: session.requestHeaders,
      returnHeaders: true,
    });
    forwardSetCookies(result.headers, session.responseHeaders);
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "INVALID_PASSWORD") {
      throw new AppError("BAD_REQUEST", "Your current password is wrong, so nothing was changed. Type the password you signed in with.", [{ path: "currentPassword", message: "wrong password" }]);
    }
    if (isAPIError(error) && error.statusCode === 401) throw new AppError("UNAUTHORIZED", "Your session ended. Sign in again, then change your password.");
    throw error;
  }
  return { changed: true as const };
}

export async function createPasswordReset(db: Db, owner: AuthedViewer, userId: string, now = new Date()) {
  if (userId === owner.id) throw new AppError("PRECONDITION_FAILED", "Reset links are for other members. Change your own password under Settings → Account.");
  const member = await findUserById(db, userId);
  if (!member) throw new AppError("NOT_FOUND", "No member with this id.");
  const secret = newSecretToken(PASSWORD_RESET_PREFIX);
  const reset = await insertPasswordReset(db, { userId, createdById: owner.id, tokenHash: secret.hash, expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000), now });
  // The token is returned once, for the link; only its hash is stored.
  return { reset, member: { name: member.name, email: member.email }, token: secret.token, path: `/reset-password/${secret.token}` };
}

async function openPasswordReset(db: Db, token: string, now: Date) {
  const reset = await findPasswordResetByHash(db, hashSecretToken(token));
  if (!reset || reset.revokedAt) throw new AppError("NOT_FOUND", "This password reset link is not valid (a newer link replaces older ones). Ask an owner for a new one.");
  if (reset.usedAt) throw new AppError("CONFLICT", "This password reset link was already used. Sign in with the new password, or ask an owner for a new link.");
  if (reset.expiresAt <= now) throw new AppError("PRECONDITION_FAILED", `This password reset link expired (links last ${PASSWORD_RESET_MINUTES} minutes). Ask an owner for a new one.`);
  return reset;
}

/** What the reset page shows before the member types a new password. */
export async function describePasswordReset(db: Db, token: string) {
  const reset = await openPasswordReset(db, token, new Date());
  return { email: reset.user.email, name: reset.user.name, createdBy: reset.createdBy.name, expiresAt: reset.expiresAt };
}

export async function resetPassword(db: Db, input: { token: string; password: string }, now = new Date()) {
  const reset = await openPasswordReset(db, input.token, now);
  const result = await usePasswordResetRow(db, { resetId: reset.id, userId: reset.user.id, passwordHash: await hashPassword(input.password), now });
  if (result === "used") throw new AppError("CONFLICT", "This password reset link was just used or replaced. Ask an owner for a new one.");
  return { email: reset.user.email, sessionsEnded: result.sessionsEnded, tokensRevoked: result.tokensRevoked };
}
