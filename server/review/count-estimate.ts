// A quick count for a filter whose exact count would take too long: the
// dataset's facet counts (exact per dimension, cached) combined as if the
// dimensions were independent. Exact for a filter on one dimension of
// single-valued facets; flagged as an estimate everywhere it is used.
import type { RowFilter } from "@/lib/review/row-filter";
import type { FacetCount, RowFacets } from "./facet-queries";

function share(facets: FacetCount[], selected: string[] | undefined, total: number): number {
  if (!selected?.length) return 1;
  const wanted = new Set(selected);
  const matching = facets.reduce((sum, facet) => sum + (wanted.has(facet.value) ? facet.count : 0), 0);
  return Math.min(1, matching / total);
}

/** `searchShare`: the part of the dataset the search matches (1 without a search). */
export function estimateCount(facets: RowFacets, filter: RowFilter, searchShare = 1): number {
  const total = facets.total;
  if (total === 0) return 0;
  let result = total;
  if (filter.reviewers?.length && filter.status?.length) {
    // Only accepted and rejected rows have a reviewer: the status narrows among those, not among all rows.
    const reviewed = facets.statuses.filter((facet) => facet.value !== "pending");
    const reviewedTotal = reviewed.reduce((sum, facet) => sum + facet.count, 0);
    result *= reviewedTotal ? share(reviewed, filter.status, reviewedTotal) : 0;
  } else {
    result *= share(facets.statuses, filter.status, total);
  }
  result *= share(facets.labels, filter.labels, total);
  result *= share(facets.languages, filter.languages, total);
  result *= share(facets.models, filter.models, total);
  result *= share(facets.runs, filter.runIds, total);
  for (const [name, values] of Object.entries(filter.variables ?? {})) result *= share(facets.variables[name] ?? [], values, total);
  result *= share(facets.reviewers, filter.reviewers, total);
  result *= share(facets.ratings, filter.ratings?.map(String), total);
  if (filter.rated !== undefined) result *= filter.rated ? facets.rated / total : 1 - facets.rated / total;
  if (filter.commented !== undefined) result *= filter.commented ? facets.commented / total : 1 - facets.commented / total;
  if (filter.edited !== undefined) result *= filter.edited ? facets.edited / total : 1 - facets.edited / total;
  if (filter.duplicates !== undefined) result *= filter.duplicates ? facets.duplicates / total : 1 - facets.duplicates / total;
  result *= Math.min(1, Math.max(0, searchShare));
  return Math.round(result);
}
