import "server-only";
import { fetchHubSampleSchema, previewSourceSchema, sourceIdSchema, sourcePageSchema } from "@/lib/sources/source-schemas";
import { editorProcedure, router } from "@/server/trpc/init";
import { deleteSource, fetchHubSample, getSource, listSources, previewSource, sourceLimits } from "./service";

export const sourcesRouter = router({
  limits: editorProcedure.query(() => sourceLimits()),
  list: editorProcedure.query(({ ctx }) => listSources(ctx.db)),
  get: editorProcedure.input(sourcePageSchema).query(({ ctx, input }) => getSource(ctx.db, input)),
  delete: editorProcedure.input(sourceIdSchema).mutation(({ ctx, input }) => deleteSource(ctx.db, input.id)),
  fetchHubSample: editorProcedure.input(fetchHubSampleSchema).mutation(({ ctx, input }) => fetchHubSample(ctx.db, input)),
  previewColumns: editorProcedure.input(previewSourceSchema).query(({ ctx, input }) => previewSource(ctx.db, input)),
});
