import type { Metadata } from "next";
import { DatasetOverview } from "@/components/datasets/dataset-overview";

export const metadata: Metadata = { title: "Dataset" };

export default async function DatasetPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  return <DatasetOverview datasetId={datasetId} />;
}
