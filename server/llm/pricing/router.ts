import "server-only";
import { z } from "zod";
import { editorProcedure, ownerProcedure, router } from "@/server/trpc/init";
import { listPrices, resetPrice, setPrice } from "./service";

const usd = z.number({ error: "enter a price in USD per million tokens" }).min(0, { error: "a price cannot be negative" }).max(10_000);

export const pricesRouter = router({
  list: editorProcedure.query(({ ctx }) => listPrices(ctx.db)),
  set: ownerProcedure
    .input(z.object({ model: z.string().trim().min(1, { error: "model id is required" }).max(200), inputPerMillion: usd, outputPerMillion: usd }))
    .mutation(({ ctx, input }) => setPrice(ctx.db, input)),
  reset: ownerProcedure.input(z.object({ model: z.string().min(1) })).mutation(({ ctx, input }) => resetPrice(ctx.db, input.model)),
});
