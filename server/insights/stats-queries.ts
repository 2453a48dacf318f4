// Prisma access of "knowing what you have": coverage counts, the text length
// histogram and what each model cost. Counts are over current rows (a replaced
// version is history); spend is over every call of every run, replaced or failed.
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { CoverageCount } from "@/lib/insights/coverage";
import { EDITED_SQL, LABELS_SQL, REVIEWER_SQL, ROWS_FROM, STATUS_SQL } from "@/server/review/filter-sql";

/** Row fields a category is read from; "label" is the reviewed labels (a row counts once per label). */
const CATEGORY_FIELDS = new Set(["topic", "document_type", "persona"]);

export async function findCoverageCounts(db: PrismaClient, datasetId: string, by: { variable: string | null; category: string | null }): Promise<CoverageCount[]> {
  const value = by.variable ? Prisma.sql`coalesce(r.variables ->> ${by.variable}::text, '')` : Prisma.sql`''`;
  const labels = by.category === "label";
  const category = labels ? Prisma.sql`c.category` : by.category && CATEGORY_FIELDS.has(by.category) ? Prisma.sql`coalesce(r.data ->> ${by.category}::text, '')` : Prisma.sql`''`;
  return db.$queryRaw<CoverageCount[]>`
    SELECT ${value} AS value, ${category} AS category, r.language, count(*)::int AS rows,
           count(*) FILTER (WHERE ${STATUS_SQL} = 'accepted')::int AS accepted
      FROM ${ROWS_FROM} ${labels ? Prisma.sql`CROSS JOIN LATERAL unnest(${LABELS_SQL}) AS c(category)` : Prisma.empty}
     WHERE r.dataset_id = ${datasetId}::uuid AND r.current
     GROUP BY 1, 2, 3`;
}

export type LengthBucket = { from: number; to: number; rows: number };

/** Text lengths (characters) in `buckets` equal ranges from the shortest to the longest. */
export async function findLengthHistogram(db: PrismaClient, datasetId: string, buckets: number): Promise<LengthBucket[]> {
  return db.$queryRaw<LengthBucket[]>`
    WITH l AS (SELECT char_length(text) AS n FROM rows WHERE dataset_id = ${datasetId}::uuid AND current),
         b AS (SELECT min(n) AS lo, greatest(1, ceil((max(n) - min(n) + 1) / ${buckets}::numeric))::int AS w FROM l)
    SELECT b.lo + ((l.n - b.lo) / b.w) * b.w AS "from", b.lo + ((l.n - b.lo) / b.w + 1) * b.w - 1 AS "to", count(*)::int AS rows
      FROM l, b GROUP BY 1, 2 ORDER BY 1`;
}

export type ModelSpend = { model: string; calls: number; costUsd: number; inputTokens: number; outputTokens: number };

export function findSpendByModel(db: PrismaClient, datasetId: string): Promise<ModelSpend[]> {
  return db.$queryRaw<ModelSpend[]>`
    SELECT s.model, sum(s.calls)::int AS calls, sum(s.cost_usd)::float8 AS "costUsd", sum(s.input_tokens)::int AS "inputTokens", sum(s.output_tokens)::int AS "outputTokens"
      FROM run_model_stats s JOIN runs n ON n.id = s.run_id WHERE n.dataset_id = ${datasetId}::uuid
     GROUP BY s.model ORDER BY 3 DESC, 1`;
}

export type ReviewerProgress = { reviewer: string; reviewed: number; accepted: number; rejected: number; edited: number; rated: number; meanRating: number | null };

/**
 * Per person, the current rows they accepted or rejected (the review's reviewer is
 * whoever last changed it; a pending review counts for nobody), how many of those
 * carry an edit or a rating, and the mean of those ratings. Most rows first.
 */
export function findReviewerProgress(db: PrismaClient, datasetId: string): Promise<ReviewerProgress[]> {
  return db.$queryRaw<ReviewerProgress[]>`
    SELECT ${REVIEWER_SQL} AS reviewer, count(*)::int AS reviewed,
           count(*) FILTER (WHERE v.status = 'accepted')::int AS accepted, count(*) FILTER (WHERE v.status = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE ${EDITED_SQL})::int AS edited, count(v.rating)::int AS rated, avg(v.rating)::float8 AS "meanRating"
      FROM reviews v JOIN rows r ON r.id = v.row_id
     WHERE v.dataset_id = ${datasetId}::uuid AND r.dataset_id = ${datasetId}::uuid AND r.current AND ${REVIEWER_SQL} IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1`;
}
