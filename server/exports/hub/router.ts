import "server-only";
import { hubPushInputSchema } from "@/lib/exports/hub-options";
import { editorDatasetProcedure, router } from "@/server/trpc/init";
import { listHubPushes, pushToHub } from "./service";

export const hubRouter = router({
  /** Recent pushes of the dataset, newest first, with their Hub URLs. */
  pushes: editorDatasetProcedure.query(({ ctx }) => listHubPushes(ctx.db, ctx.dataset.id)),
  push: editorDatasetProcedure.input(hubPushInputSchema).mutation(({ ctx, input }) => {
    const { datasetId: _datasetId, ...options } = input;
    return pushToHub(ctx.db, ctx.dataset.id, options);
  }),
});
