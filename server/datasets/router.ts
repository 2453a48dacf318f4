import "server-only";
import { z } from "zod";
import { annotatorDatasetProcedure, annotatorProcedure, editorDatasetProcedure, editorProcedure, router } from "@/server/trpc/init";
import { createDataset, listDatasets, summarizePlan, updateDesign } from "./service";

// Designs are validated by the service with datasetDesignSchema, so a bad
// design answers with every problem and its field, not just the first.
const designInput = z.object({ design: z.unknown() });

export const datasetsRouter = router({
  list: annotatorProcedure.query(({ ctx }) => listDatasets(ctx.db)),
  get: annotatorDatasetProcedure.query(({ ctx }) => ctx.dataset),
  create: editorProcedure.input(designInput).mutation(({ ctx, input }) => createDataset(ctx.db, input.design)),
  update: editorDatasetProcedure.input(designInput).mutation(({ ctx, input }) => updateDesign(ctx.db, ctx.dataset.id, input.design)),
  plan: editorProcedure
    .input(designInput.extend({ sample: z.object({ calls: z.number().int().min(0), rows: z.number().int().min(0), inputTokens: z.number().min(0), outputTokens: z.number().min(0) }).optional() }))
    .query(({ ctx, input }) => summarizePlan(ctx.db, input.design, input.sample)),
});
