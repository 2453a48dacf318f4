// Review actions in SQL. One action, single or bulk, is one transaction: record
// the action, copy the touched reviews' before-state and upsert the new state in
// one INSERT … SELECT over the same rows (no row-by-row JS, so 100k rows is one
// statement), and undo restores from that copy only the reviews still in the
// state this action made (reviews.last_action_id).
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { RowFilter } from "@/lib/review/row-filter";
import type { ReviewActionKind } from "@/lib/review/review-input";
import { ROWS_FROM, rowFilterWhere } from "./filter-sql";

type Tx = Prisma.TransactionClient;

/** A review's state change: one column per kind. */
export type ReviewChange =
  | { kind: "accept" | "reject" | "reset" }
  | { kind: "labels"; labels: string[] }
  | { kind: "rating"; rating: number | null }
  | { kind: "comment"; comment: string | null }
  | { kind: "edit"; editedData: Record<string, unknown> | null };

/** Named rows (any version of a row of the dataset), or every current row matching a filter at apply time. */
export type ActionTarget = { ids: string[] } | { filter: RowFilter };

// Bulk actions on 100k rows take seconds on a busy machine; Prisma's default is 5 s.
const TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

const STATUS_OF = { accept: "accepted", reject: "rejected", reset: "pending" } as const;

const SET_COLUMN: Record<ReviewActionKind, Prisma.Sql> = {
  accept: Prisma.sql`status = EXCLUDED.status`,
  reject: Prisma.sql`status = EXCLUDED.status`,
  reset: Prisma.sql`status = EXCLUDED.status`,
  labels: Prisma.sql`labels = EXCLUDED.labels`,
  rating: Prisma.sql`rating = EXCLUDED.rating`,
  comment: Prisma.sql`comment = EXCLUDED.comment`,
  edit: Prisma.sql`edited_data = EXCLUDED.edited_data`,
};

function targetWhere(datasetId: string, target: ActionTarget): Prisma.Sql {
  if ("filter" in target) return rowFilterWhere(datasetId, target.filter);
  return Prisma.sql`r.dataset_id = ${datasetId}::uuid AND r.id = ANY(${target.ids}::uuid[])`;
}

/**
 * Review writes of one dataset take turns, so an action's before-state is exactly
 * what it replaced and an undo never interleaves with a newer action.
 */
async function lockDatasetReviews(tx: Tx, datasetId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`datafast:reviews:${datasetId}`}, 0))`;
}

export async function countTargetRows(db: PrismaClient, datasetId: string, target: ActionTarget): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${ROWS_FROM} WHERE ${targetWhere(datasetId, target)}`;
  return row?.count ?? 0;
}

export type RecordedAction = { actionId: string | null; count: number };

export async function applyReviewChange(
  db: PrismaClient,
  input: { datasetId: string; target: ActionTarget; change: ReviewChange; actor: string; value: unknown },
): Promise<RecordedAction> {
  const { datasetId, target, change, actor } = input;
  const actionId = randomUUID();
  const filter = "filter" in target ? JSON.stringify(target.filter) : null;
  const status = change.kind in STATUS_OF ? STATUS_OF[change.kind as keyof typeof STATUS_OF] : "pending";
  const labels = change.kind === "labels" ? change.labels : [];
  const rating = change.kind === "rating" ? change.rating : null;
  const comment = change.kind === "comment" ? change.comment : null;
  const editedData = change.kind === "edit" && change.editedData ? JSON.stringify(change.editedData) : null;
  return db.$transaction(async (tx) => {
    await lockDatasetReviews(tx, datasetId);
    await tx.$executeRaw`INSERT INTO review_actions (id, dataset_id, kind, filter, value, actor)
      VALUES (${actionId}::uuid, ${datasetId}::uuid, ${change.kind}::review_action_kind, ${filter}::jsonb, ${JSON.stringify(input.value ?? null)}::jsonb, ${actor})`;
    // One statement: the CTEs and the upsert read one snapshot, so the saved before-state is what gets replaced.
    const count = await tx.$executeRaw`
      WITH target AS (
        SELECT r.id AS row_id, v.status, v.edited_data, v.labels, v.rating, v.comment, v.reviewer, v.reviewed_at, v.last_action_id
          FROM ${ROWS_FROM}
         WHERE ${targetWhere(datasetId, target)}
      ), saved AS (
        INSERT INTO review_action_rows (action_id, row_id, before_status, before_edited_data, before_labels, before_rating, before_comment, before_reviewer, before_reviewed_at, before_action_id)
        SELECT ${actionId}::uuid, row_id, status, edited_data, labels, rating, comment, reviewer, reviewed_at, last_action_id FROM target
      )
      INSERT INTO reviews (id, row_id, dataset_id, status, edited_data, labels, rating, comment, reviewer, reviewed_at, last_action_id, updated_at)
      SELECT gen_random_uuid(), row_id, ${datasetId}::uuid, ${status}::review_status, ${editedData}::jsonb, ${labels}::text[], ${rating}::int, ${comment}::text, ${actor}, now(), ${actionId}::uuid, now()
        FROM target
      ON CONFLICT (row_id) DO UPDATE SET ${SET_COLUMN[change.kind]}, reviewer = EXCLUDED.reviewer, reviewed_at = EXCLUDED.reviewed_at,
        last_action_id = EXCLUDED.last_action_id, updated_at = EXCLUDED.updated_at`;
    if (count === 0) {
      await tx.$executeRaw`DELETE FROM review_actions WHERE id = ${actionId}::uuid`;
      return { actionId: null, count: 0 };
    }
    await tx.$executeRaw`UPDATE review_actions SET count = ${count} WHERE id = ${actionId}::uuid`;
    return { actionId, count };
  }, TRANSACTION);
}

