// The one translation of a RowFilter into SQL. Every statement that acts on
// "the rows matching a filter" (the grid, its count, bulk actions, regeneration)
// selects FROM rows r LEFT JOIN reviews v ON v.row_id = r.id WHERE <this>, so
// they all mean the same rows. Only current rows (not replaced by a regeneration).
import { Prisma } from "@/server/generated/prisma/client";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { searchTerms, toTsQuery } from "@/lib/review/search-terms";

/** The FROM clause the fragments below are written against. */
export const ROWS_FROM = Prisma.sql`rows r LEFT JOIN reviews v ON v.row_id = r.id`;

/** A row nobody reviewed is pending. */
export const STATUS_SQL = Prisma.sql`COALESCE(v.status::text, 'pending')`;
/** The reviewer's labels once a review set any, else the generated ones. */
export const LABELS_SQL = Prisma.sql`(CASE WHEN cardinality(v.labels) > 0 THEN v.labels ELSE r.labels END)`;
/** A JSON null left by clearing an edit is not an edit. */
export const EDITED_SQL = Prisma.sql`(v.edited_data IS NOT NULL AND jsonb_typeof(v.edited_data) <> 'null')`;

/** Who accepted or rejected the row; NULL while it is pending (a reset or a rating alone reviews nothing). */
export const REVIEWER_SQL = Prisma.sql`(CASE WHEN v.status <> 'pending' THEN v.reviewer END)`;
/** A blank comment is stored as NULL; this is never NULL, so NOT is its exact complement. */
export const COMMENTED_SQL = Prisma.sql`(COALESCE(v.comment, '') <> '')`;

/**
 * How to write conditions that mean the same rows but suit different plans.
 * `variableCandidates` (default): expansion variable values go through the GIN
 * index on variables first, best when they are rare and for statements that
 * visit every matching row (counts, bulk actions). Without it, a page in
 * creation order just walks the rows until it has enough, best for common values.
 */
export type FilterPlan = { variableCandidates?: boolean };

export function rowFilterWhere(datasetId: string, filter: RowFilter, plan: FilterPlan = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`r.dataset_id = ${datasetId}::uuid`, Prisma.sql`r.current`];
  if (filter.status?.length) {
    // Means STATUS_SQL = ANY(status), written so the planner can estimate it from the reviews' statistics
    // (and, without pending, start from the reviews of that status).
    const statuses = Prisma.sql`v.status = ANY(${filter.status}::review_status[])`;
    parts.push(filter.status.includes("pending") ? Prisma.sql`(v.row_id IS NULL OR ${statuses})` : statuses);
  }
  if (filter.labels?.length) {
    // Written as two branches (instead of LABELS_SQL && …) so the rows' GIN index on labels can serve the common case.
    parts.push(
      Prisma.sql`((COALESCE(cardinality(v.labels), 0) = 0 AND r.labels && ${filter.labels}::text[]) OR (cardinality(v.labels) > 0 AND v.labels && ${filter.labels}::text[]))`,
    );
  }
  if (filter.languages?.length) parts.push(Prisma.sql`r.language = ANY(${filter.languages}::text[])`);
  if (filter.models?.length) parts.push(Prisma.sql`r.model = ANY(${filter.models}::text[])`);
  if (filter.runIds?.length) parts.push(Prisma.sql`r.run_id = ANY(${filter.runIds}::uuid[])`);
  for (const [name, values] of Object.entries(filter.variables ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    // An empty value list is "no condition", like an empty status or label list.
    if (values.length) parts.push(variableCondition(name, values, plan.variableCandidates ?? true));
  }
  if (filter.reviewers?.length) {
    // Means REVIEWER_SQL = ANY(reviewers); the review's own dataset_id lets the reviews' (dataset_id, reviewer) index start the plan.
    parts.push(Prisma.sql`(v.dataset_id = ${datasetId}::uuid AND v.reviewer = ANY(${filter.reviewers}::text[]) AND v.status <> 'pending')`);
  }
  if (filter.ratings?.length) parts.push(Prisma.sql`v.rating = ANY(${filter.ratings}::int[])`);
  if (filter.rated !== undefined) parts.push(Prisma.sql`v.rating IS ${Prisma.raw(filter.rated ? "NOT NULL" : "NULL")}`);
  if (filter.commented !== undefined) parts.push(filter.commented ? COMMENTED_SQL : Prisma.sql`NOT ${COMMENTED_SQL}`);
  // EDITED_SQL is never NULL (a row without review fails its first test), so NOT is its exact complement.
  if (filter.edited !== undefined) parts.push(filter.edited ? EDITED_SQL : Prisma.sql`NOT ${EDITED_SQL}`);
  // The last near-duplicate scan (server/insights) put the row in a group.
  if (filter.duplicates !== undefined) parts.push(Prisma.sql`r.duplicate_group_id IS ${Prisma.raw(filter.duplicates ? "NOT NULL" : "NULL")}`);
  const tsquery = toTsQuery(searchTerms(filter.q));
  if (tsquery) parts.push(Prisma.sql`r.text_search @@ to_tsquery('simple', ${tsquery})`);
  return Prisma.join(parts, " AND ");
}

