"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartColumn, Download, FileOutput, ListChecks } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { datasetDesignSchema } from "@/lib/designs/design-schema";
import { useTRPC } from "@/lib/trpc/client";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { ReviewProgress } from "@/components/review/insights/review-progress";
import { RowsTable } from "@/components/review/rows-table";
import { isActiveRunStatus } from "@/components/runs/run-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DesignSummary } from "./design-summary";
import { ExportDesignDialog } from "./design-file/export-design-dialog";
import { useCan } from "@/components/auth/viewer-context";
import { LaunchRunButton } from "./launch-run-button";
import { RunsList } from "./runs-list";

export function DatasetOverview({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const editor = useCan("editor");
  const previewNotKept = useSearchParams().get("preview") === "not-kept";
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  // Shares the runs query RunsList polls; only asks whether a run is still writing rows.
  const live = useQuery(trpc.runs.list.queryOptions({ datasetId }, { select: (runs) => runs.some((run) => isActiveRunStatus(run.status)) }));

  if (dataset.isPending) return <Loading label="Loading the dataset…" />;
  if (dataset.isError) return <ErrorNotice title="Could not load the dataset" message={dataset.error.message} />;

  const parsed = datasetDesignSchema.safeParse(dataset.data.design);
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/datasets" className="hover:text-foreground">
            Datasets
          </Link>
        }
        title={<span data-testid="dataset-title">{dataset.data.name}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge variant="outline">{dataset.data.type}</Badge>
            <span>
              version {dataset.data.version} · created {formatDateTime(dataset.data.createdAt)}
            </span>
          </span>
        }
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/datasets/${datasetId}/review`} data-testid="open-review">
                <ListChecks aria-hidden /> Review rows
              </Link>
            </Button>
            {editor ? (
              <Button variant="outline" asChild>
                {/* A plain link: the browser streams the file to disk instead of holding it in memory. */}
                <a href={`/api/exports/${datasetId}?format=jsonl`} download data-testid="download-jsonl">
                  <Download aria-hidden /> Download JSONL
                </a>
              </Button>
            ) : null}
            <Button variant="outline" asChild>
              <Link href={`/datasets/${datasetId}/export`} data-testid="open-export">
                <FileOutput aria-hidden /> Export
              </Link>
            </Button>
            <Button variant="outline" asChild>
              <Link href={`/datasets/${datasetId}/insights`} data-testid="open-insights">
                <ChartColumn aria-hidden /> Insights
              </Link>
            </Button>
            {editor ? (
              <>
                <ExportDesignDialog design={dataset.data.design} name={dataset.data.name} size="default" />
                <LaunchRunButton datasetId={datasetId} />
              </>
            ) : null}
          </>
        }
      />
      {parsed.success ? (
        <DesignSummary design={parsed.data} />
      ) : (
        <ErrorNotice title="This design no longer passes validation" message={parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n")} />
      )}
      {previewNotKept ? (
        <p role="status" data-testid="preview-not-kept" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          The dataset was saved, but the preview&apos;s rows could not be kept (the preview was discarded or expired, or the design changed). Launch a run to generate rows.
        </p>
      ) : null}
      <ReviewProgress datasetId={datasetId} />
      <RunsList datasetId={datasetId} />
      <RowsTable datasetId={datasetId} live={live.data ?? false} />
    </div>
  );
}
