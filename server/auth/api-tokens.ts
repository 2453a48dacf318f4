// Personal API tokens for the CLI and scripts: scoped to a role no higher than
// their user's, shown once at creation, stored as a SHA-256, revocable.
import "server-only";
import { aRole, hasRole, type Role } from "@/lib/auth/roles";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { insertApiToken, listApiTokensOf, revokeApiTokenRow } from "./queries";
import { API_TOKEN_PREFIX, newSecretToken } from "./secret-token";
import type { AuthedViewer } from "./viewer";

export async function createApiToken(db: Db, viewer: AuthedViewer, input: { name: string; role: Role }) {
  if (!hasRole(viewer.role, input.role)) {
    throw new AppError("FORBIDDEN", `A token cannot have more rights than you: you are ${aRole(viewer.role)}, so choose ${viewer.role} or lower.`, [{ path: "role", message: "higher than your role" }]);
  }
  const secret = newSecretToken(API_TOKEN_PREFIX);
  const token = await insertApiToken(db, { userId: viewer.id, name: input.name, role: input.role, tokenHash: secret.hash, lastFour: secret.lastFour });
  return { token, secret: secret.token };
}

export function listApiTokens(db: Db, viewer: AuthedViewer) {
  return listApiTokensOf(db, viewer.id);
}

export async function revokeApiToken(db: Db, viewer: AuthedViewer, id: string) {
  const result = await revokeApiTokenRow(db, { id, userId: viewer.id, now: new Date() });
  if (result.count === 0) throw new AppError("NOT_FOUND", "None of your live API tokens has this id.");
  return { revoked: true };
}
