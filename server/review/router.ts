import "server-only";
import { rowsListInputSchema } from "@/lib/review/rows-query";
import { datasetProcedure, router } from "@/server/trpc/init";
import { getRowFacets, listRows } from "./service";

export const rowsRouter = router({
  list: datasetProcedure.input(rowsListInputSchema).query(({ ctx, input }) => listRows(ctx.db, ctx.dataset.id, input)),
  facets: datasetProcedure.query(({ ctx }) => getRowFacets(ctx.db, ctx.dataset.id)),
});
