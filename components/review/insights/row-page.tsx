"use client";

// One row on a page of its own: its current version's fields, "Regenerate", and
// its history of versions. While a regeneration of it runs, the page polls until
// the new version is made.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { RowFields } from "@/components/rows/row-fields";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RegenerateButton } from "./regenerate-dialog";
import { RowVersions } from "./row-versions";

export function RowPage({ datasetId, rowId }: { datasetId: string; rowId: string }) {
  const trpc = useTRPC();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  /** The current version when a regeneration started: polling stops once another one is current. */
  const [waitingPast, setWaitingPast] = useState<string | null>(null);
  const versions = useQuery(
    trpc.insights.rowVersions.queryOptions(
      { datasetId, rowId },
      { refetchInterval: (query) => (waitingPast && query.state.data?.find((version) => version.current)?.id === waitingPast ? 1_500 : false) },
    ),
  );

  if (versions.isPending) return <Loading label="Loading the row…" />;
  if (versions.isError) return <ErrorNotice title="Could not load the row" message={versions.error.message} />;
  const current = [...versions.data].reverse().find((version) => version.current);
  const regenerating = waitingPast !== null && current?.id === waitingPast;

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<DatasetBreadcrumb datasetId={datasetId} name={dataset.data?.name} />}
        title="Row"
        description={<span className="font-mono text-xs">{rowId}</span>}
        actions={current ? <RegenerateButton datasetId={datasetId} target={{ ids: [current.id] }} onStarted={() => setWaitingPast(current.id)} /> : null}
      />
      {regenerating ? <p role="status" data-testid="row-regenerating" className="text-sm text-muted-foreground">A new version is being generated…</p> : null}
      <Card>
        <CardHeader>
          <CardTitle>{current ? "Current version" : "No current version"}</CardTitle>
        </CardHeader>
        <CardContent data-testid="row-current">
          {current ? <RowFields data={(current.data ?? {}) as Record<string, unknown>} /> : <p className="text-sm text-muted-foreground">Every version of this row was replaced.</p>}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>History</CardTitle>
        </CardHeader>
        <CardContent>
          <RowVersions versions={versions.data} rowId={rowId} />
        </CardContent>
      </Card>
    </div>
  );
}
