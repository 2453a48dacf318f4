// Review actions: accept, reject, reset, edit, labels, rating, comment, on one
// row or in bulk, each recorded with who and when, each undoable.
import "server-only";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { describeFilter } from "@/lib/review/describe-filter";
import { statusActionKind, type BulkAction, type BulkTarget, type ReviewActionKind } from "@/lib/review/review-input";
import type { ReviewStatusName } from "@/lib/review/row-filter";
import { describeIssues, reviewDesignInfo, validateReviewLabels, validateRowEdit } from "@/lib/review/row-edits";
import {
  applyReviewChange,
  applyReviewStates,
  countTargetRows,
  findReviewAction,
  findRowForEdit,
  findRowReview,
  listReviewActions,
  undoReviewActionRows,
  type ReviewChange,
  type ReviewState,
} from "./action-queries";

export type { ReviewState } from "./action-queries";

export type ReviewDataset = { id: string; type: DatasetTypeName; design: unknown };

const count = (value: number, word = "row") => `${new Intl.NumberFormat("en-US").format(value)} ${value === 1 ? word : `${word}s`}`;

async function applyToRow(db: PrismaClient, dataset: ReviewDataset, rowId: string, change: ReviewChange, reviewer: string, value: unknown) {
  const result = await applyReviewChange(db, { datasetId: dataset.id, target: { ids: [rowId] }, change, actor: reviewer, value });
  if (!result.actionId) throw new AppError("NOT_FOUND", `Row ${rowId} is not a row of this dataset.`);
  return { actionId: result.actionId, review: await findRowReview(db, rowId) };
}

export function setRowStatus(db: PrismaClient, dataset: ReviewDataset, input: { rowId: string; status: ReviewStatusName; reviewer: string }) {
  return applyToRow(db, dataset, input.rowId, { kind: statusActionKind[input.status] }, input.reviewer, { status: input.status });
}

export async function editRow(db: PrismaClient, dataset: ReviewDataset, input: { rowId: string; data: Record<string, unknown> | null; reviewer: string }) {
  const row = await findRowForEdit(db, dataset.id, input.rowId);
  if (!row) throw new AppError("NOT_FOUND", `Row ${input.rowId} is not a row of this dataset.`);
  let editedData: Record<string, unknown> | null = null;
  if (input.data) {
    const result = validateRowEdit(dataset.type, row.data as Record<string, unknown>, input.data, reviewDesignInfo(dataset.design));
    if (result.issues.length > 0) {
      throw new AppError("BAD_REQUEST", `This edit would make an invalid ${dataset.type} row: ${describeIssues(result.issues)}. The row keeps its original; fix the field and save again.`, result.issues);
    }
    editedData = result.editedData;
  }
  return applyToRow(db, dataset, input.rowId, { kind: "edit", editedData }, input.reviewer, { fields: editedData ? Object.keys(editedData) : [] });
}

function checkedLabels(dataset: ReviewDataset, labels: readonly string[]): string[] {
  const result = validateReviewLabels(dataset.type, labels, reviewDesignInfo(dataset.design));
  if (result.issues.length > 0) throw new AppError("BAD_REQUEST", result.issues.map((issue) => issue.message).join("; "), result.issues);
  return result.labels;
}

export function setRowLabels(db: PrismaClient, dataset: ReviewDataset, input: { rowId: string; labels: string[]; reviewer: string }) {
  const labels = checkedLabels(dataset, input.labels);
  return applyToRow(db, dataset, input.rowId, { kind: "labels", labels }, input.reviewer, { labels });
}

export function rateRow(db: PrismaClient, dataset: ReviewDataset, input: { rowId: string; rating: number | null; reviewer: string }) {
  return applyToRow(db, dataset, input.rowId, { kind: "rating", rating: input.rating }, input.reviewer, { rating: input.rating });
}

export function commentRow(db: PrismaClient, dataset: ReviewDataset, input: { rowId: string; comment: string | null; reviewer: string }) {
  const comment = input.comment?.trim() ? input.comment : null;
  return applyToRow(db, dataset, input.rowId, { kind: "comment", comment }, input.reviewer, { comment });
}

export async function countBulkTarget(db: PrismaClient, datasetId: string, target: BulkTarget) {
  return { count: await countTargetRows(db, datasetId, target) };
}

const PAST: Record<ReviewActionKind, string> = {
  accept: "Accepted",
  reject: "Rejected",
  reset: "Reset to pending",
  edit: "Edited",
  labels: "Labelled",
  rating: "Rated",
  comment: "Commented on",
};

/** Applies to exactly the rows the target names when it runs (a filter is evaluated then, not when counted). */
export async function applyBulkAction(db: PrismaClient, dataset: ReviewDataset, input: { target: BulkTarget; action: BulkAction; reviewer: string }) {
  const change: ReviewChange = input.action.kind === "labels" ? { kind: "labels", labels: checkedLabels(dataset, input.action.labels) } : { kind: input.action.kind };
  const value = change.kind === "labels" ? { labels: change.labels } : { status: change.kind };
  const result = await applyReviewChange(db, { datasetId: dataset.id, target: input.target, change, actor: input.reviewer, value });
  const message = result.count === 0 ? "No row matches any more: nothing was changed." : `${PAST[change.kind]} ${count(result.count)}.`;
  return { ...result, message };
}

/** What a pull records as its action's value: where the answers came from, who gave them, and per kind how many rows it set out to change (`count` says how many it did). */
export type PullActionValue = { source: string; target: string; reviewers: string[]; changes: { status: number; labels: number; rating: number; edit: number } };

/**
 * Answers pulled back from a review tool, as one action: each row gets its own state,
 * and one undo reverts the whole pull. Rows whose review changed since the pull read
 * them are left alone (not in `applied`).
 */
export function recordPull(db: PrismaClient, dataset: ReviewDataset, input: { states: ReviewState[]; actor: string; value: PullActionValue }) {
  return applyReviewStates(db, { datasetId: dataset.id, kind: "pull", states: input.states, actor: input.actor, value: input.value });
}

export async function undoAction(db: PrismaClient, datasetId: string, actionId: string) {
  const outcome = await undoReviewActionRows(db, datasetId, actionId);
  if (!outcome) {
    const action = await findReviewAction(db, datasetId, actionId);
    if (!action) throw new AppError("NOT_FOUND", `Review action ${actionId} does not exist in this dataset.`);
    throw new AppError("CONFLICT", "This action was already undone.");
  }
  const skipped = outcome.skipped > 0 ? ` ${count(outcome.skipped)} changed again since ${outcome.skipped === 1 ? "was" : "were"} left as ${outcome.skipped === 1 ? "it is" : "they are"}.` : "";
  return { ...outcome, message: `Restored ${count(outcome.restored)} to ${outcome.restored === 1 ? "its" : "their"} previous review.${skipped}` };
}

export async function listHistory(db: PrismaClient, datasetId: string, limit: number) {
  const actions = await listReviewActions(db, datasetId, limit);
  return actions.map((action) => ({
    ...action,
    label: action.kind === "pull" ? `${(action.value as Partial<PullActionValue> | null)?.source ?? "Review tool"} pull (${count(action.count)})` : `${PAST[action.kind]} ${count(action.count)}`,
    target: action.filter ? describeFilter(action.filter as Parameters<typeof describeFilter>[0]) || "all rows" : null,
  }));
}
