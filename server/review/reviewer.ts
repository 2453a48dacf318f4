// Who a review action is recorded as: always the signed-in caller, never a
// name the client sends, so "reviewed by" cannot be forged.
import type { Viewer } from "@/lib/auth/roles";

export function reviewerOf(viewer: Viewer): string {
  return viewer.name;
}
