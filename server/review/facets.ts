// The filter bar's facets, cached per dataset. Facets cost a few scans of the
// dataset; the fingerprint is a few index lookups. A cached answer is reused
// while its dataset's fingerprint is unchanged, for at most FACETS_MAX_AGE_MS
// (near-duplicate grouping does not move the fingerprint).
import type { PrismaClient } from "@/server/generated/prisma/client";
import { findFacets, type RowFacets } from "./facet-queries";
import { fingerprintCache } from "./fingerprint-cache";

const FACETS_MAX_AGE_MS = 60_000;
const FACETS_CACHE_SIZE = 100;
/** Estimates and plans may use facets this old: a little stale is fine for them. */
const LOOSE_MAX_AGE_MS = 5 * 60_000;

const facetsCache = fingerprintCache(findFacets, { maxAgeMs: FACETS_MAX_AGE_MS, size: FACETS_CACHE_SIZE });

export function getRowFacets(db: PrismaClient, datasetId: string): Promise<RowFacets> {
  return facetsCache.get(db, datasetId);
}

/** The facets the grid loaded lately (the filter bar always asks), without a query; undefined when none. */
export function recentFacets(datasetId: string): RowFacets | undefined {
  const entry = facetsCache.peek(datasetId);
  return entry && Date.now() - entry.at <= LOOSE_MAX_AGE_MS ? entry.value : undefined;
}

/** The uncached facets, for the benchmark and tests. */
export const computeRowFacets = findFacets;
