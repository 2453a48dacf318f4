"use client";

// Recent pushes of a dataset to the Hub: status, phase while running, rows per
// split, the repo and commit links, and the reason of a failure.
import { ExternalLink } from "lucide-react";
import type { RouterOutputs } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

export type HubPush = RouterOutputs["hub"]["pushes"][number];

const STATUS: Record<HubPush["status"], { label: string; variant: BadgeVariant }> = {
  running: { label: "Pushing", variant: "info" },
  completed: { label: "Pushed", variant: "success" },
  failed: { label: "Failed", variant: "destructive" },
};

function splitsText(push: HubPush): string | null {
  if (!push.splits) return push.rowCount === null ? null : `${formatCount(push.rowCount)} rows`;
  return Object.entries(push.splits)
    .map(([split, rows]) => `${split} ${formatCount(rows)}`)
    .join(" · ");
}

export function HubPushesList({ pushes }: { pushes: HubPush[] }) {
  if (pushes.length === 0) return <p className="text-sm text-muted-foreground">No pushes yet.</p>;
  return (
    <ul className="grid gap-2" data-testid="hub-pushes">
      {pushes.map((push) => {
        const status = STATUS[push.status];
        const splits = splitsText(push);
        return (
          <li key={push.id} data-testid="hub-push" data-status={push.status} className="grid gap-1 rounded-md border px-3 py-2 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge variant={status.variant}>{status.label}</Badge>
              {push.repoUrl ? (
                <a href={push.repoUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 font-mono text-sm underline-offset-2 hover:underline" data-testid="hub-push-repo">
                  {push.repoId}
                  <ExternalLink className="size-3.5" aria-hidden />
                </a>
              ) : (
                <span className="font-mono">{push.repoId}</span>
              )}
              <span className="text-xs text-muted-foreground">{formatDateTime(push.createdAt)}</span>
            </div>
            <div className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
              {push.status === "running" && push.phase ? <span>{push.phase}…</span> : null}
              {splits ? <span>{splits}</span> : null}
              <span>{push.rowsFilter === "all" ? "all rows" : push.rowsFilter === "accepted" ? "accepted rows" : "all but rejected rows"}</span>
              {push.connectionName ? <span>via {push.connectionName}</span> : null}
              {push.commitUrl && push.commitSha ? (
                <a href={push.commitUrl} target="_blank" rel="noreferrer" className="font-mono underline-offset-2 hover:underline">
                  commit {push.commitSha.slice(0, 8)}
                </a>
              ) : null}
            </div>
            {/* Hub error text is untrusted: rendered as text, clamped, full text on hover. */}
            {push.error ? (
              <p className="line-clamp-3 text-xs break-words text-destructive" title={push.error} data-testid="hub-push-error">
                {push.error}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
