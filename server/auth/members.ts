// Members (owners only): list, change role, remove. The last owner can be
// neither demoted nor removed, so datafast always has someone who can manage it.
import "server-only";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { deleteUser, listUsers, updateUserRole } from "./queries";

const LAST_OWNER = "datafast needs at least one owner: make someone else an owner first.";

export function listMembers(db: Db) {
  return listUsers(db);
}

export async function changeMemberRole(db: Db, userId: string, role: Role) {
  const result = await updateUserRole(db, userId, role);
  if (result === "missing") throw new AppError("NOT_FOUND", "No member with this id.");
  if (result === "last-owner") throw new AppError("PRECONDITION_FAILED", LAST_OWNER);
  return result;
}

export async function removeMember(db: Db, userId: string) {
  const result = await deleteUser(db, userId);
  if (result === "missing") throw new AppError("NOT_FOUND", "No member with this id.");
  if (result === "last-owner") throw new AppError("PRECONDITION_FAILED", LAST_OWNER);
  return { removed: true };
}
