import type { Metadata } from "next";
import { RowPage } from "@/components/review/insights/row-page";

export const metadata: Metadata = { title: "Row" };

export default async function DatasetRowPage({ params }: { params: Promise<{ datasetId: string; rowId: string }> }) {
  const { datasetId, rowId } = await params;
  return <RowPage datasetId={datasetId} rowId={rowId} />;
}
