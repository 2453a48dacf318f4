import "server-only";
import { connectionIdSchema, createConnectionSchema, testConnectionSchema, updateConnectionSchema } from "@/lib/connections/schema";
import { publicProcedure, router } from "@/server/trpc/init";
import { createConnection, deleteConnection, getConnection, listConnections, testConnection, updateConnection } from "./service";

export const connectionsRouter = router({
  list: publicProcedure.query(({ ctx }) => listConnections(ctx.db)),
  get: publicProcedure.input(connectionIdSchema).query(({ ctx, input }) => getConnection(ctx.db, input.id)),
  create: publicProcedure.input(createConnectionSchema).mutation(({ ctx, input }) => createConnection(ctx.db, input)),
  update: publicProcedure.input(updateConnectionSchema).mutation(({ ctx, input }) => updateConnection(ctx.db, input)),
  delete: publicProcedure.input(connectionIdSchema).mutation(({ ctx, input }) => deleteConnection(ctx.db, input.id)),
  test: publicProcedure.input(testConnectionSchema).mutation(({ ctx, input }) => testConnection(ctx.db, input)),
});
