import type { Metadata } from "next";
import { ExportPage } from "@/components/exports/export-page";

export const metadata: Metadata = { title: "Export" };

export default async function DatasetExportPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  return <ExportPage datasetId={datasetId} />;
}
