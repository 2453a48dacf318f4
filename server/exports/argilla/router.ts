import "server-only";
import { argillaConnectionInputSchema, argillaPullInputSchema, argillaPushInputSchema } from "@/lib/exports/argilla-input";
import { datasetProcedure, publicProcedure, router } from "@/server/trpc/init";
import { argillaStatus, listConnections, listWorkspaces, pullDataset, pushDataset } from "./service";

export const argillaRouter = router({
  connections: publicProcedure.query(({ ctx }) => listConnections(ctx.db)),
  workspaces: publicProcedure.input(argillaConnectionInputSchema).query(({ ctx, input }) => listWorkspaces(ctx.db, input.connectionId)),
  status: datasetProcedure.query(({ ctx }) => argillaStatus(ctx.db, ctx.dataset.id)),
  push: datasetProcedure.input(argillaPushInputSchema).mutation(({ ctx, input }) => pushDataset(ctx.db, ctx.dataset, input)),
  pull: datasetProcedure.input(argillaPullInputSchema).mutation(({ ctx, input }) => pullDataset(ctx.db, ctx.dataset, input)),
});
