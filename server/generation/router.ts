import "server-only";
import { z } from "zod";
import { datasetProcedure, publicProcedure, router } from "@/server/trpc/init";
import { getRunProgress, launchRun, listRuns } from "./service";

const runInput = z.object({ runId: z.uuid({ error: "runId must be a run id (UUID)" }) });

export const runsRouter = router({
  launch: datasetProcedure.mutation(({ ctx }) => launchRun(ctx.db, ctx.queue, ctx.dataset.id)),
  list: datasetProcedure.query(({ ctx }) => listRuns(ctx.db, ctx.dataset.id)),
  progress: publicProcedure.input(runInput).query(({ ctx, input }) => getRunProgress(ctx.db, input.runId)),
});
