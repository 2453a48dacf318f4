"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BATCH_PRICE_FACTOR, runModeSchema, type RunModeName } from "@/lib/runs/run-mode";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

const batchLabel = `Provider batch (${Math.round((1 - BATCH_PRICE_FACTOR) * 100)} % cheaper, results within 24 h)`;

/** Launch, with an optional budget (reaching it pauses the run) and the mode: online calls or provider batches. */
export function LaunchRunButton({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [budget, setBudget] = useState("");
  const [mode, setMode] = useState<RunModeName>("online");
  const launch = useMutation(
    trpc.runs.launch.mutationOptions({
      onSuccess: async ({ runId }) => {
        await queryClient.invalidateQueries(trpc.runs.list.queryFilter({ datasetId }));
        router.push(`/datasets/${datasetId}/runs/${runId}`);
      },
    }),
  );
  const budgetUsd = budget.trim() === "" ? undefined : Number(budget);
  const invalid = budgetUsd !== undefined && (!Number.isFinite(budgetUsd) || budgetUsd <= 0);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <label className="sr-only" htmlFor="run-mode">How the run calls its models</label>
        <NativeSelect id="run-mode" data-testid="run-mode" className="w-auto" value={mode} onChange={(event) => setMode(runModeSchema.parse(event.target.value))}>
          <option value="online">Online</option>
          <option value="batch">{batchLabel}</option>
        </NativeSelect>
        <label className="sr-only" htmlFor="run-budget">Budget in USD (optional)</label>
        <Input id="run-budget" data-testid="run-budget" placeholder="Budget $ (optional)" inputMode="decimal" className="w-40" value={budget} aria-invalid={invalid || undefined} onChange={(event) => setBudget(event.target.value)} />
        <Button data-testid="launch-run" disabled={launch.isPending || invalid} onClick={() => launch.mutate({ datasetId, budgetUsd, mode })}>
          {launch.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />}
          Launch run
        </Button>
      </div>
      {mode === "batch" ? (
        <p className="max-w-xs text-right text-xs text-muted-foreground" data-testid="run-mode-hint">
          OpenAI and Anthropic models only. Answers that fail validation, and whatever a batch does not answer, are retried online.
        </p>
      ) : null}
      {invalid ? <p className="text-xs text-destructive">The budget must be a positive number of US dollars.</p> : null}
      {launch.isError ? (
        <p role="alert" data-testid="launch-error" className="max-w-xs text-right text-xs whitespace-pre-wrap text-destructive">
          {launch.error.message}
        </p>
      ) : null}
    </div>
  );
}
