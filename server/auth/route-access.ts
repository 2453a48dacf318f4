// The one check every route handler (app/api/**/route.ts) makes before it does
// anything: who is calling and whether their role allows this route.
import "server-only";
import { aRole, hasRole, type Role } from "@/lib/auth/roles";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { getAuth } from "./auth";
import { requireViewer, resolveViewer, type AuthedViewer } from "./viewer";

export function assertRole(viewer: AuthedViewer, needed: Role): AuthedViewer {
  if (!hasRole(viewer.role, needed)) throw new AppError("FORBIDDEN", `This needs the ${needed} role; you are ${aRole(viewer.role)}. Ask an owner to change your role.`);
  return viewer;
}

/** Throws 401 without a session or token, 403 when the role is too low. */
export async function requireRouteRole(request: Request, needed: Role): Promise<AuthedViewer> {
  return assertRole(requireViewer(await resolveViewer(getDb(), getAuth(), request.headers)), needed);
}
