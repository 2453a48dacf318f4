import "server-only";
import { z } from "zod";
import { rowFilterSchema } from "@/lib/review/row-filter";
import { rowsListInputSchema } from "@/lib/review/rows-query";
import { annotatorDatasetProcedure, router } from "@/server/trpc/init";
import { countMatchingRows, getRowFacets, listRows } from "./service";

export const rowsRouter = router({
  list: annotatorDatasetProcedure.input(rowsListInputSchema).query(({ ctx, input }) => listRows(ctx.db, ctx.dataset.id, input)),
  /** The exact count, for a page that answered with an estimate. */
  count: annotatorDatasetProcedure.input(z.object({ filter: rowFilterSchema.default({}) })).query(({ ctx, input }) => countMatchingRows(ctx.db, ctx.dataset.id, input.filter)),
  facets: annotatorDatasetProcedure.query(({ ctx }) => getRowFacets(ctx.db, ctx.dataset.id)),
});
