// The values the review grid's filter bar offers, with how many current rows
// carry each (over the whole dataset, not the current filter, so they can be
// cached per dataset), and a cheap fingerprint that changes when they may have.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import { COMMENTED_SQL, EDITED_SQL, LABELS_SQL, REVIEWER_SQL, ROWS_FROM, STATUS_SQL } from "./filter-sql";

export type FacetCount = { value: string; count: number };
export type RunFacet = { value: string; count: number; createdAt: Date };
export type RowFacets = {
  total: number;
  statuses: FacetCount[];
  labels: FacetCount[];
  languages: FacetCount[];
  models: FacetCount[];
  runs: RunFacet[];
  /** Expansion variable name → its values, most frequent first (at most MAX_VARIABLE_VALUES each). */
  variables: Record<string, FacetCount[]>;
  edited: number;
  /** Rows in a near-duplicate group. */
  duplicates: number;
  /** Who accepted or rejected rows (pending rows have no reviewer), most rows first. */
  reviewers: FacetCount[];
  /** Ratings given ("1" … "5"), highest first. */
  ratings: FacetCount[];
  /** Rows with a rating, and rows whose review has a comment. */
  rated: number;
  commented: number;
};

/** A filter bar cannot offer more values of one variable usefully; the rest are reachable by URL. */
export const MAX_VARIABLE_VALUES = 200;

const current = (datasetId: string) => Prisma.sql`r.dataset_id = ${datasetId}::uuid AND r.current`;

export async function findFacets(db: PrismaClient, datasetId: string): Promise<RowFacets> {
  const where = current(datasetId);
  const [groups, labels, runs, variables, reviews, flags] = await Promise.all([
    // One scan for every single-column facet.
    db.$queryRaw<{ kind: string; value: string | null; count: number }[]>`
      SELECT CASE WHEN GROUPING(r.language) = 0 THEN 'language' WHEN GROUPING(r.model) = 0 THEN 'model' WHEN GROUPING(${STATUS_SQL}) = 0 THEN 'status' ELSE 'total' END AS kind,
             COALESCE(r.language, r.model, ${STATUS_SQL}) AS value, count(*)::int AS count
        FROM ${ROWS_FROM} WHERE ${where}
       GROUP BY GROUPING SETS ((r.language), (r.model), (${STATUS_SQL}), ())`,
    db.$queryRaw<FacetCount[]>`
      SELECT l AS value, count(*)::int AS count FROM ${ROWS_FROM} CROSS JOIN LATERAL unnest(${LABELS_SQL}) AS l WHERE ${where} GROUP BY l ORDER BY count DESC, l`,
    db.$queryRaw<RunFacet[]>`
      SELECT c.run_id::text AS value, c.count, runs.created_at AS "createdAt"
        FROM (SELECT r.run_id, count(*)::int AS count FROM rows r WHERE ${where} GROUP BY r.run_id) c JOIN runs ON runs.id = c.run_id
       ORDER BY runs.created_at, runs.id`,
    db.$queryRaw<{ name: string; value: string; count: number }[]>`
      SELECT name, value, count FROM (
        SELECT e.key AS name, e.value, count(*)::int AS count, row_number() OVER (PARTITION BY e.key ORDER BY count(*) DESC, e.value) AS rank
          FROM rows r CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(r.variables) = 'object' THEN r.variables ELSE '{}'::jsonb END) AS e
         WHERE ${where} AND e.value IS NOT NULL
         GROUP BY e.key, e.value) ranked
       WHERE rank <= ${MAX_VARIABLE_VALUES}
       ORDER BY name, count DESC, value`,
    findReviewFacets(db, datasetId),
    countFlags(db, datasetId),
  ]);
  const byKind = (kind: string) => groups.filter((group) => group.kind === kind).map(({ value, count }) => ({ value: value ?? "", count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const variableFacets: Record<string, FacetCount[]> = {};
  for (const { name, value, count } of variables) (variableFacets[name] ??= []).push({ value, count });
  return {
    total: groups.find((group) => group.kind === "total")?.count ?? 0,
    statuses: byKind("status"),
    labels,
    languages: byKind("language"),
    models: byKind("model"),
    runs,
    variables: variableFacets,
    ...reviews,
    ...flags,
  };
}

/** Reviewers and ratings, read from the dataset's reviews (a row without one has neither). */
async function findReviewFacets(db: PrismaClient, datasetId: string): Promise<Pick<RowFacets, "reviewers" | "ratings">> {
  const groups = await db.$queryRaw<{ kind: "reviewer" | "rating"; value: string | null; count: number }[]>`
    SELECT CASE WHEN GROUPING(${REVIEWER_SQL}) = 0 THEN 'reviewer' ELSE 'rating' END AS kind,
           COALESCE(${REVIEWER_SQL}, v.rating::text) AS value, count(*)::int AS count
      FROM reviews v JOIN rows r ON r.id = v.row_id
     WHERE v.dataset_id = ${datasetId}::uuid AND ${current(datasetId)}
     GROUP BY GROUPING SETS ((${REVIEWER_SQL}), (v.rating))`;
  const of = (kind: string) => groups.filter((group) => group.kind === kind && group.value !== null) as FacetCount[];
  return {
    reviewers: of("reviewer").sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ratings: of("rating").sort((a, b) => Number(b.value) - Number(a.value)),
  };
}

type Flags = Pick<RowFacets, "edited" | "duplicates" | "rated" | "commented">;

async function countFlags(db: PrismaClient, datasetId: string): Promise<Flags> {
  // Each from its own small set: reviews (only reviewed rows can be edited, rated or commented) and the duplicate_group_id index.
  const [row] = await db.$queryRaw<Flags[]>`
    SELECT s.edited, s.rated, s.commented,
           (SELECT count(*)::int FROM rows r WHERE r.duplicate_group_id IS NOT NULL AND ${current(datasetId)}) AS duplicates
      FROM (SELECT count(*) FILTER (WHERE ${EDITED_SQL})::int AS edited, count(v.rating)::int AS rated, count(*) FILTER (WHERE ${COMMENTED_SQL})::int AS commented
              FROM reviews v JOIN rows r ON r.id = v.row_id WHERE v.dataset_id = ${datasetId}::uuid AND ${current(datasetId)}) s`;
  return { edited: row?.edited ?? 0, duplicates: row?.duplicates ?? 0, rated: row?.rated ?? 0, commented: row?.commented ?? 0 };
}

/**
 * Changes whenever rows are added, replaced or reviewed: the newest row, the
 * number of current rows and the latest review change. Cheap next to the facets
 * themselves (index-only scans), so a cache can check it on every call.
 */
export async function findFacetsFingerprint(db: PrismaClient, datasetId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM rows r WHERE ${current(datasetId)}),
      (SELECT max(r.created_at) FROM rows r WHERE r.dataset_id = ${datasetId}::uuid),
      (SELECT count(*) || ':' || COALESCE(max(v.updated_at)::text, '') FROM reviews v WHERE v.dataset_id = ${datasetId}::uuid)) AS fingerprint`;
  return row?.fingerprint ?? "";
}
