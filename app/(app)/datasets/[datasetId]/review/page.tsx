import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "@/components/query-state";
import { ReviewWorkspace } from "@/components/review/review-workspace";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ datasetId: string }> }) {
  const { datasetId } = await params;
  // The view lives in the query string (useSearchParams), read on the client.
  return (
    <Suspense fallback={<Loading label="Loading the review…" />}>
      <ReviewWorkspace datasetId={datasetId} />
    </Suspense>
  );
}
