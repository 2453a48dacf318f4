"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, PauseCircle, Play } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { formatCost } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A paused run says why. A budget pause resumes here once the budget is raised
 * (or removed); a person's pause resumes from the run's actions.
 */
/** Why the run is paused, for everyone who can see the run; resuming (with a new budget) only for those who may (`canResume`). */
export function RunPaused({ runId, reason, spentUsd, budgetUsd, byBudget, canResume }: { runId: string; reason: string | null; spentUsd: number; budgetUsd: number | null; byBudget: boolean; canResume: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [budget, setBudget] = useState(budgetUsd !== null ? String(Math.ceil(budgetUsd * 2 * 100) / 100) : "");
  const resume = useMutation(
    trpc.runs.resume.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.runs.progress.queryFilter({ runId })) }),
  );
  const parsed = budget.trim() === "" ? null : Number(budget);
  const invalid = parsed !== null && (!Number.isFinite(parsed) || parsed <= spentUsd);
  return (
    <Card className="border-warning/50 bg-warning/5" data-testid="run-paused">
      <CardContent className="grid gap-3">
        <p className="flex items-start gap-2 text-sm">
          <PauseCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span data-testid="run-paused-reason">{reason ?? "The run is paused."}</span>
        </p>
        {!canResume ? (
          <p className="text-xs text-muted-foreground" data-testid="run-paused-by-editor">An editor or owner can resume it; rows already made stay reviewable meanwhile.</p>
        ) : byBudget ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (!invalid) resume.mutate({ runId, budgetUsd: parsed });
            }}
          >
            <div className="grid gap-1.5">
              <Label htmlFor="resume-budget">New budget (USD, empty = no budget)</Label>
              <Input id="resume-budget" data-testid="resume-budget" inputMode="decimal" className="w-48" value={budget} onChange={(event) => setBudget(event.target.value)} aria-invalid={invalid || undefined} />
            </div>
            <Button type="submit" data-testid="resume-run" disabled={invalid || resume.isPending}>
              {resume.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />}
              Resume
            </Button>
            <p className="text-xs text-muted-foreground">Spent so far: {formatCost(spentUsd)}{invalid ? " — the new budget must be above that." : ""}</p>
          </form>
        ) : (
          <p className="text-xs text-muted-foreground">Items that were calling a model when the run was paused finish and keep their rows; nothing new starts until you resume.</p>
        )}
        {resume.isError ? <p role="alert" className="text-sm text-destructive">{resume.error.message}</p> : null}
      </CardContent>
    </Card>
  );
}
