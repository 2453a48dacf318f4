import Link from "next/link";
import { Database } from "lucide-react";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b bg-card/90 backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-8 px-6">
        <Link href="/datasets" className="flex items-center gap-2 font-semibold tracking-tight">
          <Database className="size-4" aria-hidden />
          datafast
        </Link>
        <nav aria-label="Main" className="flex items-center gap-5 text-sm text-muted-foreground">
          <Link href="/datasets" className="transition-colors hover:text-foreground">
            Datasets
          </Link>
          <Link href="/datasets/new" className="transition-colors hover:text-foreground">
            New dataset
          </Link>
          <Link href="/sources" className="transition-colors hover:text-foreground" data-testid="nav-sources">
            Sources
          </Link>
          <Link href="/settings/connections" className="transition-colors hover:text-foreground" data-testid="nav-connections">
            Connections
          </Link>
        </nav>
      </div>
    </header>
  );
}
