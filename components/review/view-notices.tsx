"use client";

import { Info } from "lucide-react";
import { Button } from "@/components/ui/button";

/** What the page ignored in its address (a stale or hand-edited link), with a way to drop it. */
export function ViewNotices({ notices, onClean }: { notices: string[]; onClean(): void }) {
  if (notices.length === 0) return null;
  return (
    <div role="status" data-testid="view-notice" className="flex items-start gap-3 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="grid flex-1 gap-0.5">
        <p className="font-medium">Parts of this address were ignored; the view shows the rest.</p>
        <ul className="list-disc pl-4">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      </div>
      <Button variant="outline" size="sm" onClick={onClean}>
        Clean the address
      </Button>
    </div>
  );
}
