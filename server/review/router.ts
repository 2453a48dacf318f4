import "server-only";
import { z } from "zod";
import { datasetProcedure, router } from "@/server/trpc/init";
import { listRows } from "./service";

export const rowsRouter = router({
  list: datasetProcedure
    .input(z.object({ runId: z.uuid().optional(), page: z.number().int().min(0).default(0), pageSize: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => listRows(ctx.db, { datasetId: ctx.dataset.id, runId: input.runId }, input)),
});
