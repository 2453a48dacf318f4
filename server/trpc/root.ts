import "server-only";
import { accountRouter, apiTokensRouter, membersRouter } from "@/server/auth/router";
import { datasetsRouter } from "@/server/datasets/router";
import { argillaRouter } from "@/server/exports/argilla/router";
import { exportsRouter } from "@/server/exports/router";
import { connectionsRouter } from "@/server/providers/router";
import { previewsRouter } from "@/server/generation/preview-router";
import { runsRouter } from "@/server/generation/router";
import { pricesRouter } from "@/server/llm/pricing/router";
import { hubRouter } from "@/server/exports/hub/router";
import { insightsRouter } from "@/server/insights/router";
import { integrationsRouter } from "@/server/integrations/router";
import { rowsRouter } from "@/server/review/router";
import { reviewsRouter } from "@/server/review/reviews-router";
import { sourcesRouter } from "@/server/sources/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  datasets: datasetsRouter,
  runs: runsRouter,
  rows: rowsRouter,
  reviews: reviewsRouter,
  insights: insightsRouter,
  connections: connectionsRouter,
  integrations: integrationsRouter,
  hub: hubRouter,
  prices: pricesRouter,
  sources: sourcesRouter,
  previews: previewsRouter,
  argilla: argillaRouter,
  exports: exportsRouter,
  account: accountRouter,
  members: membersRouter,
  apiTokens: apiTokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
