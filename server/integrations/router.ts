import "server-only";
import { createIntegrationSchema, integrationIdSchema, listIntegrationsSchema, updateIntegrationSchema } from "@/lib/integrations/schema";
import { publicProcedure, router } from "@/server/trpc/init";
import { createIntegration, deleteIntegration, getIntegration, listIntegrations, testIntegration, updateIntegration } from "./service";

export const integrationsRouter = router({
  list: publicProcedure.input(listIntegrationsSchema).query(({ ctx, input }) => listIntegrations(ctx.db, input?.kind)),
  get: publicProcedure.input(integrationIdSchema).query(({ ctx, input }) => getIntegration(ctx.db, input.id)),
  create: publicProcedure.input(createIntegrationSchema).mutation(({ ctx, input }) => createIntegration(ctx.db, input)),
  update: publicProcedure.input(updateIntegrationSchema).mutation(({ ctx, input }) => updateIntegration(ctx.db, input)),
  delete: publicProcedure.input(integrationIdSchema).mutation(({ ctx, input }) => deleteIntegration(ctx.db, input.id)),
  test: publicProcedure.input(integrationIdSchema).mutation(({ ctx, input }) => testIntegration(ctx.db, input.id)),
});
