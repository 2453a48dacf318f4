import "server-only";
import { exportCountInputSchema } from "@/lib/exports/export-options";
import { editorDatasetProcedure, router } from "@/server/trpc/init";
import { countExport } from "./service";

export const exportsRouter = router({
  /** How many rows a download with these options holds (and per part of a split). */
  count: editorDatasetProcedure.input(exportCountInputSchema).query(({ ctx, input }) => countExport(ctx.db, { datasetId: ctx.dataset.id }, input)),
});
