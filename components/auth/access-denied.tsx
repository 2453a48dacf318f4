import type { Role } from "@/lib/auth/roles";

/** Shown instead of a page the signed-in role may not use (the API refuses it too). */
export function AccessDenied({ needed }: { needed: Role }) {
  return (
    <div role="alert" data-testid="access-denied" className="rounded-md border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm">
      <p className="font-medium">This page needs the {needed} role.</p>
      <p className="text-muted-foreground">Ask an owner to change your role under Settings → Members.</p>
    </div>
  );
}
