// What the review grid asks the server for: a filter, a sort and a window of
// rows (a page number, or a cursor from the previous answer for keyset paging).
import { z } from "zod";
import { rowFilterSchema, rowSortSchema } from "./row-filter";

export const MAX_PAGE_SIZE = 500;

export const rowsListInputSchema = z.object({
  filter: rowFilterSchema.default({}),
  sort: rowSortSchema.default({ field: "created", dir: "asc" }),
  /** `nextCursor` of the previous page; when set, `page` is ignored and no total is counted. */
  cursor: z.string().max(4000).optional(),
  page: z.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export type RowsListInput = z.input<typeof rowsListInputSchema>;
export type RowsListQuery = z.output<typeof rowsListInputSchema>;
