import "server-only";
import { fetchHubSampleSchema, previewSourceSchema, sourceIdSchema, sourcePageSchema } from "@/lib/sources/source-schemas";
import { publicProcedure, router } from "@/server/trpc/init";
import { deleteSource, fetchHubSample, getSource, listSources, previewSource, sourceLimits } from "./service";

export const sourcesRouter = router({
  limits: publicProcedure.query(() => sourceLimits()),
  list: publicProcedure.query(({ ctx }) => listSources(ctx.db)),
  get: publicProcedure.input(sourcePageSchema).query(({ ctx, input }) => getSource(ctx.db, input)),
  delete: publicProcedure.input(sourceIdSchema).mutation(({ ctx, input }) => deleteSource(ctx.db, input.id)),
  fetchHubSample: publicProcedure.input(fetchHubSampleSchema).mutation(({ ctx, input }) => fetchHubSample(ctx.db, input)),
  previewColumns: publicProcedure.input(previewSourceSchema).query(({ ctx, input }) => previewSource(ctx.db, input)),
});
