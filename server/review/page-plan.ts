// How to fetch a page of the grid, from what the filter is likely to match:
// Postgres has no statistics for "variables ->> name" or a review's labels
// and guesses such filters match almost nothing, then reads every candidate
// and sorts them. The dataset's facets say better (see count-estimate.ts).
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { searchTerms } from "@/lib/review/search-terms";
import { estimateCount } from "./count-estimate";
import type { FilterPlan } from "./filter-sql";
import { recentFacets } from "./facets";
import { estimateRows, type PagePlan } from "./queries";

/** From this share of matching rows, a page in creation order is found fastest by walking the rows in that order. */
const WALK_FROM_SHARE = 0.01;
/** Below this share, a variable value is found through the variables index rather than by reading rows. */
const INDEX_BELOW_SHARE = 0.02;

export async function planPage(db: PrismaClient, datasetId: string, filter: RowFilter, sort: RowSort): Promise<{ plan: FilterPlan & PagePlan; estimate: () => Promise<number> }> {
  const facets = recentFacets(datasetId);
  if (!facets || facets.total === 0) return { plan: {}, estimate: () => estimateRows(db, datasetId, filter) };
  const share = (await searchShareOf(db, datasetId, filter.q)) * (estimateCount(facets, { ...filter, q: undefined }) / facets.total);
  const variables = Object.entries(filter.variables ?? {}).filter(([, values]) => values.length > 0);
  const rareVariable = variables.some(([name, values]) => estimateCount(facets, { variables: { [name]: values } }) / facets.total < INDEX_BELOW_SHARE);
  return {
    plan: { variableCandidates: variables.length === 0 || rareVariable, walkInOrder: sort.field === "created" && share >= WALK_FROM_SHARE },
    estimate: async () => Math.round(share * facets.total),
  };
}

/** The part of the dataset a search matches, by the planner (text search has real statistics). */
async function searchShareOf(db: PrismaClient, datasetId: string, q: string | undefined): Promise<number> {
  if (!searchTerms(q).words.length) return 1;
  const [matching, all] = await Promise.all([estimateRows(db, datasetId, { q }), estimateRows(db, datasetId, {})]);
  return all > 0 ? Math.min(1, matching / all) : 0;
}
