// What the focus view and the bulk bar send to the reviews procedures: one
// schema per action, shared by the client (types) and the server (validation).
import { z } from "zod";
import { reviewStatuses, rowFilterSchema, rowSortSchema } from "./row-filter";

const rowId = z.uuid({ error: "rowId must be a row id (UUID)" });

export const MAX_LABELS = 50;
export const MAX_COMMENT_LENGTH = 5_000;
/** A selection larger than this is sent as "every row matching the filter" instead. */
export const MAX_SELECTED_IDS = 10_000;

export const rowRefInputSchema = z.object({ rowId });

export const setStatusInputSchema = z.object({ rowId, status: z.enum(reviewStatuses) });

/** The edited fields (whole field values; unchanged ones may be sent and are dropped), or null to drop the edit. */
export const editRowInputSchema = z.object({ rowId, data: z.record(z.string(), z.unknown()).nullable() });

const labels = z.array(z.string().trim().min(1, { error: "a label cannot be empty" }).max(100)).max(MAX_LABELS);
/** An empty list clears the reviewer's labels: the row's generated labels apply again. */
export const setLabelsInputSchema = z.object({ rowId, labels });

export const rateRowInputSchema = z.object({ rowId, rating: z.number().int().min(1, { error: "rating is 1 to 5 stars" }).max(5, { error: "rating is 1 to 5 stars" }).nullable() });

export const commentRowInputSchema = z.object({ rowId, comment: z.string().max(MAX_COMMENT_LENGTH, { error: `a comment is at most ${MAX_COMMENT_LENGTH} characters` }).nullable() });

/** Rows a bulk action applies to: the selected ids, or every current row matching a filter when it runs. */
export const bulkTargetSchema = z.union([
  z.object({ ids: z.array(rowId).min(1, { error: "select at least one row" }).max(MAX_SELECTED_IDS) }).strict(),
  z.object({ filter: rowFilterSchema }).strict(),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

export const bulkActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept") }),
  z.object({ kind: z.literal("reject") }),
  z.object({ kind: z.literal("reset") }),
  z.object({ kind: z.literal("labels"), labels }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const bulkCountInputSchema = z.object({ target: bulkTargetSchema });
export const bulkInputSchema = z.object({ target: bulkTargetSchema, action: bulkActionSchema });

export const undoInputSchema = z.object({ actionId: z.uuid({ error: "actionId must be a review action id (UUID)" }) });
export const historyInputSchema = z.object({ limit: z.number().int().min(1).max(200).default(20) });

/** The rows before and after `rowId` in the filter's sort order (without rowId: the first row). */
export const neighboursInputSchema = z.object({
  filter: rowFilterSchema.default({}),
  sort: rowSortSchema.default({ field: "created", dir: "asc" }),
  rowId: rowId.optional(),
});
export type NeighboursInput = z.input<typeof neighboursInputSchema>;
export const positionInputSchema = neighboursInputSchema.extend({ rowId });

export const reviewActionKinds = ["accept", "reject", "reset", "edit", "labels", "rating", "comment"] as const;
export type ReviewActionKind = (typeof reviewActionKinds)[number];

export const statusActionKind = { accepted: "accept", rejected: "reject", pending: "reset" } as const;
