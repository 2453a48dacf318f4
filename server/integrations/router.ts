import "server-only";
import { createIntegrationSchema, integrationIdSchema, listIntegrationsSchema, updateIntegrationSchema } from "@/lib/integrations/schema";
import { editorProcedure, ownerProcedure, router } from "@/server/trpc/init";
import { createIntegration, deleteIntegration, getIntegration, listIntegrations, testIntegration, updateIntegration } from "./service";

export const integrationsRouter = router({
  list: editorProcedure.input(listIntegrationsSchema).query(({ ctx, input }) => listIntegrations(ctx.db, input?.kind)),
  get: ownerProcedure.input(integrationIdSchema).query(({ ctx, input }) => getIntegration(ctx.db, input.id)),
  create: ownerProcedure.input(createIntegrationSchema).mutation(({ ctx, input }) => createIntegration(ctx.db, input)),
  update: ownerProcedure.input(updateIntegrationSchema).mutation(({ ctx, input }) => updateIntegration(ctx.db, input)),
  delete: ownerProcedure.input(integrationIdSchema).mutation(({ ctx, input }) => deleteIntegration(ctx.db, input.id)),
  test: ownerProcedure.input(integrationIdSchema).mutation(({ ctx, input }) => testIntegration(ctx.db, input.id)),
});
