// Review progress per person, cached per dataset like the grid's facets: the
// numbers take a scan of the dataset's reviews joined to its rows, the panel asks
// every few seconds, and the facets' fingerprint (a few index lookups) says when
// a review or a row changed (server/review/fingerprint-cache.ts). A cached answer lives at most a minute.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fingerprintCache } from "@/server/review/fingerprint-cache";
import { findReviewerProgress, type ReviewerProgress } from "./stats-queries";

const cache = fingerprintCache(findReviewerProgress, { maxAgeMs: 60_000, size: 100 });

/** Review progress per person, beside the dataset's: rows each accepted or rejected, edited, and their mean rating. */
export async function getReviewerProgress(db: PrismaClient, datasetId: string): Promise<{ reviewers: ReviewerProgress[] }> {
  return { reviewers: await cache.get(db, datasetId) };
}
