// Contexts for createCaller as a given role (or anonymous), so integration
// tests call procedures exactly as a signed-in person would.
import type { Role } from "@/lib/auth/roles";
import type { AuthedViewer } from "@/server/auth/viewer";
import type { Context } from "@/server/trpc/context";

export const testViewers: Record<Role, AuthedViewer> = {
  owner: { id: "00000000-0000-4000-8000-00000000000a", name: "Olivia Owner", email: "owner@datafast.test", role: "owner", via: "session" },
  editor: { id: "00000000-0000-4000-8000-00000000000b", name: "Eddie Editor", email: "editor@datafast.test", role: "editor", via: "session" },
  annotator: { id: "00000000-0000-4000-8000-00000000000c", name: "Ana Annotator", email: "annotator@datafast.test", role: "annotator", via: "session" },
};

/** A context as `role` (a test viewer; pass `viewer` to be someone else), or anonymous with null. */
export function contextAs(role: Role | null, base: Pick<Context, "db" | "queue">, viewer?: Partial<AuthedViewer>): Context {
  return { ...base, viewer: role ? { ...testViewers[role], ...viewer } : null, authProblem: null };
}
