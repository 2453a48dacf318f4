import "server-only";
import { z } from "zod";
import { runModeSchema } from "@/lib/runs/run-mode";
import { annotatorDatasetProcedure, annotatorProcedure, editorDatasetProcedure, editorProcedure, router } from "@/server/trpc/init";
import { getRunProgress, launchRun, listRuns, resumeRun } from "./service";
import { cancelRun, pauseRun, retryFailedItems } from "./lifecycle";

const runInput = z.object({ runId: z.uuid({ error: "runId must be a run id (UUID)" }) });
const budget = z.number({ error: "budget must be a number of US dollars" }).positive({ error: "budget must be more than $0" }).max(1_000_000);

export const runsRouter = router({
  launch: editorDatasetProcedure
    .input(z.object({ budgetUsd: budget.optional(), mode: runModeSchema.default("online") }))
    .mutation(({ ctx, input }) => launchRun(ctx.db, ctx.queue, ctx.dataset.id, { budgetUsd: input.budgetUsd, mode: input.mode })),
  resume: editorProcedure
    .input(runInput.extend({ budgetUsd: budget.nullable().optional() }))
    .mutation(({ ctx, input }) => resumeRun(ctx.db, ctx.queue, input.runId, { budgetUsd: input.budgetUsd })),
  pause: editorProcedure.input(runInput).mutation(({ ctx, input }) => pauseRun(ctx.db, input.runId)),
  cancel: editorProcedure.input(runInput).mutation(({ ctx, input }) => cancelRun(ctx.db, input.runId)),
  retryFailed: editorProcedure.input(runInput).mutation(({ ctx, input }) => retryFailedItems(ctx.db, ctx.queue, input.runId)),
  list: annotatorDatasetProcedure.query(({ ctx }) => listRuns(ctx.db, ctx.dataset.id)),
  progress: annotatorProcedure.input(runInput).query(({ ctx, input }) => getRunProgress(ctx.db, input.runId)),
});
