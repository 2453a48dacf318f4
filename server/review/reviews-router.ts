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
import { datasetProcedure, router } from "@/server/trpc/init";
import { applyBulkAction, commentRow, countBulkTarget, editRow, listHistory, rateRow, setRowLabels, setRowStatus, undoAction } from "./actions";
import { findNeighbours, findPosition, getLineage, getReviewRow } from "./focus";

export const reviewsRouter = router({
  get: datasetProcedure.input(rowRefInputSchema).query(({ ctx, input }) => getReviewRow(ctx.db, ctx.dataset.id, input.rowId)),
  neighbours: datasetProcedure.input(neighboursInputSchema).query(({ ctx, input }) => findNeighbours(ctx.db, ctx.dataset.id, input)),
  position: datasetProcedure.input(positionInputSchema).query(({ ctx, input }) => findPosition(ctx.db, ctx.dataset.id, input)),
  lineage: datasetProcedure.input(rowRefInputSchema).query(({ ctx, input }) => getLineage(ctx.db, ctx.dataset.id, input.rowId)),
  setStatus: datasetProcedure.input(setStatusInputSchema).mutation(({ ctx, input }) => setRowStatus(ctx.db, ctx.dataset, input)),
  edit: datasetProcedure.input(editRowInputSchema).mutation(({ ctx, input }) => editRow(ctx.db, ctx.dataset, input)),
  setLabels: datasetProcedure.input(setLabelsInputSchema).mutation(({ ctx, input }) => setRowLabels(ctx.db, ctx.dataset, input)),
  rate: datasetProcedure.input(rateRowInputSchema).mutation(({ ctx, input }) => rateRow(ctx.db, ctx.dataset, input)),
  comment: datasetProcedure.input(commentRowInputSchema).mutation(({ ctx, input }) => commentRow(ctx.db, ctx.dataset, input)),
  bulkCount: datasetProcedure.input(bulkCountInputSchema).query(({ ctx, input }) => countBulkTarget(ctx.db, ctx.dataset.id, input.target)),
  bulk: datasetProcedure.input(bulkInputSchema).mutation(({ ctx, input }) => applyBulkAction(ctx.db, ctx.dataset, input)),
  undo: datasetProcedure.input(undoInputSchema).mutation(({ ctx, input }) => undoAction(ctx.db, ctx.dataset.id, input.actionId)),
  history: datasetProcedure.input(historyInputSchema).query(({ ctx, input }) => listHistory(ctx.db, ctx.dataset.id, input.limit)),
});
