"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Download } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { RowsTable } from "@/components/review/rows-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { useCan } from "@/components/auth/viewer-context";
import { RunActions } from "./run-actions";
import { RunBatches } from "./run-batches";
import { RunFailures, RunModels } from "./run-failures";
import { RunPaused } from "./run-paused";
import { RunStats } from "./run-stats";
import { RunStatusBadge } from "./run-status-badge";

export function RunProgress({ datasetId, runId }: { datasetId: string; runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Pausing, resuming, cancelling and retrying are editor actions; annotators watch.
  const editor = useCan("editor");
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  const progress = useQuery(
    trpc.runs.progress.queryOptions(
      { runId },
      // Poll until the run ends; a failed request (unknown run) stops polling too.
      { refetchInterval: (query) => (query.state.status === "error" || query.state.data?.terminal ? false : 1_000) },
    ),
  );
  const terminal = progress.data?.terminal ?? false;

  // The last rows and counters landed with the final status; refresh what showed them.
  useEffect(() => {
    if (!terminal) return;
    void queryClient.invalidateQueries(trpc.rows.list.queryFilter());
    void queryClient.invalidateQueries(trpc.runs.list.queryFilter({ datasetId }));
    void queryClient.invalidateQueries(trpc.datasets.list.queryFilter());
  }, [terminal, datasetId, queryClient, trpc]);

  if (progress.isPending) return <Loading label="Loading the run…" />;
  if (progress.isError) return <ErrorNotice title="Could not load the run" message={progress.error.message} />;

  const run = progress.data;
  // Floored so the bar reads 100 only when every planned row is done.
  const percent = run.plannedRows > 0 ? Math.min(100, Math.floor((run.done / run.plannedRows) * 100)) : 0;

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<DatasetBreadcrumb datasetId={datasetId} name={dataset.data?.name} />}
        title={
          <span className="flex items-center gap-3">
            Run <span className="font-mono text-base font-normal text-muted-foreground">{run.id.slice(0, 8)}</span>
            <RunStatusBadge status={run.status} testId="run-status" />
            {run.kind !== "generation" ? <Badge variant="info" data-testid="run-kind">{run.kind === "regeneration" ? "regeneration" : "top-up"}</Badge> : null}
          </span>
        }
        description={`Launched ${formatDateTime(run.createdAt)}${run.finishedAt ? ` · finished ${formatDateTime(run.finishedAt)}` : ""}${run.instruction ? ` · instruction: ${run.instruction}` : ""}`}
        actions={
          <>
            {editor ? <RunActions run={run} /> : null}
            {terminal ? (
              <>
                <Button variant="outline" asChild>
                  <Link href={`/datasets/${datasetId}`} data-testid="back-to-dataset">
                    <ArrowLeft aria-hidden /> Dataset rows
                  </Link>
                </Button>
                <Button asChild>
                  <a href={`/api/exports/${runId}?format=jsonl`} download data-testid="download-jsonl">
                    <Download aria-hidden /> Download JSONL
                  </a>
                </Button>
              </>
            ) : null}
          </>
        }
      />

      <Card>
        <CardContent className="grid gap-3">
          <div className="flex items-baseline justify-between gap-4">
            <p className="text-sm text-muted-foreground">
              <span data-testid="run-done" className="text-2xl font-semibold text-foreground tabular-nums">
                {formatCount(run.done)}
              </span>{" "}
              of{" "}
              <span data-testid="run-planned" className="font-medium text-foreground tabular-nums">
                {formatCount(run.plannedRows)}
              </span>{" "}
              planned rows
            </p>
            <span className="text-sm font-medium tabular-nums">{percent}%</span>
          </div>
          <Progress data-testid="run-progress" value={percent} max={100} aria-label="Rows done, percent" aria-valuetext={`${run.done} of ${run.plannedRows} rows`} className="h-2.5" />
          {run.status === "cancelling" || run.status === "cancelled" ? (
            <p data-testid="run-cancelled" className="text-sm text-muted-foreground">
              {run.status === "cancelling" ? "Cancelling: items already calling a model finish and keep their rows. " : null}
              <span className="font-medium text-foreground tabular-nums">{formatCount(run.cancelledRows)}</span> planned rows cancelled ({formatCount(run.cancelledItems)} work items); every row made is kept.
            </p>
          ) : null}
          {run.error ? (
            <p role="alert" className="text-sm whitespace-pre-wrap text-destructive">
              {run.error}
            </p>
          ) : null}
        </CardContent>
      </Card>

      {run.status === "paused" ? <RunPaused runId={runId} reason={run.pausedReason} spentUsd={run.costUsd} budgetUsd={run.budgetUsd} byBudget={run.pausedByBudget} canResume={editor} /> : null}
      <RunStats run={run} />
      <RunBatches run={run} />
      <RunFailures failures={run.failures} />
      <RunModels models={run.models} stats={run.modelStats} />
      <RowsTable datasetId={datasetId} runId={runId} live={!terminal} />
    </div>
  );
}
