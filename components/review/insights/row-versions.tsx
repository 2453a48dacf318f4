"use client";

// A row's versions, newest first: the current one and those it replaced (or
// that replaced it), each with the run that made it and its extra instruction.
import type { RouterOutputs } from "@/lib/trpc/client";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

export type RowVersion = RouterOutputs["insights"]["rowVersions"][number];

const KIND_LABEL: Record<string, string> = { generation: "generated", regeneration: "regenerated", top_up: "topped up" };

export function RowVersions({ versions, rowId }: { versions: RowVersion[]; rowId: string }) {
  return (
    <ol className="grid gap-3" data-testid="row-versions">
      {[...versions].reverse().map((version) => (
        <li key={version.id} data-testid="row-version" data-current={version.current} data-row-id={version.id}
          className={cn("grid gap-1.5 rounded-md border p-3 text-sm", version.current ? "border-primary/40 bg-primary/5" : "bg-muted/30")}>
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            {version.current ? <Badge variant="success">current</Badge> : <Badge variant="outline">replaced</Badge>}
            {version.id === rowId ? <Badge variant="info">this row</Badge> : null}
            <span>{KIND_LABEL[version.runKind] ?? version.runKind} {formatDateTime(version.createdAt)}</span>
            <span className="font-mono">{version.model}</span>
            <span>review: {version.status}</span>
          </div>
          {version.instruction ? (
            <p className="text-xs" data-testid="row-version-instruction">
              <span className="text-muted-foreground">Instruction: </span>
              {version.instruction}
            </p>
          ) : null}
          {/* Generated text is untrusted: React text only. */}
          <p className="leading-relaxed whitespace-pre-wrap" data-testid="row-version-text">{version.text}</p>
        </li>
      ))}
    </ol>
  );
}
