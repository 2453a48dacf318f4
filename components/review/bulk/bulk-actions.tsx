"use client";

// Accept, reject, reset or label many rows at once: the selected ids, or every
// row matching the filter. The server counts first and the reviewer confirms
// ("Reject 1,234 rows matching 'label = bug, q = refund'?"); the action applies
// to the rows matching when it runs, and can be undone from the notice.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeTarget } from "@/lib/review/describe-filter";
import type { BulkAction, BulkTarget } from "@/lib/review/review-input";
import { reviewDesignInfo } from "@/lib/review/row-edits";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { ActionNotice, type ActionNoticeState } from "../action-notice";
import { useInvalidateReviews } from "../focus/use-review-actions";

const VERB: Record<BulkAction["kind"], string> = { accept: "Accept", reject: "Reject", reset: "Reset to pending", labels: "Label" };

function question(action: BulkAction, described: string): string {
  if (action.kind === "labels") return `Label ${described} as ${action.labels.join(", ")}?`;
  return `${VERB[action.kind]} ${described}?`;
}

export function BulkActions({ datasetId, target }: { datasetId: string; target: BulkTarget }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [notice, setNotice] = useState<ActionNoticeState | null>(null);
  // The count the confirmation shows is the server's, asked when the dialog opens.
  const count = useQuery(trpc.reviews.bulkCount.queryOptions({ datasetId, target }, { enabled: pending !== null, staleTime: 0 }));
  const bulk = useMutation(trpc.reviews.bulk.mutationOptions({ onSettled: invalidate }));
  const labels = dataset.data?.type === "classification" ? reviewDesignInfo(dataset.data.design).labels : [];
  const filter = "filter" in target ? target.filter : null;
  const described = count.data ? describeTarget(count.data.count, filter, formatCount) : null;

  const confirm = () => {
    if (!pending) return;
    bulk.mutate(
      { datasetId, target, action: pending },
      { onSuccess: (result) => setNotice({ message: result.message, actionId: result.actionId, datasetId }), onError: (error) => setNotice({ message: error.message, actionId: null, datasetId }) },
    );
    setPending(null);
  };

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="bulk-actions">
      {notice ? <ActionNotice notice={notice} onChange={setNotice} testId="bulk-notice" /> : null}
      <Button size="sm" variant="outline" disabled={bulk.isPending} onClick={() => setPending({ kind: "accept" })} data-testid="bulk-accept">
        Accept
      </Button>
      <Button size="sm" variant="outline" disabled={bulk.isPending} onClick={() => setPending({ kind: "reject" })} data-testid="bulk-reject">
        Reject
      </Button>
      <Button size="sm" variant="ghost" disabled={bulk.isPending} onClick={() => setPending({ kind: "reset" })} data-testid="bulk-reset">
        Reset
      </Button>
      {labels.length > 0 ? (
        <select
          aria-label="Label the selected rows as"
          data-testid="bulk-label"
          className="h-8 rounded-md border bg-card px-2 text-xs"
          value=""
          disabled={bulk.isPending}
          onChange={(event) => event.target.value && setPending({ kind: "labels", labels: [event.target.value] })}
        >
          <option value="">Label as…</option>
          {labels.map((label) => (
            <option key={label.name} value={label.name}>
              {label.name}
            </option>
          ))}
        </select>
      ) : null}
      <AlertDialog open={pending !== null} onOpenChange={(open) => !open && setPending(null)}>
        <AlertDialogContent data-testid="bulk-confirm">
          <AlertDialogTitle data-testid="bulk-confirm-title">{pending ? (described ? question(pending, described) : "Counting the rows…") : ""}</AlertDialogTitle>
          <AlertDialogDescription>
            {filter
              ? "It applies to every row matching these filters when you confirm (rows that start or stop matching meanwhile are counted then). You can undo it afterwards."
              : "It applies to the selected rows. You can undo it afterwards."}
          </AlertDialogDescription>
          {count.isError ? <p className="text-sm text-destructive">{count.error.message}</p> : null}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant={pending?.kind === "reject" ? "destructive" : "default"} disabled={!count.data || count.data.count === 0} onClick={confirm} data-testid="bulk-confirm-apply">
              {pending && count.data ? `${VERB[pending.kind]} ${formatCount(count.data.count)} ${count.data.count === 1 ? "row" : "rows"}` : "Confirm"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
