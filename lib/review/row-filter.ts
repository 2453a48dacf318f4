// Which rows of a dataset a view, a bulk action or a regeneration applies to.
// The same object lives in the review page's URL (so a view can be shared), is
// sent to the server, and becomes one SQL WHERE (server/review/filter-sql.ts).
import { z } from "zod";

export const reviewStatuses = ["pending", "accepted", "rejected"] as const;
export type ReviewStatusName = (typeof reviewStatuses)[number];

/** A review's rating: whole stars from 1 to 5. */
export const reviewRatings = [1, 2, 3, 4, 5] as const;

const RATING_ERROR = "a rating is a whole number from 1 to 5";

export const rowSortFields = ["created", "text", "language", "model", "label", "status", "length", "cost"] as const;

export const rowFilterSchema = z
  .object({
    /** Review status; a row nobody reviewed is pending. */
    status: z.array(z.enum(reviewStatuses)).optional(),
    /** Rows carrying any of these labels (the reviewed labels when a review set them). */
    labels: z.array(z.string().min(1)).optional(),
    languages: z.array(z.string().min(1)).optional(),
    models: z.array(z.string().min(1)).optional(),
    runIds: z.array(z.uuid()).optional(),
    /** Expansion variable values: name → accepted values. */
    variables: z.record(z.string(), z.array(z.string())).optional(),
    /** Rows a person edited. */
    edited: z.boolean().optional(),
    /** Rows accepted or rejected by any of these people (reviews.reviewer); pending rows have no reviewer. */
    reviewers: z.array(z.string().min(1, { error: "a reviewer's name cannot be empty" }).max(200, { error: "a reviewer's name has at most 200 characters" })).optional(),
    /** Rows a review rated with any of these ratings. */
    ratings: z.array(z.int({ error: RATING_ERROR }).min(1, { error: RATING_ERROR }).max(5, { error: RATING_ERROR })).optional(),
    /** Rows a review rated at all (true) or not (false). */
    rated: z.boolean().optional(),
    /** Rows whose review has a comment (true) or not (false). */
    commented: z.boolean().optional(),
    /** Rows flagged as near-duplicates of another row. */
    duplicates: z.boolean().optional(),
    /** Full-text search over the row's text (words, prefix match on the last one). */
    q: z.string().trim().max(500).optional(),
  })
  .strict();

export type RowFilter = z.infer<typeof rowFilterSchema>;

export const rowSortSchema = z.object({ field: z.enum(rowSortFields).default("created"), dir: z.enum(["asc", "desc"]).default("asc") });
export type RowSort = z.infer<typeof rowSortSchema>;