/** One row's whole new review state, applied only if the review is still the one that was read (`expected`). */
export type ReviewState = {
  rowId: string;
  /** The review the new state was computed from: null when the row had none. */
  expected: { lastActionId: string | null; updatedAt: Date } | null;
  status: "pending" | "accepted" | "rejected";
  labels: string[];
  rating: number | null;
  editedData: Record<string, unknown> | null;
  reviewer: string;
};

export type RecordedStates = RecordedAction & { applied: string[] };

/**
 * One action giving each named row its own new state (a pull from a review tool):
 * like a bulk action, the before-states are copied in the same statement, so undo
 * restores every row at once. A row whose review changed since it was read (another
 * action, or a review where there was none) is left alone; `applied` lists the rows
 * that did change. The comment is never touched.
 */
export async function applyReviewStates(
  db: PrismaClient,
  input: { datasetId: string; kind: "pull"; states: ReviewState[]; actor: string; value: unknown },
): Promise<RecordedStates> {
  const { datasetId, actor } = input;
  if (input.states.length === 0) return { actionId: null, count: 0, applied: [] };
  const actionId = randomUUID();
  const states = JSON.stringify(
    input.states.map((state) => ({
      row_id: state.rowId,
      had_review: state.expected !== null,
      expected_action_id: state.expected?.lastActionId ?? null,
      expected_updated_at: state.expected?.updatedAt.toISOString() ?? null,
      status: state.status,
      labels: state.labels,
      rating: state.rating,
      edited_data: state.editedData,
      reviewer: state.reviewer,
    })),
  );
  return db.$transaction(async (tx) => {
    await lockDatasetReviews(tx, datasetId);
    await tx.$executeRaw`INSERT INTO review_actions (id, dataset_id, kind, value, actor)
      VALUES (${actionId}::uuid, ${datasetId}::uuid, ${input.kind}::review_action_kind, ${JSON.stringify(input.value ?? null)}::jsonb, ${actor})`;
    const applied = await tx.$queryRaw<{ row_id: string }[]>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${states}::jsonb) AS x(row_id uuid, had_review boolean, expected_action_id uuid, expected_updated_at timestamptz,
          status review_status, labels jsonb, rating int, edited_data jsonb, reviewer text)
      ), target AS (
        SELECT x.*, v.status AS b_status, v.edited_data AS b_edited_data, v.labels AS b_labels, v.rating AS b_rating, v.comment AS b_comment,
               v.reviewer AS b_reviewer, v.reviewed_at AS b_reviewed_at, v.last_action_id AS b_action_id
          FROM input x
          JOIN rows r ON r.id = x.row_id AND r.dataset_id = ${datasetId}::uuid
          LEFT JOIN reviews v ON v.row_id = x.row_id
         WHERE (v.row_id IS NULL AND NOT x.had_review)
            OR (v.row_id IS NOT NULL AND x.had_review AND v.last_action_id IS NOT DISTINCT FROM x.expected_action_id
                AND v.updated_at = (x.expected_updated_at AT TIME ZONE 'UTC'))
      ), saved AS (
        INSERT INTO review_action_rows (action_id, row_id, before_status, before_edited_data, before_labels, before_rating, before_comment, before_reviewer, before_reviewed_at, before_action_id)
        SELECT ${actionId}::uuid, row_id, b_status, b_edited_data, b_labels, b_rating, b_comment, b_reviewer, b_reviewed_at, b_action_id FROM target
      )
      INSERT INTO reviews (id, row_id, dataset_id, status, edited_data, labels, rating, reviewer, reviewed_at, last_action_id, updated_at)
      SELECT gen_random_uuid(), row_id, ${datasetId}::uuid, status, edited_data, ARRAY(SELECT jsonb_array_elements_text(labels)), rating, reviewer, now(), ${actionId}::uuid, now()
        FROM target
      ON CONFLICT (row_id) DO UPDATE SET status = EXCLUDED.status, edited_data = EXCLUDED.edited_data, labels = EXCLUDED.labels, rating = EXCLUDED.rating,
        reviewer = EXCLUDED.reviewer, reviewed_at = EXCLUDED.reviewed_at, last_action_id = EXCLUDED.last_action_id, updated_at = EXCLUDED.updated_at
      RETURNING row_id::text`;
    if (applied.length === 0) {
      await tx.$executeRaw`DELETE FROM review_actions WHERE id = ${actionId}::uuid`;
      return { actionId: null, count: 0, applied: [] };
    }
    await tx.$executeRaw`UPDATE review_actions SET count = ${applied.length} WHERE id = ${actionId}::uuid`;
    return { actionId, count: applied.length, applied: applied.map((row) => row.row_id) };
  }, TRANSACTION);
}

export type UndoOutcome = { restored: number; skipped: number };

export function findReviewAction(db: PrismaClient, datasetId: string, actionId: string) {
  return db.reviewAction.findFirst({ where: { id: actionId, datasetId }, select: { id: true, kind: true, count: true, undoneAt: true } });
}

/** Restores the before-state of every touched review still in this action's state; returns null when already undone. */
export async function undoReviewActionRows(db: PrismaClient, datasetId: string, actionId: string): Promise<UndoOutcome | null> {
  return db.$transaction(async (tx) => {
    await lockDatasetReviews(tx, datasetId);
    const [action] = await tx.$queryRaw<{ count: number; undone: boolean }[]>`
      SELECT count, undone_at IS NOT NULL AS undone FROM review_actions WHERE id = ${actionId}::uuid AND dataset_id = ${datasetId}::uuid FOR UPDATE`;
    if (!action || action.undone) return null;
    // Rows that had no review before get none again.
    const removed = await tx.$executeRaw`
      DELETE FROM reviews v USING review_action_rows a
       WHERE a.action_id = ${actionId}::uuid AND v.row_id = a.row_id AND v.last_action_id = ${actionId}::uuid AND a.before_status IS NULL`;
    const restored = await tx.$executeRaw`
      UPDATE reviews v
         SET status = a.before_status, edited_data = a.before_edited_data, labels = a.before_labels, rating = a.before_rating, comment = a.before_comment,
             reviewer = a.before_reviewer, reviewed_at = a.before_reviewed_at, last_action_id = a.before_action_id, updated_at = now()
        FROM review_action_rows a
       WHERE a.action_id = ${actionId}::uuid AND v.row_id = a.row_id AND v.last_action_id = ${actionId}::uuid AND a.before_status IS NOT NULL`;
    const skipped = action.count - removed - restored;
    await tx.$executeRaw`UPDATE review_actions SET undone_at = now(), undo_skipped = ${skipped} WHERE id = ${actionId}::uuid`;
    return { restored: removed + restored, skipped };
  }, TRANSACTION);
}

export function listReviewActions(db: PrismaClient, datasetId: string, limit: number) {
  return db.reviewAction.findMany({
    where: { datasetId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, count: true, filter: true, value: true, actor: true, createdAt: true, undoneAt: true, undoSkipped: true },
  });
}

export const reviewSelect = {
  status: true,
  editedData: true,
  labels: true,
  rating: true,
  comment: true,
  reviewer: true,
  reviewedAt: true,
  lastActionId: true,
} satisfies Prisma.ReviewSelect;

/** The row as an edit needs it: its type's data (the original) and the dataset's type. */
export function findRowForEdit(db: PrismaClient, datasetId: string, rowId: string) {
  return db.row.findFirst({ where: { id: rowId, datasetId }, select: { id: true, data: true } });
}

export function findRowReview(db: PrismaClient, rowId: string) {
  return db.review.findUnique({ where: { rowId }, select: reviewSelect });
}
