import type { Metadata } from "next";
import { RunProgress } from "@/components/runs/run-progress";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ datasetId: string; runId: string }> }) {
  const { datasetId, runId } = await params;
  return <RunProgress datasetId={datasetId} runId={runId} />;
}
