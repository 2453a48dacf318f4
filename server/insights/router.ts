import "server-only";
import { z } from "zod";
import { rowFilterSchema } from "@/lib/review/row-filter";
import { datasetProcedure, router } from "@/server/trpc/init";
import { estimateRegeneration, regenerateRows } from "./regeneration";

const selection = z.object({
  /** Chosen rows; without them, every current row matching the filter. */
  rowIds: z.array(z.uuid()).min(1).max(100_000).optional(),
  filter: rowFilterSchema.default({}),
});

export const insightsRouter = router({
  regenerationEstimate: datasetProcedure.input(selection).query(({ ctx, input }) => estimateRegeneration(ctx.db, ctx.dataset.id, input)),
  regenerate: datasetProcedure
    .input(selection.extend({ instruction: z.string().trim().max(2000, { error: "the instruction can have at most 2,000 characters" }).optional() }))
    .mutation(({ ctx, input }) => regenerateRows(ctx.db, ctx.queue, ctx.dataset.id, input)),
});
