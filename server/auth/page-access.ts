// Pages check the role too (the procedures behind them refuse anyway), so a
// person sees why a page is closed instead of a wall of errors.
import "server-only";
import { hasRole, type Role } from "@/lib/auth/roles";
import { getCurrentViewer } from "./current-viewer";

export async function pageAllows(needed: Role): Promise<boolean> {
  const viewer = await getCurrentViewer();
  return viewer ? hasRole(viewer.role, needed) : false;
}
