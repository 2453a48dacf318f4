import "server-only";
import { z } from "zod";
import { editorProcedure, router } from "@/server/trpc/init";
import { discardPreview, promotePreview } from "./preview-store";

const previewId = z.uuid({ error: "previewId must be a preview id (UUID)" });

export const previewsRouter = router({
  discard: editorProcedure.input(z.object({ previewId })).mutation(({ ctx, input }) => discardPreview(ctx.db, input.previewId)),
  promote: editorProcedure
    .input(z.object({ previewId, datasetId: z.uuid({ error: "datasetId must be a dataset id (UUID)" }) }))
    .mutation(({ ctx, input }) => promotePreview(ctx.db, input.previewId, input.datasetId)),
});
