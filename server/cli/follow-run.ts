// Works a run to its end in this process and reports it on the CLI contract.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getRunProgress, hasItemsInFlight } from "@/server/generation/service";
import { onParentExit } from "@/server/runtime";
import { emit, say } from "./output";

export type FollowOutcome = "completed" | "failed" | "cancelled" | "paused" | "interrupted";

export async function followRun(db: PrismaClient, runId: string, startedAt: number): Promise<FollowOutcome> {
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  onParentExit(onSignal);
  let lastLine = "";
  try {
    while (true) {
      let progress = await getRunProgress(db, runId);
      const line = `${progress.done}/${progress.plannedRows} rows (${progress.succeededRows} ok, ${progress.failedRows} failed), ${Math.round(progress.rowsPerMinute)} rows/min`;
      if (line !== lastLine) say(line);
      lastLine = line;
      // A paused run (by a person or its budget) will not move without a person: stop following it once nothing is in flight.
      let settledPause = progress.status === "paused" && !(await hasItemsInFlight(db, runId));
      if (settledPause) {
        // Items in flight when the counters were read have committed since (the last one may even have completed the run).
        progress = await getRunProgress(db, runId);
        settledPause = progress.status === "paused";
      }
      if (progress.terminal || settledPause) {
        for (const failure of progress.failures) say(`  failed ${failure.count}× ${failure.errorKind}: ${failure.example}`);
        if (settledPause) say(`paused: ${progress.pausedReason ?? "the run is paused"}\nresume with: npm run cli -- resume ${runId}${progress.pausedByBudget ? " --budget <usd>" : ""}`);
        if (progress.status === "cancelled") say(`cancelled: ${progress.cancelledRows} planned rows were not generated; the ${progress.succeededRows} rows made are kept`);
        emit({
          event: "finished", runId, status: progress.status, planned: progress.plannedRows, succeeded: progress.succeededRows, failed: progress.failedRows,
          ...(progress.status === "cancelled" ? { cancelled: progress.cancelledRows } : {}),
          inputTokens: progress.inputTokens, outputTokens: progress.outputTokens, costUsd: progress.costUsd, elapsedMs: Date.now() - startedAt,
          ...(settledPause ? { pausedReason: progress.pausedReason } : {}),
        });
        return progress.status as FollowOutcome;
      }
      if (interrupted) {
        say(`interrupted; the run keeps its rows. Continue with: npm run cli -- resume ${runId}`);
        return "interrupted";
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
