// Accounts: the first owner (setup on a fresh install) and invitations, the
// only ways in once an owner exists. Passwords are hashed with better-auth's
// scrypt, so its sign-in verifies them.
import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/auth/roles";
import type { SetupOwnerInput } from "@/lib/auth/account-schemas";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { acceptInvitationRow, countUsers, findInvitationByHash, findUserByEmail, insertFirstOwner, insertInvitation, listOpenInvitations, revokeInvitationRow } from "./queries";
import { hashSecretToken, INVITATION_PREFIX, newSecretToken } from "./secret-token";

export const INVITATION_DAYS = 7;

/** Whether the first visit should create the owner. */
export async function getSetupState(db: Db): Promise<{ needsSetup: boolean }> {
  return { needsSetup: (await countUsers(db)) === 0 };
}

export async function setupOwner(db: Db, input: SetupOwnerInput) {
  const owner = await insertFirstOwner(db, { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) });
  if (!owner) throw new AppError("CONFLICT", "datafast already has an owner. Sign in, or ask an owner for an invitation.");
  return owner;
}

export async function createInvitation(db: Db, invitedById: string, input: { email: string; role: Role }, now = new Date()) {
  if (await findUserByEmail(db, input.email)) throw new AppError("CONFLICT", `${input.email} already has an account; change their role under Members instead.`, [{ path: "email", message: "already a member" }]);
  const secret = newSecretToken(INVITATION_PREFIX);
  const invitation = await insertInvitation(db, { ...input, tokenHash: secret.hash, invitedById, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) });
  // The token is returned once, for the link; only its hash is stored.
  return { invitation, token: secret.token, path: `/invite/${secret.token}` };
}

export function listInvitations(db: Db) {
  return listOpenInvitations(db, new Date());
}

export async function revokeInvitation(db: Db, id: string) {
  const result = await revokeInvitationRow(db, id, new Date());
  if (result.count === 0) throw new AppError("NOT_FOUND", "No open invitation with this id: it was accepted, revoked, or never existed.");
  return { revoked: true };
}

async function openInvitation(db: Db, token: string, now: Date) {
  const invitation = await findInvitationByHash(db, hashSecretToken(token));
  if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", "This invitation link is not valid (it may have been revoked). Ask an owner for a new one.");
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation was already used. Sign in with its email and password.");
  if (invitation.expiresAt <= now) throw new AppError("PRECONDITION_FAILED", `This invitation expired (links last ${INVITATION_DAYS} days). Ask an owner for a new one.`);
  return invitation;
}

/** What the invitation page shows before the person sets a password. */
export async function describeInvitation(db: Db, token: string) {
  const invitation = await openInvitation(db, token, new Date());
  return { email: invitation.email, role: invitation.role, invitedBy: invitation.invitedBy.name, expiresAt: invitation.expiresAt };
}

export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }, now = new Date()) {
  const invitation = await openInvitation(db, input.token, now);
  const passwordHash = await hashPassword(input.password);
  const result = await acceptInvitationRow(db, { invitationId: invitation.id, email: invitation.email, role: invitation.role, name: input.name, passwordHash, now });
  if (result === "used") throw new AppError("CONFLICT", "This invitation was just used or revoked. Ask an owner for a new one.");
  if (result === "exists") throw new AppError("CONFLICT", `${invitation.email} already has an account. Sign in instead.`);
  return result;
}
