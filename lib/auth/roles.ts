// Roles, shared by the server's checks and the UI's hiding: each role can do
// everything the ones below it can. The server decides; the UI only follows.
import { z } from "zod";

export const roles = ["annotator", "editor", "owner"] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { error: "role must be owner, editor or annotator" });

const rank: Record<Role, number> = { annotator: 0, editor: 1, owner: 2 };

/** True when `role` can do what `needed` can. */
export function hasRole(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/** The lower of two roles: a token never grants more than its user has now. */
export function lowerRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}

/** "an annotator", "an editor", "an owner": for messages. */
export function aRole(role: Role): string {
  return `an ${role}`;
}

export const roleDescriptions: Record<Role, string> = {
  owner: "everything: members, provider connections, prices, plus what editors do",
  editor: "designs, previews, runs, sources, exports, plus what annotators do",
  annotator: "review only: read datasets and rows, accept, reject, edit, label",
};

/** The signed-in person as the UI needs them. */
export type Viewer = { id: string; name: string; email: string; role: Role };
