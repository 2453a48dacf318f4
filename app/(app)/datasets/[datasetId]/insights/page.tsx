import type { Metadata } from "next";
import { InsightsPage } from "@/components/review/insights/insights-panel";

export const metadata: Metadata = { title: "Insights" };

export default async function DatasetInsightsPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  return <InsightsPage datasetId={datasetId} />;
}
