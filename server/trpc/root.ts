import "server-only";
import { accountRouter, apiTokensRouter, membersRouter } from "@/server/auth/router";
import { datasetsRouter } from "@/server/datasets/router";
import { connectionsRouter } from "@/server/providers/router";
import { previewsRouter } from "@/server/generation/preview-router";
import { runsRouter } from "@/server/generation/router";
import { pricesRouter } from "@/server/llm/pricing/router";
import { insightsRouter } from "@/server/insights/router";
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
  prices: pricesRouter,
  sources: sourcesRouter,
  previews: previewsRouter,
  account: accountRouter,
  members: membersRouter,
  apiTokens: apiTokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
