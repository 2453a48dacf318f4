"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, Loader2, Pause, Play, RotateCcw } from "lucide-react";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { Button } from "@/components/ui/button";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import type { RunProgressData } from "./run-stats";

/** Pause, resume, cancel and retry-failed, offered only where the run's status allows them. */
export function RunActions({ run }: { run: RunProgressData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.runs.progress.queryFilter({ runId: run.id })),
        queryClient.invalidateQueries(trpc.runs.list.queryFilter({ datasetId: run.datasetId })),
      ]),
  };
  const pause = useMutation(trpc.runs.pause.mutationOptions(refresh));
  const resume = useMutation(trpc.runs.resume.mutationOptions(refresh));
  const cancel = useMutation(trpc.runs.cancel.mutationOptions(refresh));
  const retry = useMutation(trpc.runs.retryFailed.mutationOptions(refresh));
  const busy = pause.isPending || resume.isPending || cancel.isPending || retry.isPending;
  const mutations = [pause, resume, cancel, retry];
  const error = mutations.find((mutation) => mutation.isError)?.error;
  // One message at a time: the last action's.
  const resetErrors = () => mutations.forEach((mutation) => mutation.reset());

  const active = run.status === "queued" || run.status === "running";
  const paused = run.status === "paused";
  const notStarted = Math.max(0, run.plannedItems - run.succeededItems - run.failedItems);

  return (
    <>
      {active ? (
        <Button variant="outline" data-testid="run-pause" disabled={busy} onClick={() => { resetErrors(); pause.mutate({ runId: run.id }); }}>
          {pause.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Pause aria-hidden />} Pause
        </Button>
      ) : null}
      {/* A budget pause resumes from its card, with a new budget. */}
      {paused && !run.pausedByBudget ? (
        <Button data-testid="run-resume" disabled={busy} onClick={() => { resetErrors(); resume.mutate({ runId: run.id }); }}>
          {resume.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />} Resume
        </Button>
      ) : null}
      {active || paused ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" data-testid="run-cancel" disabled={busy}>
              {cancel.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Ban aria-hidden />} Cancel
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>Cancel this run?</AlertDialogTitle>
            <AlertDialogDescription>
              The {formatCount(notStarted)} work items not finished yet stop here: items already calling a model finish and keep their rows, the others are cancelled.
              Every row made so far is kept. A cancelled run cannot be resumed.
            </AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep running</AlertDialogCancel>
              <AlertDialogAction variant="destructive" data-testid="run-cancel-confirm" onClick={() => { resetErrors(); cancel.mutate({ runId: run.id }); }}>
                Cancel run
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
      {run.status === "failed" && run.failedItems > 0 ? (
        <Button variant="outline" data-testid="run-retry-failed" disabled={busy} onClick={() => { resetErrors(); retry.mutate({ runId: run.id }); }}>
          {retry.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />} Retry {formatCount(run.failedItems)} failed {run.failedItems === 1 ? "item" : "items"}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" data-testid="run-action-error" className="max-w-xs text-sm text-destructive">
          {error.message}
        </p>
      ) : null}
    </>
  );
}
