"use client";

import Link from "next/link";
import { Database } from "lucide-react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { useCan, useViewer } from "@/components/auth/viewer-context";
import { Badge } from "@/components/ui/badge";

const linkClass = "transition-colors hover:text-foreground";

export function SiteHeader() {
  const viewer = useViewer();
  const editor = useCan("editor");
  const owner = useCan("owner");
  return (
    <header className="sticky top-0 z-10 border-b bg-card/90 backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-8 px-6">
        <Link href="/datasets" className="flex items-center gap-2 font-semibold tracking-tight">
          <Database className="size-4" aria-hidden />
          datafast
        </Link>
        <nav aria-label="Main" className="flex items-center gap-5 text-sm text-muted-foreground">
          <Link href="/datasets" className={linkClass}>
            Datasets
          </Link>
          {editor ? (
            <>
              <Link href="/datasets/new" className={linkClass}>
                New dataset
              </Link>
              <Link href="/sources" className={linkClass} data-testid="nav-sources">
                Sources
              </Link>
            </>
          ) : null}
          {owner ? (
            <>
              <Link href="/settings/connections" className={linkClass} data-testid="nav-connections">
                Connections
              </Link>
              <Link href="/settings/members" className={linkClass} data-testid="nav-members">
                Members
              </Link>
            </>
          ) : null}
          <Link href="/settings/api-tokens" className={linkClass} data-testid="nav-api-tokens">
            API tokens
          </Link>
        </nav>
        {viewer ? (
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/settings/account" className={linkClass} data-testid="viewer-name" title="Your account and password">
              {viewer.name}
            </Link>
            <Badge variant="outline" data-testid="viewer-role">
              {viewer.role}
            </Badge>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
