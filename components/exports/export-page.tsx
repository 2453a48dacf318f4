"use client";

// "Export" of a dataset: one card per way out. Downloads (JSONL, CSV, Parquet)
// come first; pushing to the Hugging Face Hub and to Argilla have cards of their own.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { ArgillaCard } from "./argilla-card";
import { DownloadCard } from "./download-card";
import { HubPushCard } from "./hub-push-card";

export function ExportPage({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  if (dataset.isPending) return <Loading label="Loading the dataset…" />;
  if (dataset.isError) return <ErrorNotice title="Could not load the dataset" message={dataset.error.message} />;
  return (
    <div className="grid gap-2" data-testid="export-page">
      <PageHeader eyebrow={<DatasetBreadcrumb datasetId={datasetId} name={dataset.data.name} />} title="Export" description="Download the rows, or send them to another tool." />
      <div className="grid gap-6">
        <DownloadCard datasetId={datasetId} design={dataset.data.design} />
        <HubPushCard datasetId={datasetId} />
        <ArgillaCard datasetId={datasetId} />
      </div>
    </div>
  );
}
