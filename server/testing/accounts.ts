// Real accounts for tests that go through the HTTP edge (bearer tokens, cookies):
// a user row with a role, a password credential, and API tokens.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/auth/roles";
import { createApiToken } from "@/server/auth/api-tokens";
import type { AuthedViewer } from "@/server/auth/viewer";
import type { Db } from "@/server/db";

export async function createTestUser(db: Db, role: Role, options: { name?: string; email?: string; password?: string } = {}): Promise<AuthedViewer> {
  const id = randomUUID();
  const email = options.email ?? `${role}-${id.slice(0, 8)}@datafast.test`;
  const user = await db.user.create({ data: { id, name: options.name ?? `Test ${role}`, email, role }, select: { id: true, name: true, email: true, role: true } });
  if (options.password) {
    await db.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: await hashPassword(options.password) } });
  }
  return { ...user, via: "session" };
}

/** A live API token (the secret) of `user`, scoped to `role` (default: the user's). */
export async function createTestToken(db: Db, user: AuthedViewer, role: Role = user.role): Promise<string> {
  return (await createApiToken(db, user, { name: `test ${role}`, role })).secret;
}
