// Review progress per person, cached per dataset like the grid's facets: the
// numbers take a scan of the dataset's reviews joined to its rows, the panel asks
// every few seconds, and the facets' fingerprint (a few index lookups) says when
// a review or a row changed. A cached answer lives at most MAX_AGE_MS.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { findFacetsFingerprint } from "@/server/review/facet-queries";
import { findReviewerProgress, type ReviewerProgress } from "./stats-queries";

const MAX_AGE_MS = 60_000;
const CACHE_SIZE = 100;

type Entry = { fingerprint: string; at: number; value: Promise<ReviewerProgress[]> };
const cache = new Map<string, Entry>();

/** Review progress per person, beside the dataset's: rows each accepted or rejected, edited, and their mean rating. */
export async function getReviewerProgress(db: PrismaClient, datasetId: string): Promise<{ reviewers: ReviewerProgress[] }> {
  const fingerprint = await findFacetsFingerprint(db, datasetId);
  const cached = cache.get(datasetId);
  if (cached && cached.fingerprint === fingerprint && Date.now() - cached.at < MAX_AGE_MS) return { reviewers: await cached.value };
  const value = findReviewerProgress(db, datasetId);
  cache.delete(datasetId);
  cache.set(datasetId, { fingerprint, at: Date.now(), value });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  // A failed computation is not kept.
  value.catch(() => cache.get(datasetId)?.value === value && cache.delete(datasetId));
  return { reviewers: await value };
}
