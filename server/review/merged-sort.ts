// Sorts whose key lives partly in the review: status (a row without review is
// pending) and label (a review's labels replace the generated ones). ORDER BY
// on such a key reads and sorts every matching row. Instead the rows are split
// into branches whose key has an index in its order (each status; rows whose
// review set labels vs. the rest), each branch reads just enough rows for the
// page, and the short lists are merged.
import { Prisma } from "@/server/generated/prisma/client";
import type { RowSort } from "@/lib/review/row-filter";
import { reviewStatuses } from "@/lib/review/row-filter";
import { ROWS_FROM } from "./filter-sql";
import type { PageWindow } from "./queries";

/** Rows matching `when`, ordered by (`key`, id); `literal`: the key is this constant for every row of the branch. */
type Branch = { when: Prisma.Sql; key: Prisma.Sql; literal?: string };

const STATUS_BRANCHES: Branch[] = reviewStatuses.map((status) => ({
  when: status === "pending" ? Prisma.sql`(v.row_id IS NULL OR v.status = 'pending')` : Prisma.sql`v.status = ${status}::review_status`,
  key: Prisma.sql`${status}::text`,
  literal: status,
}));

// rows.label_sort and reviews.label_sort are generated columns (migration 20261125093000_review_sorts).
const LABEL_BRANCHES: Branch[] = [
  { when: Prisma.sql`v.label_sort IS NOT NULL`, key: Prisma.sql`v.label_sort` },
  { when: Prisma.sql`v.label_sort IS NULL`, key: Prisma.sql`r.label_sort` },
];

export const MERGED_SORTS: Partial<Record<RowSort["field"], Branch[]>> = { status: STATUS_BRANCHES, label: LABEL_BRANCHES };

/** SELECT of the page's row ids, in (key, id) order, for a sort in MERGED_SORTS; `where` is the filter's condition. */
export function mergedSortIds(where: Prisma.Sql, sort: RowSort, window: PageWindow): Prisma.Sql {
  const desc = sort.dir === "desc";
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const op = Prisma.raw(desc ? "<" : ">");
  const offset = "offset" in window ? window.offset : 0;
  const after = "after" in window ? window.after : undefined;
  const branches = (MERGED_SORTS[sort.field] ?? []).flatMap((branch) => {
    let keyset = Prisma.empty;
    if (after && branch.literal !== undefined) {
      // A constant key: the whole branch is before the cursor, after it, or ties with it.
      if (desc ? branch.literal > after.key : branch.literal < after.key) return [];
      if (branch.literal === after.key) keyset = Prisma.sql` AND r.id ${op} ${after.id}::uuid`;
    } else if (after) {
      keyset = Prisma.sql` AND (${branch.key}, r.id) ${op} (${after.key}::text, ${after.id}::uuid)`;
    }
    return [Prisma.sql`(SELECT r.id, ${branch.key} AS sort_key FROM ${ROWS_FROM} WHERE ${where} AND ${branch.when}${keyset} ORDER BY ${branch.key} ${dir}, r.id ${dir} LIMIT ${window.limit + offset})`];
  });
  if (branches.length === 0) return Prisma.sql`SELECT NULL::uuid AS id WHERE false`;
  const skip = offset > 0 ? Prisma.sql` OFFSET ${offset}` : Prisma.empty;
  return Prisma.sql`SELECT id FROM (${Prisma.join(branches, " UNION ALL ")}) page ORDER BY sort_key ${dir}, id ${dir} LIMIT ${window.limit}${skip}`;
}
