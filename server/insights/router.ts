import "server-only";
import { z } from "zod";
import { rowFilterSchema } from "@/lib/review/row-filter";
import { annotatorDatasetProcedure, editorDatasetProcedure, router } from "@/server/trpc/init";
import { reviewerOf } from "@/server/review/reviewer";
import { getLatestDuplicateScan, keepOneOfGroup, listDuplicateGroups, startDuplicateScan } from "./duplicates";
import { estimateRegeneration, regenerateRows } from "./regeneration";
import { getReviewerProgress } from "./reviewer-progress";
import { getCoverage, getDatasetStats, getReviewProgress } from "./stats";
import { topUpCell } from "./top-up";
import { getRowVersions } from "./versions";

const selection = z.object({
  /** Chosen rows; without them, every current row matching the filter. */
  rowIds: z.array(z.uuid()).min(1).max(100_000).optional(),
  filter: rowFilterSchema.default({}),
});

const cell = z.object({
  variable: z.string().min(1).nullable(),
  value: z.string(),
  category: z.string().min(1).nullable(),
  categoryValue: z.string(),
  language: z.string().min(1),
});

export const insightsRouter = router({
  regenerationEstimate: editorDatasetProcedure.input(selection).query(({ ctx, input }) => estimateRegeneration(ctx.db, ctx.dataset.id, input)),
  regenerate: editorDatasetProcedure
    .input(selection.extend({ instruction: z.string().trim().max(2000, { error: "the instruction can have at most 2,000 characters" }).optional() }))
    .mutation(({ ctx, input }) => regenerateRows(ctx.db, ctx.queue, ctx.dataset.id, input)),
  rowVersions: annotatorDatasetProcedure.input(z.object({ rowId: z.uuid() })).query(({ ctx, input }) => getRowVersions(ctx.db, ctx.dataset.id, input.rowId)),

  progress: annotatorDatasetProcedure.query(({ ctx }) => getReviewProgress(ctx.db, ctx.dataset.id)),
  reviewerProgress: annotatorDatasetProcedure.query(({ ctx }) => getReviewerProgress(ctx.db, ctx.dataset.id)),
  stats: annotatorDatasetProcedure.query(({ ctx }) => getDatasetStats(ctx.db, ctx.dataset.id)),
  coverage: annotatorDatasetProcedure
    .input(z.object({
      variable: z.string().min(1).nullable().optional(),
      category: z.string().min(1).nullable().optional(),
      threshold: z.number().int().min(0).max(1_000_000).default(5),
      measure: z.enum(["rows", "accepted"]).default("rows"),
    }))
    .query(({ ctx, input }) => getCoverage(ctx.db, ctx.dataset.id, input)),
  topUp: editorDatasetProcedure
    .input(z.object({ cell, rows: z.number().int().min(1, { error: "add at least one row" }).max(10_000, { error: "add at most 10,000 rows at once" }) }))
    .mutation(({ ctx, input }) => topUpCell(ctx.db, ctx.queue, ctx.dataset.id, input)),

  scanDuplicates: editorDatasetProcedure
    .input(z.object({ threshold: z.number().min(0.3, { error: "the similarity threshold is between 0.3 and 1" }).max(1).optional() }))
    .mutation(({ ctx, input }) => startDuplicateScan(ctx.db, ctx.queue, ctx.dataset.id, input.threshold)),
  duplicateScan: annotatorDatasetProcedure.query(({ ctx }) => getLatestDuplicateScan(ctx.db, ctx.dataset.id)),
  duplicateGroups: annotatorDatasetProcedure
    .input(z.object({ page: z.number().int().min(0).default(0), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listDuplicateGroups(ctx.db, ctx.dataset.id, input)),
  keepOne: annotatorDatasetProcedure
    .input(z.object({ groupId: z.uuid(), keepRowId: z.uuid() }))
    .mutation(({ ctx, input }) => keepOneOfGroup(ctx.db, ctx.dataset.id, { ...input, reviewer: reviewerOf(ctx.viewer) })),
});
