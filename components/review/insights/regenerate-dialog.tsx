"use client";

// "Regenerate": new versions of the selected rows (or every row matching the
// filter), optionally with an extra instruction. It starts a run of the dataset
// (kind "regeneration") that goes through the normal engine; each new row
// replaces its old one when it is made, and the old one stays in the history.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import type { RowFilter } from "@/lib/review/row-filter";
import { useTRPC } from "@/lib/trpc/client";
import { formatCost, formatCount } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useCan } from "@/components/auth/viewer-context";

/** The rows to regenerate: chosen ids, or every current row matching a filter (the grid's selection target). */
export type RegenerateTarget = { ids: string[] } | { filter: RowFilter };

const selectionOf = (target: RegenerateTarget) => ("ids" in target ? { rowIds: target.ids, filter: {} } : { filter: target.filter });

type Props = {
  datasetId: string;
  target: RegenerateTarget;
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Called with the regeneration run once it is planned. */
  onStarted?(run: { runId: string; plannedRows: number }): void;
};

export function RegenerateDialog({ datasetId, target, open, onOpenChange, onStarted }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [instruction, setInstruction] = useState("");
  const selection = selectionOf(target);
  const estimate = useQuery(trpc.insights.regenerationEstimate.queryOptions({ datasetId, ...selection }, { enabled: open }));
  const regenerate = useMutation(
    trpc.insights.regenerate.mutationOptions({
      onSuccess: async (run) => {
        await queryClient.invalidateQueries(trpc.runs.list.queryFilter({ datasetId }));
        onStarted?.(run);
      },
    }),
  );
  const close = (next: boolean) => {
    if (!next) regenerate.reset();
    onOpenChange(next);
  };
  const rows = estimate.data?.rows ?? 0;
  const started = regenerate.data;

  return (
    <Dialog open={open} onOpenChange={close} title="Regenerate rows" testId="regenerate-dialog"
      description="Each row is generated again from its own prompt (one sample). The new version replaces it in the dataset; the old one stays in its history, with its review.">
      {started ? (
        <div className="grid gap-3 text-sm" role="status" data-testid="regenerate-started">
          <p>
            Regenerating {formatCount(started.plannedRows)} {started.plannedRows === 1 ? "row" : "rows"}. Each new version appears as soon as it is made.
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="outline" asChild>
              <Link href={`/datasets/${datasetId}/runs/${started.runId}`} data-testid="regenerate-run-link">Follow the run</Link>
            </Button>
            <Button onClick={() => close(false)} data-testid="regenerate-done">Done</Button>
          </div>
        </div>
      ) : (
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            regenerate.mutate({ datasetId, ...selection, instruction: instruction.trim() || undefined });
          }}
        >
          <p className="text-sm" data-testid="regenerate-count">
            {estimate.isPending ? (
              "Counting the rows…"
            ) : estimate.isError ? (
              <span className="text-destructive">{estimate.error.message}</span>
            ) : (
              <>
                <span className="font-medium tabular-nums">{formatCount(rows)}</span> {rows === 1 ? "row" : "rows"} will be regenerated
                {estimate.data.inFlight > 0 ? ` (${formatCount(estimate.data.inFlight)} already being regenerated are left out)` : ""}. Making them the first time cost{" "}
                {formatCost(estimate.data.estimatedCostUsd)}.
              </>
            )}
          </p>
          <div className="grid gap-1.5">
            <Label htmlFor="regenerate-instruction">Extra instruction (optional)</Label>
            <Textarea id="regenerate-instruction" data-testid="regenerate-instruction" maxLength={2000} placeholder="e.g. make the tone less formal"
              value={instruction} onChange={(event) => setInstruction(event.target.value)} />
            <p className="text-xs text-muted-foreground">Appended to each row&apos;s prompt, and kept in the new row&apos;s lineage.</p>
          </div>
          {regenerate.isError ? <p role="alert" data-testid="regenerate-error" className="text-sm whitespace-pre-wrap text-destructive">{regenerate.error.message}</p> : null}
          <div className="flex justify-end gap-2">
            <Button variant="outline" onClick={() => close(false)}>Cancel</Button>
            <Button type="submit" data-testid="regenerate-confirm" disabled={regenerate.isPending || !estimate.data || rows === 0}>
              {regenerate.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
              Regenerate {estimate.data ? formatCount(rows) : ""} {rows === 1 ? "row" : "rows"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** A "Regenerate" button that opens the dialog, for a grid's selection bar or a focus view. */
export function RegenerateButton({ datasetId, target, size = "default", onStarted }: { datasetId: string; target: RegenerateTarget; size?: "default" | "sm"; onStarted?: Props["onStarted"] }) {
  const [open, setOpen] = useState(false);
  // Regeneration is a run: editors and owners only (the server refuses annotators too).
  if (!useCan("editor")) return null;
  return (
    <>
      <Button variant="outline" size={size} data-testid="regenerate" onClick={() => setOpen(true)}>
        <RefreshCw aria-hidden /> Regenerate
      </Button>
      {open ? <RegenerateDialog datasetId={datasetId} target={target} open={open} onOpenChange={setOpen} onStarted={onStarted} /> : null}
    </>
  );
}
