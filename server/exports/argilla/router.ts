import "server-only";
import { argillaConnectionInputSchema, argillaPullInputSchema, argillaPushInputSchema } from "@/lib/exports/argilla-input";
import { editorDatasetProcedure, editorProcedure, router } from "@/server/trpc/init";
import { argillaStatus, listConnections, listWorkspaces, pullDataset, pushDataset } from "./service";

export const argillaRouter = router({
  connections: editorProcedure.query(({ ctx }) => listConnections(ctx.db)),
  workspaces: editorProcedure.input(argillaConnectionInputSchema).query(({ ctx, input }) => listWorkspaces(ctx.db, input.connectionId)),
  status: editorDatasetProcedure.query(({ ctx }) => argillaStatus(ctx.db, ctx.dataset.id)),
  push: editorDatasetProcedure.input(argillaPushInputSchema).mutation(({ ctx, input }) => pushDataset(ctx.db, ctx.dataset, input)),
  pull: editorDatasetProcedure.input(argillaPullInputSchema).mutation(({ ctx, input }) => pullDataset(ctx.db, ctx.dataset, input)),
});
