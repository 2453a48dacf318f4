"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { isActiveRunStatus, RunStatusBadge } from "@/components/runs/run-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";

/** The dataset's runs; keeps polling while one of them is still going. */
export function RunsList({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const runs = useQuery(
    trpc.runs.list.queryOptions(
      { datasetId },
      {
        refetchInterval: (query) => (query.state.data?.some((run) => isActiveRunStatus(run.status)) ? 2_000 : false),
      },
    ),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>Runs</CardTitle>
      </CardHeader>
      <CardContent className="pt-3">
        {runs.isPending ? <Loading label="Loading runs…" /> : null}
        {runs.isError ? <ErrorNotice title="Could not load the runs" message={runs.error.message} /> : null}
        {runs.data?.length === 0 ? <p className="text-sm text-muted-foreground">No runs yet. Launch one to generate every planned row.</p> : null}
        {runs.data && runs.data.length > 0 ? (
          <ul className="divide-y" data-testid="runs-list">
            {runs.data.map((run) => {
              const done = run.succeededRows + run.failedRows;
              return (
                <li key={run.id} data-testid="run-item" className="py-3 first:pt-0 last:pb-0">
                  <Link href={`/datasets/${datasetId}/runs/${run.id}`} className="grid gap-2 rounded-md transition-colors hover:text-foreground sm:grid-cols-[8rem_minmax(0,1fr)_10rem] sm:items-center sm:gap-4">
                    <span className="flex items-center gap-1.5">
                      <RunStatusBadge status={run.status} />
                      {run.kind !== "generation" ? (
                        <Badge variant="info" data-testid="run-kind" title={run.instruction ? `Instruction: ${run.instruction}` : undefined}>
                          {run.kind === "regeneration" ? "regeneration" : "top-up"}
                        </Badge>
                      ) : null}
                      {run.fromPreview ? (
                        <Badge variant="outline" data-testid="run-from-preview" title="Rows kept from a preview">
                          preview
                        </Badge>
                      ) : null}
                    </span>
                    <span className="grid gap-1.5">
                      <Progress value={done} max={run.plannedRows} aria-label="Rows done" className="h-1.5" />
                      <span className="text-xs text-muted-foreground tabular-nums">
                        {formatCount(run.succeededRows)} of {formatCount(run.plannedRows)} rows
                        {run.failedRows > 0 ? ` · ${formatCount(run.failedRows)} failed` : ""}
                      </span>
                    </span>
                    <span className="text-right text-xs whitespace-nowrap text-muted-foreground">{formatDateTime(run.createdAt)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
