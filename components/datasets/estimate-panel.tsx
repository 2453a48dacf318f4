"use client";

import { useQuery } from "@tanstack/react-query";
import { costForMode } from "@/lib/runs/run-mode";
import { useTRPC } from "@/lib/trpc/client";
import { formatCost, formatCount } from "@/components/format";
import { useDebounced } from "./use-debounced";
import type { PreviewState } from "./use-preview";


/**
 * Calls, tokens and dollars of the planned run, from the server's planner and
 * price table. A finished preview of this exact design makes it a measurement.
 */
export function EstimatePanel({ design, preview, previewIsCurrent }: { design: unknown; preview: PreviewState; previewIsCurrent: boolean }) {
  const trpc = useTRPC();
  const sample =
    previewIsCurrent && preview.status === "done" && preview.usage && preview.calls && preview.rowCount
      ? { calls: preview.calls, rows: preview.rowCount, inputTokens: preview.usage.inputTokens ?? 0, outputTokens: preview.usage.outputTokens ?? 0 }
      : undefined;
  const input = useDebounced({ design, sample }, 400);
  const plan = useQuery({ ...trpc.datasets.plan.queryOptions(input), retry: false, placeholderData: (previous) => previous });
  if (plan.isError || !plan.data) return null;
  const { estimate } = plan.data;
  return (
    <div className="grid gap-1.5 border-t pt-3 text-sm" data-testid="estimate">
      <div className="flex items-center justify-between">
        <span className="text-muted-foreground">Estimated cost</span>
        <span className="font-semibold tabular-nums" data-testid="estimate-cost">
          {estimate.costUsd === null ? "price unknown" : formatCost(estimate.costUsd)}
        </span>
      </div>
      {estimate.costUsd ? (
        <div className="flex items-center justify-between text-xs text-muted-foreground" data-testid="estimate-batch-cost">
          <span>Launched as provider batches (OpenAI, Anthropic)</span>
          <span className="tabular-nums">{formatCost(costForMode(estimate.costUsd, "batch"))}</span>
        </div>
      ) : null}
      <div className="flex items-center justify-between text-xs text-muted-foreground">
        <span>{formatCount(estimate.calls)} calls</span>
        <span className="tabular-nums">
          ~{formatCount(estimate.inputTokens)} in / ~{formatCount(estimate.outputTokens)} out tokens
        </span>
      </div>
      <p className="text-xs text-muted-foreground" data-testid="estimate-basis">
        {estimate.basis === "preview" ? "From the preview's measured usage." : "Guessed from prompt length; run a preview for a measured estimate."}
        {estimate.unpricedModels.length > 0 ? ` No price for ${estimate.unpricedModels.join(", ")} (Settings → Prices).` : ""}
      </p>
    </div>
  );
}
