// The filter bar's facets, cached per dataset. Facets cost a few scans of the
// dataset; the fingerprint is a few index lookups. A cached answer is reused
// while its dataset's fingerprint is unchanged, for at most FACETS_MAX_AGE_MS
// (near-duplicate grouping does not move the fingerprint).
import type { PrismaClient } from "@/server/generated/prisma/client";
import { findFacets, findFacetsFingerprint, type RowFacets } from "./facet-queries";

const FACETS_MAX_AGE_MS = 60_000;
const FACETS_CACHE_SIZE = 100;
/** Estimates and plans may use facets this old: a little stale is fine for them. */
const LOOSE_MAX_AGE_MS = 5 * 60_000;

type Entry = { fingerprint: string; at: number; facets: Promise<RowFacets>; value?: RowFacets };
const facetsCache = new Map<string, Entry>();

export async function getRowFacets(db: PrismaClient, datasetId: string): Promise<RowFacets> {
  const fingerprint = await findFacetsFingerprint(db, datasetId);
  const cached = facetsCache.get(datasetId);
  if (cached && cached.fingerprint === fingerprint && Date.now() - cached.at < FACETS_MAX_AGE_MS) return cached.facets;
  const facets = findFacets(db, datasetId);
  const entry: Entry = { fingerprint, at: Date.now(), facets };
  facets.then((value) => (entry.value = value)).catch(() => undefined);
  facetsCache.delete(datasetId);
  facetsCache.set(datasetId, entry);
  if (facetsCache.size > FACETS_CACHE_SIZE) facetsCache.delete(facetsCache.keys().next().value!);
  // A failed computation is not kept.
  facets.catch(() => facetsCache.get(datasetId)?.facets === facets && facetsCache.delete(datasetId));
  return facets;
}

/** The facets the grid loaded lately (the filter bar always asks), without a query; undefined when none. */
export function recentFacets(datasetId: string): RowFacets | undefined {
  const entry = facetsCache.get(datasetId);
  return entry && Date.now() - entry.at <= LOOSE_MAX_AGE_MS ? entry.value : undefined;
}

/** The uncached facets, for the benchmark and tests. */
export const computeRowFacets = findFacets;
