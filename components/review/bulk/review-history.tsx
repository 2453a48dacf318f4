"use client";

// The dataset's recent review actions, newest first, each undoable until undone.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { formatDateTime } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { useReviewActions } from "../focus/use-review-actions";

export function ReviewHistory({ datasetId, limit = 15 }: { datasetId: string; limit?: number }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.reviews.history.queryOptions({ datasetId, limit }));
  const { undo } = useReviewActions();
  const [message, setMessage] = useState<string | null>(null);
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.isError) return <ErrorNotice title="Could not load the history" message={history.error.message} />;
  if (history.data.length === 0) return <p className="text-sm text-muted-foreground">No review action yet.</p>;
  return (
    <div className="grid gap-2 text-sm">
      <ol className="grid gap-1" data-testid="review-history">
        {history.data.map((action) => (
          <li key={action.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 border-t pt-1 first:border-t-0 first:pt-0" data-testid="history-entry" data-undone={action.undoneAt ? "yes" : undefined}>
            <span className={action.undoneAt ? "text-muted-foreground line-through" : undefined}>{action.label}</span>
            {action.target ? <span className="text-xs text-muted-foreground">matching &apos;{action.target}&apos;</span> : null}
            <span className="text-xs text-muted-foreground">
              by {action.actor}, {formatDateTime(action.createdAt)}
            </span>
            {action.undoneAt ? (
              <span className="text-xs text-muted-foreground">undone{action.undoSkipped ? ` (${action.undoSkipped} changed since, kept)` : ""}</span>
            ) : (
              <Button
                size="sm"
                variant="link"
                className="ml-auto h-auto p-0"
                disabled={undo.isPending}
                data-testid="history-undo"
                onClick={() => undo.mutate({ datasetId, actionId: action.id }, { onSuccess: (result) => setMessage(result.message), onError: (error) => setMessage(error.message) })}
              >
                Undo
              </Button>
            )}
          </li>
        ))}
      </ol>
      {message ? (
        <p role="status" className="text-xs text-muted-foreground">
          {message}
        </p>
      ) : null}
    </div>
  );
}
