import "server-only";
import {
  bulkCountInputSchema,
  bulkInputSchema,
  commentRowInputSchema,
  editRowInputSchema,
  historyInputSchema,
  neighboursInputSchema,
  positionInputSchema,
  rateRowInputSchema,
  rowRefInputSchema,
  setLabelsInputSchema,
  setStatusInputSchema,
  undoInputSchema,
} from "@/lib/review/review-input";
import { annotatorDatasetProcedure, router } from "@/server/trpc/init";
import { reviewerOf } from "./reviewer";
import { applyBulkAction, commentRow, countBulkTarget, editRow, listHistory, rateRow, setRowLabels, setRowStatus, undoAction } from "./actions";
import { findNeighbours, findPosition, getLineage, getReviewRow } from "./focus";

export const reviewsRouter = router({
  get: annotatorDatasetProcedure.input(rowRefInputSchema).query(({ ctx, input }) => getReviewRow(ctx.db, ctx.dataset.id, input.rowId)),
  neighbours: annotatorDatasetProcedure.input(neighboursInputSchema).query(({ ctx, input }) => findNeighbours(ctx.db, ctx.dataset.id, input)),
  position: annotatorDatasetProcedure.input(positionInputSchema).query(({ ctx, input }) => findPosition(ctx.db, ctx.dataset.id, input)),
  lineage: annotatorDatasetProcedure.input(rowRefInputSchema).query(({ ctx, input }) => getLineage(ctx.db, ctx.dataset.id, input.rowId)),
  setStatus: annotatorDatasetProcedure.input(setStatusInputSchema).mutation(({ ctx, input }) => setRowStatus(ctx.db, ctx.dataset, { ...input, reviewer: reviewerOf(ctx.viewer) })),
  edit: annotatorDatasetProcedure.input(editRowInputSchema).mutation(({ ctx, input }) => editRow(ctx.db, ctx.dataset, { ...input, reviewer: reviewerOf(ctx.viewer) })),
  setLabels: annotatorDatasetProcedure.input(setLabelsInputSchema).mutation(({ ctx, input }) => setRowLabels(ctx.db, ctx.dataset, { ...input, reviewer: reviewerOf(ctx.viewer) })),
  rate: annotatorDatasetProcedure.input(rateRowInputSchema).mutation(({ ctx, input }) => rateRow(ctx.db, ctx.dataset, { ...input, reviewer: reviewerOf(ctx.viewer) })),
  comment: annotatorDatasetProcedure.input(commentRowInputSchema).mutation(({ ctx, input }) => commentRow(ctx.db, ctx.dataset, { ...input, reviewer: reviewerOf(ctx.viewer) })),
  bulkCount: annotatorDatasetProcedure.input(bulkCountInputSchema).query(({ ctx, input }) => countBulkTarget(ctx.db, ctx.dataset.id, input.target)),
  bulk: annotatorDatasetProcedure.input(bulkInputSchema).mutation(({ ctx, input }) => applyBulkAction(ctx.db, ctx.dataset, { ...input, reviewer: reviewerOf(ctx.viewer) })),
  undo: annotatorDatasetProcedure.input(undoInputSchema).mutation(({ ctx, input }) => undoAction(ctx.db, ctx.dataset.id, input.actionId)),
  history: annotatorDatasetProcedure.input(historyInputSchema).query(({ ctx, input }) => listHistory(ctx.db, ctx.dataset.id, input.limit)),
});
