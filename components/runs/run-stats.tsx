import type { ReactNode } from "react";
import { formatCost, formatCount, formatDuration, formatRate } from "@/components/format";
import type { RouterOutputs } from "@/lib/trpc/client";

export type RunProgressData = RouterOutputs["runs"]["progress"];

function Stat({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId: string }) {
  return (
    <div className="grid gap-1 rounded-lg border bg-card px-4 py-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd data-testid={testId} className="text-lg font-semibold tabular-nums tracking-tight">
        {value}
      </dd>
      {detail ? <dd className="text-xs text-muted-foreground tabular-nums">{detail}</dd> : null}
    </div>
  );
}

export function RunStats({ run }: { run: RunProgressData }) {
  const advancing = run.status === "queued" || run.status === "running";
  // A provider batch's rows arrive all at once when it ends (within 24 h): no rate to extrapolate from.
  const batchWait = run.mode === "batch" && run.batches.some((batch) => batch.status === "submitting" || batch.status === "submitted");
  const remaining = run.terminal ? "—" : !advancing ? run.status : batchWait ? "within 24 h" : run.etaMs === null ? "estimating…" : formatDuration(run.etaMs);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <Stat label="Succeeded rows" value={formatCount(run.succeededRows)} detail={`${formatCount(run.succeededItems)} of ${formatCount(run.plannedItems)} items`} testId="run-succeeded" />
      <Stat label="Failed rows" value={formatCount(run.failedRows)} detail={`${formatCount(run.failedItems)} items`} testId="run-failed" />
      <Stat label="Rows / minute" value={formatRate(run.rowsPerMinute)} testId="run-rate" />
      <Stat label={run.terminal ? "Took" : "ETA"} value={run.terminal ? formatDuration(run.elapsedMs) : remaining} detail={run.terminal ? undefined : `elapsed ${formatDuration(run.elapsedMs)}`} testId="run-eta" />
      <Stat label="Tokens" value={formatCount(run.inputTokens + run.outputTokens)} detail={`${formatCount(run.inputTokens)} in · ${formatCount(run.outputTokens)} out`} testId="run-tokens" />
      <Stat
        label="Cost"
        value={formatCost(run.costUsd)}
        detail={run.estimatedCostUsd !== null ? `estimated ${formatCost(run.estimatedCostUsd)}` : run.budgetUsd !== null ? `budget ${formatCost(run.budgetUsd)}` : undefined}
        testId="run-cost"
      />
    </dl>
  );
}