/**
 * `r.variables ->> name IN (values)`, preceded by containment tests the GIN
 * index on variables answers (a value that reads as a JSON number or boolean
 * may be stored as one), so only candidate rows are read.
 */
function variableCondition(name: string, values: string[], useIndex: boolean): Prisma.Sql {
  const exact = Prisma.sql`r.variables ->> ${name}::text = ANY(${values}::text[])`;
  if (!useIndex) return exact;
  const candidates = values.flatMap((value) => {
    const forms: unknown[] = [value];
    if (/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false)$/.test(value)) forms.push(JSON.parse(value));
    return forms.map((form) => Prisma.sql`r.variables @> ${JSON.stringify({ [name]: form })}::jsonb`);
  });
  return Prisma.sql`(${Prisma.join(candidates, " OR ")}) AND ${exact}`;
}

type SortKey = { sql: Prisma.Sql; type: "timestamp" | "text" | "int4" | "float8" };

/** Sort keys are never NULL, so keyset comparisons on (key, id) need no NULL cases. */
export const SORT_KEYS: Record<RowSort["field"], SortKey> = {
  created: { sql: Prisma.sql`r.created_at`, type: "timestamp" },
  // Generated columns (migration 20261125093000_review_sorts), each with an index in its order.
  text: { sql: Prisma.sql`r.text_sort`, type: "text" },
  language: { sql: Prisma.sql`r.language`, type: "text" },
  model: { sql: Prisma.sql`r.model`, type: "text" },
  label: { sql: Prisma.sql`COALESCE(${LABELS_SQL}[1], '')`, type: "text" },
  status: { sql: STATUS_SQL, type: "text" },
  length: { sql: Prisma.sql`r.text_length`, type: "int4" },
  cost: { sql: Prisma.sql`r.cost_usd`, type: "float8" },
};

/** ORDER BY body: the sort key, then the row id, so equal keys still have one stable order. */
export function rowOrderBy(sort: RowSort): Prisma.Sql {
  const dir = Prisma.raw(sort.dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`${SORT_KEYS[sort.field].sql} ${dir}, r.id ${dir}`;
}

/** The sort key as text, selected with each row so a cursor can resume after it exactly. */
export function rowSortKey(sort: RowSort): Prisma.Sql {
  return Prisma.sql`(${SORT_KEYS[sort.field].sql})::text`;
}

/** Rows strictly after (key, id) in the sort order: keyset pagination, as fast deep in the list as on page one. */
export function rowAfter(sort: RowSort, after: { key: string; id: string }): Prisma.Sql {
  const key = SORT_KEYS[sort.field];
  const op = Prisma.raw(sort.dir === "desc" ? "<" : ">");
  return Prisma.sql`(${key.sql}, r.id) ${op} (${after.key}::${Prisma.raw(key.type)}, ${after.id}::uuid)`;
}
