import "server-only";
import { connectionIdSchema, createConnectionSchema, testConnectionSchema, updateConnectionSchema } from "@/lib/connections/schema";
import { editorProcedure, ownerProcedure, router } from "@/server/trpc/init";
import { createConnection, deleteConnection, getConnection, listConnections, testConnection, updateConnection } from "./service";

export const connectionsRouter = router({
  list: editorProcedure.query(({ ctx }) => listConnections(ctx.db)),
  get: ownerProcedure.input(connectionIdSchema).query(({ ctx, input }) => getConnection(ctx.db, input.id)),
  create: ownerProcedure.input(createConnectionSchema).mutation(({ ctx, input }) => createConnection(ctx.db, input)),
  update: ownerProcedure.input(updateConnectionSchema).mutation(({ ctx, input }) => updateConnection(ctx.db, input)),
  delete: ownerProcedure.input(connectionIdSchema).mutation(({ ctx, input }) => deleteConnection(ctx.db, input.id)),
  test: ownerProcedure.input(testConnectionSchema).mutation(({ ctx, input }) => testConnection(ctx.db, input)),
});
