"use client";

// "Insights" of a dataset: review progress (overall and per reviewer), charts of what it holds, the coverage
// matrix with top-ups, and near-duplicates. A section for the review page, or a
// page of its own (InsightsPage, at /datasets/[id]/insights).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc/client";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { PageHeader } from "@/components/page-header";
import { CoverageMatrix } from "./coverage-matrix";
import { DatasetCharts } from "./dataset-charts";
import { DuplicatesPanel } from "./duplicates-panel";
import { ReviewProgress } from "./review-progress";
import { ReviewerProgress } from "./reviewer-progress";

export function InsightsPanel({ datasetId }: { datasetId: string }) {
  return (
    <div className="grid gap-6" data-testid="insights-panel">
      <div className="grid gap-6 lg:grid-cols-2">
        <ReviewProgress datasetId={datasetId} />
        <ReviewerProgress datasetId={datasetId} />
      </div>
      <DatasetCharts datasetId={datasetId} />
      <CoverageMatrix datasetId={datasetId} />
      <DuplicatesPanel datasetId={datasetId} />
    </div>
  );
}

export function InsightsPage({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  return (
    <div className="grid gap-2">
      <PageHeader
        eyebrow={<DatasetBreadcrumb datasetId={datasetId} name={dataset.data?.name} />}
        title="Insights"
        actions={<Link href={`/datasets/${datasetId}/review`} className="text-sm underline-offset-4 hover:underline">Review the rows</Link>}
      />
      <InsightsPanel datasetId={datasetId} />
    </div>
  );
}
